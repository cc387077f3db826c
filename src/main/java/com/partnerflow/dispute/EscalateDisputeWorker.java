package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.escalate}: ESCALATED to the DMN's escalation group with its own SLA ({@code
 * escalationDueAt}); why (the reviewer escalated, or the review SLA was breached) is recorded.
 */
@Component
public class EscalateDisputeWorker {

  private final DisputeSteps steps;
  private final DisputeMail mail;

  EscalateDisputeWorker(DisputeSteps steps, DisputeMail mail) {
    this.steps = steps;
    this.mail = mail;
  }

  @WorkerVariables(
      requires = {"disputeId", "policy"},
      produces = "escalationDueAt")
  @JobWorker(type = DisputeProcess.ESCALATE)
  public Map<String, Object> escalate(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    String group = v.policy("escalationGroup");
    Duration sla = DisputePolicy.duration(v.policy("escalationSla"));
    boolean byReviewer = DisputeProcess.ESCALATE_DECISION.equals(v.text("decision"));
    String why =
        byReviewer ? "The reviewer escalated: " + v.text("reason") : "The review SLA was breached";
    Dispute dispute =
        steps
            .step(
                v.disputeId(),
                v.step(),
                byReviewer ? "ESCALATED" : "SLA_BREACHED",
                DisputeSteps.SYSTEM,
                why + "; escalated to " + group,
                null,
                (d, now) -> {
                  d.escalated();
                  d.holdBy(DisputeStatus.ESCALATED, group, now.plus(sla), now);
                })
            .orElseThrow(
                () -> new IllegalStateException("Dispute " + v.disputeId() + " withdrawn"));
    mail.statusChanged(dispute, v.step());
    return Map.of("escalationDueAt", dispute.getSlaDueAt().toString());
  }
}
