package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.task.TaskCompletion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.resolve}: RESOLVED with outcome, settled amount and reason; for a late payment the
 * reason is what finance committed to. Answers {@code effect} and {@code settledAmount} for the
 * money step that follows.
 */
@Component
public class ResolveDisputeWorker {

  private final DisputeSteps steps;
  private final DisputeMail mail;

  ResolveDisputeWorker(DisputeSteps steps, DisputeMail mail) {
    this.steps = steps;
    this.mail = mail;
  }

  @WorkerVariables(
      requires = {"disputeId", "decision", "reason", "completedBy"},
      produces = {"effect", "outcome", "settledAmount"})
  @JobWorker(type = DisputeProcess.RESOLVE)
  public Map<String, Object> resolve(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    Dispute current = steps.dispute(v.disputeId());
    Resolution r = Resolution.of(current, v.required("decision"), v.amount("settledAmount"));
    String reason = v.required("reason");
    String by = v.required(TaskCompletion.COMPLETED_BY_VARIABLE);
    String commitment =
        current.getSubjectType() == SubjectType.PAYMENT && r.amount() != null ? reason : null;
    Dispute dispute =
        steps
            .step(
                v.disputeId(),
                v.step(),
                "RESOLVED_" + r.outcome(),
                by,
                commitment != null ? "Finance committed: " + reason : reason,
                r.amount(),
                (d, now) -> d.resolve(r.outcome(), r.amount(), reason, by, commitment, now))
            .orElseThrow(
                () -> new IllegalStateException("Dispute " + v.disputeId() + " withdrawn"));
    mail.statusChanged(dispute, v.step());
    Map<String, Object> result = new HashMap<>();
    result.put("effect", r.effect());
    result.put("outcome", r.outcome().name());
    if (r.amount() != null) {
      result.put("settledAmount", r.amount());
    }
    return result;
  }
}
