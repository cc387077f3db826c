package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.resolve-failed-payment}: finance's decision on a failed payment ({@code
 * failureDecision} RETRY or CANCEL); a retry puts the same payment back to INSTRUCTED.
 */
@Component
public class ResolveFailedPaymentWorker {

  private final PaymentSteps steps;

  ResolveFailedPaymentWorker(PaymentSteps steps) {
    this.steps = steps;
  }

  @WorkerVariables(
      requires = {"paymentId", "failureDecision", "paymentAttempt"},
      produces = "paymentAttempt")
  @JobWorker(type = DisbursementProcess.RESOLVE_FAILED_PAYMENT)
  public Map<String, Object> resolve(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    if ("RETRY".equals(v.required("failureDecision"))) {
      int attempt = ((Number) v.values().get("paymentAttempt")).intValue();
      Payment payment = steps.retry(v.paymentId(), attempt);
      return Map.of("paymentAttempt", payment.getAttempt());
    }
    return Map.of();
  }
}
