package com.partnerflow.dispute;

import com.partnerflow.disbursement.DisbursementDisputes;
import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code dispute.record-corrective-payment}: PAY of the confirmed corrective payment, once. */
@Component
public class RecordCorrectivePaymentWorker {

  private final DisbursementDisputes disbursements;
  private final DisputeSteps steps;

  RecordCorrectivePaymentWorker(DisbursementDisputes disbursements, DisputeSteps steps) {
    this.disbursements = disbursements;
    this.steps = steps;
  }

  @WorkerVariables(requires = {"disputeId", "correctivePaymentId", "fundPeriod"})
  @JobWorker(type = DisputeProcess.RECORD_CORRECTIVE_PAYMENT)
  public void recordCorrectivePayment(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    String paymentId = v.required("correctivePaymentId");
    disbursements.recordCorrectivePayment(v.disputeId(), paymentId, v.required("fundPeriod"));
    steps.step(
        v.disputeId(),
        // Once per dispute, whichever element instance delivers it.
        "dispute:" + v.disputeId() + ":corrective_payment_paid",
        "CORRECTIVE_PAYMENT_PAID",
        DisputeSteps.SYSTEM,
        "Corrective payment " + paymentId + " confirmed and paid",
        v.amount("settledAmount"),
        (d, now) -> {});
  }
}
