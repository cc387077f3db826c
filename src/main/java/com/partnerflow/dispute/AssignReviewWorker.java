package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code dispute.assign-review}: IN_REVIEW with the DMN's reviewer group and SLA deadline. */
@Component
public class AssignReviewWorker {

  private final DisputeSteps steps;
  private final DisputeMail mail;

  AssignReviewWorker(DisputeSteps steps, DisputeMail mail) {
    this.steps = steps;
    this.mail = mail;
  }

  @WorkerVariables(requires = {"disputeId", "policy", "reviewDueAt"})
  @JobWorker(type = DisputeProcess.ASSIGN_REVIEW)
  public void assignReview(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    String group = v.policy("reviewGroup");
    String classification = v.policy("classification");
    steps
        .step(
            v.disputeId(),
            v.step(),
            "REVIEW_ASSIGNED",
            DisputeSteps.SYSTEM,
            "Classified " + classification + "; reviewed by " + group,
            null,
            (d, now) -> {
              d.classified(classification);
              d.holdBy(DisputeStatus.IN_REVIEW, group, v.instant("reviewDueAt"), now);
            })
        .ifPresent(d -> mail.statusChanged(d, v.step()));
  }
}
