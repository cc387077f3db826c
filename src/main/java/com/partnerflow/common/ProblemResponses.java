package com.partnerflow.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every refused API request with {@code application/problem+json}; bad input lists each
 * field with its reason in {@code errors[]}. Pages that are not found get the site's 404 page.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return badRequest("The request has invalid fields", e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(
      NotFoundException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!isApi(request)) {
      response.sendError(HttpStatus.NOT_FOUND.value());
      return null;
    }
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** Unknown pages get the site's 404 page; unknown API paths a problem. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())) {
      try {
        servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
      return null;
    }
    return super.handleNoResourceFoundException(e, headers, status, request);
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  /** A lock conflict that outlasted {@link LockConflicts}: rolled back, so nothing was saved. */
  @ExceptionHandler(PessimisticLockingFailureException.class)
  ProblemDetail lockConflict(PessimisticLockingFailureException e) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Others are changing the same records right now; nothing was saved. Try again.");
  }

  @ExceptionHandler(TemporarilyUnavailableException.class)
  ProblemDetail unavailable(TemporarilyUnavailableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
            .toList();
    return ResponseEntity.badRequest().body(badRequest("The request has invalid fields", problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e.getCause() instanceof StrictJsonBodies.UnknownProperties unknown) {
      List<FieldProblem> problems =
          unknown.paths().stream()
              .map(p -> new FieldProblem(p, "is not accepted here: unknown, or set by the service"))
              .toList();
      return ResponseEntity.badRequest()
          .body(badRequest("The request body has properties this request does not take", problems));
    }
    FieldProblem problem = new FieldProblem("", "The body is not valid JSON");
    if (e.getCause() instanceof InvalidFormatException f) {
      problem = new FieldProblem(path(f), "has the wrong type or format: " + f.getValue());
    } else if (e.getCause() instanceof MismatchedInputException m) {
      problem = new FieldProblem(path(m), "has the wrong type");
    }
    return ResponseEntity.badRequest()
        .body(badRequest("The request body cannot be read", List.of(problem)));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  static ProblemDetail badRequest(String detail, List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return problem;
  }
}
