package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.settle-unpaid}: the milestone ends without payment ({@code settlement} from
 * the diagram: LAPSED, BLOCKED, REJECTED or CANCELLED); its share is released and the partner users
 * are told why.
 */
@Component
public class SettleUnpaidWorker {

  private final PaymentSteps steps;
  private final ClaimSteps claims;
  private final DisbursementMail mail;

  SettleUnpaidWorker(PaymentSteps steps, ClaimSteps claims, DisbursementMail mail) {
    this.steps = steps;
    this.claims = claims;
    this.mail = mail;
  }

  @WorkerVariables(requires = {"claimId", "settlement", "fundPeriod"})
  @JobWorker(type = DisbursementProcess.SETTLE_UNPAID)
  public void settle(ActivatedJob job) {
    DisbursementJob v = DisbursementJob.of(job);
    Settlement settlement = Settlement.valueOf(v.required("settlement"));
    String reason = reason(settlement, v);
    Claim claim = steps.settleUnpaid(v.claimId(), settlement, v.fundPeriod(), reason);
    Map<String, Object> model =
        ClaimSteps.model(claims.claim(claim.getId()), v.text("milestoneName"), v.text("title"));
    model.put("reason", reason);
    model.put("amount", claim.getMilestoneAmount().toPlainString());
    mail.toPartner(claim.getPartnerId(), settlement.mailTemplate, model, v, "");
  }

  private static String reason(Settlement settlement, DisbursementJob v) {
    return switch (settlement) {
      case LAPSED -> "Nothing was claimed by the claim deadline " + v.text("claimDeadline");
      case BLOCKED ->
          "Blocked for audit: " + String.join("; ", texts(v.values().get("checkProblems")));
      case REJECTED -> v.text("reason") == null ? "Rejected by verification" : v.text("reason");
      case CANCELLED ->
          "Payment cancelled by finance"
              + (v.text("failureReason") == null
                  ? ""
                  : " after the bank's answer: " + v.text("failureReason"));
    };
  }

  private static java.util.List<String> texts(Object value) {
    return value instanceof java.util.List<?> list
        ? list.stream().map(String::valueOf).toList()
        : java.util.List.of();
  }
}
