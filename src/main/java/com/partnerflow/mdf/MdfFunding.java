package com.partnerflow.mdf;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an approved request's money in the fund ledger: reserves the approved amount (in the
 * current fund period) and releases what is still reserved once every milestone is settled. Ledger
 * movements carry idempotency keys derived from the request, so retried jobs never move money
 * twice.
 */
@Service
class MdfFunding {

  private final MdfReview review;
  private final FundLedger funds;
  private final Clock clock;

  MdfFunding(MdfReview review, FundLedger funds, Clock clock) {
    this.review = review;
    this.funds = funds;
    this.clock = clock;
  }

  static String reference(String requestId) {
    return "mdf-request:" + requestId;
  }

  /**
   * Reserves {@code amount} for the request and marks it APPROVED.
   *
   * @return the fund period the money is reserved in
   * @throws com.partnerflow.fund.InsufficientFunds when the available balance no longer covers it
   */
  @Transactional
  FundPeriod reserve(String requestId, BigDecimal amount) {
    MdfRequest request = review.request(requestId);
    FundPeriod period = funds.currentPeriod();
    Money money = Money.of(amount, request.getCurrency());
    funds.reserve(
        LedgerMovement.of(request.getPartnerId(), period, money)
            .forReference(reference(requestId))
            .withKey(reference(requestId) + ":reserve:" + money.amount().toPlainString())
            .by(MdfReview.SYSTEM)
            .forActivity(request.getActivityType().name()));
    // A retried job after the approval (or once disbursement started) records nothing again.
    if (!EnumSet.of(MdfStatus.APPROVED, MdfStatus.IN_DISBURSEMENT, MdfStatus.CLOSED)
        .contains(request.getStatus())) {
      Instant now = clock.instant();
      request.approve(money.amount());
      request.record(
          new MdfDecision(
              MdfReview.SYSTEM,
              "FUNDS_RESERVED",
              null,
              "Reserved in fund period " + period.id(),
              money.amount(),
              now,
              null));
      request.moveTo(MdfStatus.APPROVED, null, null, now);
    }
    return period;
  }

  /**
   * Releases what is still reserved for the request in {@code periodId} once every milestone is
   * settled; nothing when nothing is (the milestones released their unpaid parts themselves).
   *
   * @return the released amount
   */
  @Transactional
  BigDecimal releaseUnused(String requestId, String periodId) {
    MdfRequest request = review.request(requestId);
    FundPeriod period = FundPeriod.of(periodId);
    Money reserved =
        funds.reservedFor(
            request.getPartnerId(), period, request.getCurrency(), reference(requestId));
    if (reserved.isPositive()) {
      funds.release(
          LedgerMovement.of(request.getPartnerId(), period, reserved)
              .forReference(reference(requestId))
              .withKey(reference(requestId) + ":release-unused:" + periodId)
              .by(MdfReview.SYSTEM)
              .because(
                  request.namingDisputes("Every milestone settled; unused reservation released")));
      request.released(reserved.amount());
      request.record(
          new MdfDecision(
              MdfReview.SYSTEM,
              "FUNDS_RELEASED",
              null,
              "Every milestone settled; the unused reservation released",
              reserved.amount(),
              clock.instant(),
              null));
    }
    return reserved.amount();
  }
}
