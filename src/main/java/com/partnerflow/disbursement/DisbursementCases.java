package com.partnerflow.disbursement;

import com.partnerflow.common.ReadableValues;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskCase;
import com.partnerflow.task.TaskCaseSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Names the claim behind a task's {@code claimId} and the payment behind a {@code paymentId} in
 * words and amounts ("Claim of €2,500.00, submitted"), never as ids. Partner users get only their
 * own organisation's, and no link; the claim links to the verification queue and the payment to the
 * payments page for those who may open them.
 */
@Component
class DisbursementCases implements TaskCaseSource {

  private final Claims claims;
  private final Payments payments;
  private final ReadableValues labels;

  DisbursementCases(Claims claims, Payments payments, ReadableValues labels) {
    this.claims = claims;
    this.payments = payments;
    this.labels = labels;
  }

  @Override
  public Optional<TaskCase> caseOf(String contextKey, String id, PartnerflowUser user) {
    return switch (contextKey) {
      case "claimId" ->
          claims
              .findById(id)
              .filter(c -> visible(c.getPartnerId(), user))
              .map(
                  c ->
                      new TaskCase(
                          "Claim",
                          (c.getClaimedAmount() == null
                                  ? "Claim"
                                  : "Claim of "
                                      + labels.money(c.getClaimedAmount(), c.getCurrency()))
                              + ", "
                              + labels.of(c.getStatus()).toLowerCase(java.util.Locale.ROOT),
                          mayVerify(user) ? "/disbursements/verification" : null));
      case "paymentId" ->
          payments
              .findById(id)
              .filter(p -> visible(p.getPartnerId(), user))
              .map(
                  p ->
                      new TaskCase(
                          "Payment",
                          "Payment of "
                              + labels.money(p.getAmount(), p.getCurrency())
                              + ", "
                              + labels.of(p.getStatus()).toLowerCase(java.util.Locale.ROOT),
                          mayPay(user) ? "/payments" : null));
      default -> Optional.empty();
    };
  }

  private static boolean visible(String partnerId, PartnerflowUser user) {
    return !user.isPartnerUser() || partnerId.equals(user.partnerId());
  }

  private static boolean mayVerify(PartnerflowUser user) {
    return !user.isPartnerUser()
        && (user.inGroup(DisbursementPages.MARKETING_OPS)
            || user.inGroup(PaymentDesk.FINANCE)
            || user.isAdmin());
  }

  private static boolean mayPay(PartnerflowUser user) {
    return !user.isPartnerUser() && (user.inGroup(PaymentDesk.FINANCE) || user.isAdmin());
  }
}
