package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.task.TaskCompletion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.record-information}: the partner's answer in the audit trail; IN_REVIEW again with
 * a fresh review SLA ({@code reviewDueAt}, the same for every delivery of the job).
 */
@Component
public class RecordInformationWorker {

  private final DisputeSteps steps;
  private final DisputeMail mail;

  RecordInformationWorker(DisputeSteps steps, DisputeMail mail) {
    this.steps = steps;
    this.mail = mail;
  }

  @WorkerVariables(
      requires = {"disputeId", "policy", "completedBy"},
      produces = "reviewDueAt")
  @JobWorker(type = DisputeProcess.RECORD_INFORMATION)
  public Map<String, Object> recordInformation(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    String group = v.policy("reviewGroup");
    Duration sla = DisputePolicy.duration(v.policy("reviewSla"));
    Dispute dispute =
        steps
            .step(
                v.disputeId(),
                v.step(),
                "INFO_PROVIDED",
                v.required(TaskCompletion.COMPLETED_BY_VARIABLE),
                v.text("information"),
                null,
                (d, now) -> d.holdBy(DisputeStatus.IN_REVIEW, group, now.plus(sla), now))
            .orElseThrow(
                () -> new IllegalStateException("Dispute " + v.disputeId() + " withdrawn"));
    mail.statusChanged(dispute, v.step());
    return Map.of("reviewDueAt", dispute.getSlaDueAt().toString());
  }
}
