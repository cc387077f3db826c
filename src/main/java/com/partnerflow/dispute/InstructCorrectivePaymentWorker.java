package com.partnerflow.dispute;

import com.partnerflow.disbursement.DisbursementDisputes;
import com.partnerflow.disbursement.DisbursementDisputes.CorrectivePayment;
import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.fund.InsufficientFunds;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.instruct-corrective-payment}: reserves the settled amount and instructs the
 * claim's corrective payment under the idempotency key {@code dispute:<id>} (once, however often
 * the job is delivered); answers {@code correctivePaymentId}, its {@code correctivePaymentAttempt}
 * and {@code fundPeriod}. A balance that does not cover it is the BPMN error {@code
 * INSUFFICIENT_FUNDS}: nothing reserved or instructed, finance allocates funds, the step runs
 * again.
 */
@Component
public class InstructCorrectivePaymentWorker {

  private final DisbursementDisputes disbursements;
  private final DisputeSteps steps;

  InstructCorrectivePaymentWorker(DisbursementDisputes disbursements, DisputeSteps steps) {
    this.disbursements = disbursements;
    this.steps = steps;
  }

  @WorkerVariables(
      requires = {"disputeId", "claimId", "settledAmount"},
      produces = {"correctivePaymentId", "correctivePaymentAttempt", "fundPeriod", "fundsProblem"})
  @JobWorker(type = DisputeProcess.INSTRUCT_CORRECTIVE_PAYMENT)
  public Map<String, Object> instructCorrectivePayment(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    CorrectivePayment payment;
    try {
      payment =
          disbursements.instructCorrectivePayment(
              v.disputeId(), v.required("claimId"), v.amount("settledAmount"));
    } catch (InsufficientFunds e) {
      throw DisputeProcess.insufficientFunds(e);
    }
    steps.step(
        v.disputeId(),
        // Once per dispute, whichever element instance delivers it.
        "dispute:" + v.disputeId() + ":corrective_payment_instructed",
        "CORRECTIVE_PAYMENT_INSTRUCTED",
        DisputeSteps.SYSTEM,
        "Corrective payment " + payment.paymentId(),
        v.amount("settledAmount"),
        (d, now) -> d.correctivePayment(payment.paymentId()));
    return Map.of(
        "correctivePaymentId",
        payment.paymentId(),
        "correctivePaymentAttempt",
        payment.attempt(),
        "fundPeriod",
        payment.fundPeriod());
  }
}
