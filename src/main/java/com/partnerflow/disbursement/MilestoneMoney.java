package com.partnerflow.disbursement;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.mdf.MdfDisbursements;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A milestone's money in the fund ledger: PAY of a confirmed payment and RELEASE of what the
 * milestone does not pay. The ledger keys are derived from the payment and the milestone, and the
 * request's totals are written in the same transaction under the same keys, so a retried job moves
 * and counts nothing twice.
 */
@Service
class MilestoneMoney {

  static final String ACTOR = "system:disbursement";

  private final FundLedger ledger;
  private final MdfDisbursements requests;

  MilestoneMoney(FundLedger ledger, MdfDisbursements requests) {
    this.ledger = ledger;
    this.requests = requests;
  }

  static String payKey(String paymentId) {
    return "payment:" + paymentId + ":pay";
  }

  static String releaseKey(String milestoneId) {
    return "milestone:" + milestoneId + ":release";
  }

  /** PAY of the payment's amount from the request's reservation. */
  @Transactional
  void pay(Payment payment, String fundPeriod) {
    Money amount = Money.of(payment.getAmount(), payment.getCurrency());
    ledger.pay(
        LedgerMovement.of(payment.getPartnerId(), FundPeriod.of(fundPeriod), amount)
            .forReference(MdfDisbursements.fundReference(payment.getMdfRequestId()))
            .withKey(payKey(payment.getId()))
            .by(ACTOR)
            .because(
                requests.ledgerReason(
                    payment.getMdfRequestId(),
                    "Payment " + payment.getId() + " confirmed: " + payment.getReference())));
    requests.recordPaid(
        payment.getMdfRequestId(),
        payment.getAmount(),
        "Payment " + payment.getId() + " confirmed (" + payment.getReference() + ")",
        payKey(payment.getId()));
  }

  /** RELEASE of {@code amount} of the milestone's share; nothing when it is zero. */
  @Transactional
  void release(Claim claim, BigDecimal amount, String fundPeriod, String why) {
    release(claim, amount, fundPeriod, why, false);
  }

  /** RELEASE of the whole share of a milestone that lapsed: nothing was claimed for it in time. */
  @Transactional
  void lapse(Claim claim, String fundPeriod, String why) {
    release(claim, claim.getMilestoneAmount(), fundPeriod, why, true);
  }

  private void release(
      Claim claim, BigDecimal amount, String fundPeriod, String why, boolean lapsing) {
    if (amount.signum() <= 0) {
      return;
    }
    LedgerMovement movement =
        LedgerMovement.of(
                claim.getPartnerId(),
                FundPeriod.of(fundPeriod),
                Money.of(amount, claim.getCurrency()))
            .forReference(MdfDisbursements.fundReference(claim.getMdfRequestId()))
            .withKey(releaseKey(claim.getMilestoneId()))
            .by(ACTOR)
            .because(requests.ledgerReason(claim.getMdfRequestId(), why));
    ledger.release(lapsing ? movement.lapsing() : movement);
    requests.recordReleased(
        claim.getMdfRequestId(), amount, why, releaseKey(claim.getMilestoneId()));
  }
}
