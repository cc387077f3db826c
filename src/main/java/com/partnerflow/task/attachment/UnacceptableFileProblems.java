package com.partnerflow.task.attachment;

import com.partnerflow.common.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused file (413 too large, 415 not PDF, PNG or JPEG) as a problem naming the field, whichever
 * endpoint took the upload: a task's attachments or a case's (a dispute's evidence).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnacceptableFileProblems {

  @ExceptionHandler(UnacceptableFile.class)
  ProblemDetail unacceptable(UnacceptableFile e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(e.status(), "The file is not accepted");
    problem.setTitle(e.status().getReasonPhrase());
    problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.reason())));
    return problem;
  }
}
