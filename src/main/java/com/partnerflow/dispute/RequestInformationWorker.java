package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code dispute.request-information}: INFO_REQUESTED; the partner holds the dispute. */
@Component
public class RequestInformationWorker {

  static final String PARTNER_HOLDER = "partner";

  private final DisputeSteps steps;
  private final DisputeMail mail;

  RequestInformationWorker(DisputeSteps steps, DisputeMail mail) {
    this.steps = steps;
    this.mail = mail;
  }

  @WorkerVariables(requires = "disputeId")
  @JobWorker(type = DisputeProcess.REQUEST_INFORMATION)
  public void requestInformation(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    steps
        .step(
            v.disputeId(),
            v.step(),
            "INFO_REQUESTED",
            DisputeSteps.SYSTEM,
            v.text("reason"),
            null,
            (d, now) -> d.holdBy(DisputeStatus.INFO_REQUESTED, PARTNER_HOLDER, null, now))
        .ifPresent(d -> mail.statusChanged(d, v.step()));
  }
}
