package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.record-escalation}: the SLA of the group holding a review was breached; records it in
 * the audit trail and hands the request to the escalation group with the new decision due date. The
 * model names both groups ({@code escalatedFrom}, {@code escalatedTo}) and computes the due date
 * ({@code escalationDueAt}) from the escalation group's own SLA in {@code mdf-approval-sla}.
 */
@Component
public class RecordEscalationWorker {

  private final MdfReview review;

  RecordEscalationWorker(MdfReview review) {
    this.review = review;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "escalatedFrom", "escalatedTo", "escalationDueAt"},
      produces = {"decidingGroup", "decisionDueAt"})
  @JobWorker(type = MdfProcess.RECORD_ESCALATION)
  public Map<String, Object> recordEscalation(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    String target = v.text("escalatedTo");
    Instant due = v.instant("escalationDueAt");
    review.recordEscalation(
        v.requestId(),
        v.text("escalatedFrom"),
        target,
        due,
        "escalation:" + job.getElementInstanceKey());
    return Map.of("decidingGroup", target, "decisionDueAt", due.toString());
  }
}
