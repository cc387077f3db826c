package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.task.TaskCompletion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code mdf.record-decision}: an approver's decision goes into the audit trail. */
@Component
public class RecordDecisionWorker {

  private final MdfReview review;

  RecordDecisionWorker(MdfReview review) {
    this.review = review;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "decidingGroup", "decision"},
      produces = {"approvedAmount", "lastApprover", "rejectionReasons", "rejectedBy"})
  @JobWorker(type = MdfProcess.RECORD_DECISION)
  public Map<String, Object> recordDecision(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    String group = v.text("decidingGroup");
    String approver =
        job.getVariablesAsMap().get(TaskCompletion.COMPLETED_BY_VARIABLE) instanceof String name
            ? name
            : group;
    String decision = v.text("decision");
    String reason = v.text("reason");
    var amount =
        review.recordDecision(
            v.requestId(),
            group,
            approver,
            decision,
            v.amount("approvedAmount"),
            reason,
            "decision:" + job.getElementInstanceKey());
    return Map.of(
        "approvedAmount", amount,
        "lastApprover", group,
        "rejectionReasons",
            List.of(reason == null || reason.isBlank() ? "No reason given" : reason),
        "rejectedBy", group);
  }
}
