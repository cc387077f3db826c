package com.partnerflow.dispute;

import com.partnerflow.disbursement.DisbursementDisputes;
import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.task.TaskCompletion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.resolve-failed-corrective-payment}: finance's decision on the corrective payment
 * the bank refused ({@code failureDecision}). RETRY puts the same payment back to INSTRUCTED for
 * the next run (once per failed attempt, so never a second payment) and answers {@code
 * correctivePaymentAttempt}; CANCEL keeps it FAILED and releases its reservation. Either goes into
 * the dispute's audit trail once.
 */
@Component
public class ResolveFailedCorrectivePaymentWorker {

  static final String RETRY = "RETRY";

  private final DisbursementDisputes disbursements;
  private final DisputeSteps steps;

  ResolveFailedCorrectivePaymentWorker(DisbursementDisputes disbursements, DisputeSteps steps) {
    this.disbursements = disbursements;
    this.steps = steps;
  }

  @WorkerVariables(
      requires = {"disputeId", "correctivePaymentId", "failureDecision"},
      produces = "correctivePaymentAttempt")
  @JobWorker(type = DisputeProcess.RESOLVE_FAILED_CORRECTIVE_PAYMENT)
  public Map<String, Object> resolveFailedCorrectivePayment(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    String paymentId = v.required("correctivePaymentId");
    boolean retry = RETRY.equals(v.required("failureDecision"));
    int attempt = v.integer("correctivePaymentAttempt");
    if (retry) {
      attempt = disbursements.retryCorrectivePayment(paymentId, attempt);
    } else {
      disbursements.cancelCorrectivePayment(v.disputeId(), paymentId, v.required("fundPeriod"));
    }
    String note = v.text("failureNote");
    steps.step(
        v.disputeId(),
        v.step(),
        retry ? "CORRECTIVE_PAYMENT_RETRIED" : "CORRECTIVE_PAYMENT_CANCELLED",
        v.text(TaskCompletion.COMPLETED_BY_VARIABLE) == null
            ? "finance"
            : v.text(TaskCompletion.COMPLETED_BY_VARIABLE),
        "Corrective payment "
            + paymentId
            + " refused by the bank ("
            + v.text("failureReason")
            + ")"
            + (retry ? "; paid again in the next run" : "; cancelled, its reservation released")
            + (note == null || note.isBlank() ? "" : ": " + note),
        v.amount("settledAmount"),
        (d, now) -> {});
    return Map.of("correctivePaymentAttempt", attempt);
  }
}
