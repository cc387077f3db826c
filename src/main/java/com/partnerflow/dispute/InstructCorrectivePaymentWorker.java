package com.partnerflow.dispute;

import com.partnerflow.disbursement.DisbursementDisputes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.instruct-corrective-payment}: reserves the settled amount and instructs the
 * claim's corrective payment under the idempotency key {@code dispute:<id>} (once, however often
 * the job is delivered); answers {@code correctivePaymentId} and {@code fundPeriod}.
 */
@Component
public class InstructCorrectivePaymentWorker {

  private final DisbursementDisputes disbursements;
  private final DisputeSteps steps;

  InstructCorrectivePaymentWorker(DisbursementDisputes disbursements, DisputeSteps steps) {
    this.disbursements = disbursements;
    this.steps = steps;
  }

  @JobWorker(type = DisputeProcess.INSTRUCT_CORRECTIVE_PAYMENT)
  public Map<String, Object> instructCorrectivePayment(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    var payment =
        disbursements.instructCorrectivePayment(
            v.disputeId(), v.required("claimId"), v.amount("settledAmount"));
    steps.step(
        v.disputeId(),
        // Once per dispute, whichever element instance delivers it.
        "dispute:" + v.disputeId() + ":corrective_payment_instructed",
        "CORRECTIVE_PAYMENT_INSTRUCTED",
        DisputeSteps.SYSTEM,
        "Corrective payment " + payment.paymentId(),
        v.amount("settledAmount"),
        (d, now) -> d.correctivePayment(payment.paymentId()));
    return Map.of("correctivePaymentId", payment.paymentId(), "fundPeriod", payment.fundPeriod());
  }
}
