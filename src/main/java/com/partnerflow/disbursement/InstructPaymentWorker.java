package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.instruct-payment}: the claim's one Payment (see {@link
 * PaymentSteps#instruct}) and the approval mail to the partner users.
 */
@Component
public class InstructPaymentWorker {

  private final PaymentSteps steps;
  private final ClaimSteps claims;
  private final DisbursementMail mail;

  InstructPaymentWorker(PaymentSteps steps, ClaimSteps claims, DisbursementMail mail) {
    this.steps = steps;
    this.claims = claims;
    this.mail = mail;
  }

  @WorkerVariables(
      requires = "claimId",
      produces = {"paymentId", "paymentAttempt"})
  @JobWorker(type = DisbursementProcess.INSTRUCT_PAYMENT)
  public Map<String, Object> instruct(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    Payment payment = steps.instruct(v.claimId(), v.completedBy(ClaimSteps.SYSTEM));
    Claim claim = claims.claim(v.claimId());
    boolean partial = claim.getApprovedAmount().compareTo(claim.getClaimedAmount()) < 0;
    Map<String, Object> model = ClaimSteps.model(claim, v.text("milestoneName"), v.text("title"));
    model.put("amount", claim.getApprovedAmount().toPlainString());
    model.put("claimed", claim.getClaimedAmount().toPlainString());
    model.put("reason", partial && claim.getReason() != null ? claim.getReason() : "");
    mail.toPartner(
        claim.getPartnerId(),
        partial ? "claim-partially-approved" : "claim-approved",
        model,
        v,
        "");
    return Map.of("paymentId", payment.getId(), "paymentAttempt", payment.getAttempt());
  }
}
