package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.notify-steering-committee}: the escalated review's SLA is breached too; mails the
 * steering committee's address once and records it. The dispute stays with the escalation group.
 */
@Component
public class NotifySteeringCommitteeWorker {

  private final DisputeSteps steps;
  private final DisputeMail mail;
  private final DisputeProperties properties;

  NotifySteeringCommitteeWorker(
      DisputeSteps steps, DisputeMail mail, DisputeProperties properties) {
    this.steps = steps;
    this.mail = mail;
    this.properties = properties;
  }

  @WorkerVariables(requires = "disputeId")
  @JobWorker(type = DisputeProcess.NOTIFY_STEERING_COMMITTEE)
  public void notifySteeringCommittee(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    steps
        .step(
            v.disputeId(),
            v.step(),
            "STEERING_COMMITTEE_NOTIFIED",
            DisputeSteps.SYSTEM,
            "Escalation SLA breached; mailed " + properties.steeringCommitteeAddress(),
            null,
            (d, now) -> d.steeringNotified(now))
        .ifPresent(d -> mail.steeringCommittee(d, v.step()));
  }
}
