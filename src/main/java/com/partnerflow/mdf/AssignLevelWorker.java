package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code mdf.assign-level}: the request is IN_REVIEW with an approval group until the SLA ends. */
@Component
public class AssignLevelWorker {

  private final MdfReview review;

  AssignLevelWorker(MdfReview review) {
    this.review = review;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "approvalGroup", "sla"},
      produces = {"decidingGroup", "decisionDueAt", "availableBalance", "partnerHistory"})
  @JobWorker(type = MdfProcess.ASSIGN_LEVEL)
  public Map<String, Object> assignLevel(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    String group = v.text("approvalGroup");
    var level = review.assignLevel(v.requestId(), group, v.slaDuration());
    return Map.of(
        "decidingGroup", group,
        "decisionDueAt", level.decisionDueAt().toString(),
        "availableBalance", level.availableBalance(),
        "partnerHistory", level.partnerHistory());
  }
}
