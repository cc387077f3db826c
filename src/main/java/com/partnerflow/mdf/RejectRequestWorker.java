package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code mdf.reject-request}: marks the request REJECTED and tells the partner every reason. */
@Component
public class RejectRequestWorker {

  private final MdfReview review;
  private final MdfMail mail;

  RejectRequestWorker(MdfReview review, MdfMail mail) {
    this.review = review;
    this.mail = mail;
  }

  @WorkerVariables(requires = "mdfRequestId")
  @JobWorker(type = MdfProcess.REJECT_REQUEST)
  public void rejectRequest(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    List<String> reasons = v.texts("rejectionReasons");
    String actor = v.text("rejectedBy") == null ? MdfReview.SYSTEM : v.text("rejectedBy");
    MdfRequest request = review.reject(v.requestId(), actor, reasons);
    mail.rejected(request, reasons, job.getProcessInstanceKey(), job.getElementId());
  }
}
