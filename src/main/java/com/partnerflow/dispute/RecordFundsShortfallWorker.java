package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.record-funds-shortfall}: the partner's balance did not cover the resolution's
 * reservation ({@code fundsProblem}); the shortfall goes into the dispute's audit trail once per
 * occurrence, and finance gets the task to allocate funds. The resolution stands.
 */
@Component
public class RecordFundsShortfallWorker {

  private final DisputeSteps steps;

  RecordFundsShortfallWorker(DisputeSteps steps) {
    this.steps = steps;
  }

  @WorkerVariables(requires = "disputeId")
  @JobWorker(type = DisputeProcess.RECORD_FUNDS_SHORTFALL)
  public void recordFundsShortfall(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    steps.step(
        v.disputeId(),
        v.step(),
        "FUNDS_INSUFFICIENT",
        DisputeSteps.SYSTEM,
        v.text("fundsProblem") + "; finance allocates funds, then the step runs again",
        v.amount("settledAmount"),
        (d, now) -> {});
  }
}
