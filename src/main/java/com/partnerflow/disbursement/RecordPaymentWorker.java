package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.record-payment}: the confirmed payment's PAY and the RELEASE of the unpaid
 * rest (see {@link PaymentSteps#recordPayment}); the partner users get the payment reference.
 */
@Component
public class RecordPaymentWorker {

  private final PaymentSteps steps;
  private final ClaimSteps claims;
  private final DisbursementMail mail;

  RecordPaymentWorker(PaymentSteps steps, ClaimSteps claims, DisbursementMail mail) {
    this.steps = steps;
    this.claims = claims;
    this.mail = mail;
  }

  @WorkerVariables(requires = {"paymentId", "fundPeriod"})
  @JobWorker(type = DisbursementProcess.RECORD_PAYMENT)
  public void recordPayment(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    Payment payment = steps.recordPayment(v.paymentId(), v.fundPeriod());
    Claim claim = claims.claim(payment.getClaimId());
    Map<String, Object> model = ClaimSteps.model(claim, v.text("milestoneName"), v.text("title"));
    model.put("amount", payment.getAmount().toPlainString());
    model.put("reference", payment.getReference());
    mail.toPartner(claim.getPartnerId(), "milestone-paid", model, v, "");
  }
}
