package com.partnerflow.disbursement;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.mdf.MdfDisbursements;
import com.partnerflow.mdf.MilestoneStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verified claim's way to money: the one Payment per claim, the bank's confirmation or failure,
 * finance's retry, and the ledger movements when it is confirmed; and the settlement of a milestone
 * that ends unpaid. Safe under at-least-once job delivery: see each method.
 */
@Service
class PaymentSteps {

  private final Payments payments;
  private final Claims claims;
  private final MilestoneMoney money;
  private final MdfDisbursements requests;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PaymentSteps(
      Payments payments,
      Claims claims,
      MilestoneMoney money,
      MdfDisbursements requests,
      TransactionTemplate transaction,
      Clock clock) {
    this.payments = payments;
    this.claims = claims;
    this.money = money;
    this.requests = requests;
    this.transaction = transaction;
    this.clock = clock;
  }

  private Payment locked(String paymentId) {
    return payments
        .lock(paymentId)
        .orElseThrow(() -> new NotFoundException("Payment " + paymentId));
  }

  Payment payment(String paymentId) {
    return payments
        .findById(paymentId)
        .orElseThrow(() -> new NotFoundException("Payment " + paymentId));
  }

  /**
   * The claim's Payment of its approved amount (INSTRUCTED), the claim APPROVED and the milestone
   * VERIFIED. Idempotent: the payment is looked up by the key derived from the claim; a concurrent
   * first call loses on the UNIQUE key and reads the winner's row; a call after a crash finds the
   * row written before the crash.
   */
  Payment instruct(String claimId, String by) {
    String key = Payment.keyFor(claimId);
    try {
      return transaction.execute(
          s -> payments.findByIdempotencyKey(key).orElseGet(() -> createPayment(claimId, by)));
    } catch (DataIntegrityViolationException raced) {
      return payments.findByIdempotencyKey(key).orElseThrow(() -> raced);
    }
  }

  private Payment createPayment(String claimId, String by) {
    Claim claim = claims.findById(claimId).orElseThrow();
    if (claim.getApprovedAmount() == null || claim.getApprovedAmount().signum() <= 0) {
      throw new IllegalStateException("Claim " + claimId + " has no approved amount to pay");
    }
    Instant now = clock.instant();
    claim.moveTo(ClaimStatus.APPROVED, now);
    Payment payment = payments.saveAndFlush(new Payment(claim, claim.getApprovedAmount(), now));
    requests.markMilestone(
        claim.getMdfRequestId(),
        claim.getMilestoneId(),
        MilestoneStatus.VERIFIED,
        by,
        "Payment " + payment.getId() + " instructed",
        payment.getAmount(),
        "claim:" + claimId + ":verified");
    return payment;
  }

  /**
   * Finance's record that the bank executed the payment. The same reference again changes nothing
   * ({@code false}: the message was published before); another reference, or a payment that never
   * was in a batch, is a conflict; an unknown payment is not found.
   *
   * @return whether this call confirmed it
   */
  boolean confirm(String paymentId, String reference) {
    return Boolean.TRUE.equals(
        transaction.execute(
            s -> {
              Payment payment = locked(paymentId);
              switch (payment.getStatus()) {
                case CONFIRMED -> {
                  if (!Objects.equals(payment.getReference(), reference)) {
                    throw new ConflictException(
                        "Payment "
                            + paymentId
                            + " was confirmed with another reference: "
                            + payment.getReference());
                  }
                  return false;
                }
                case IN_BATCH, SENT -> {
                  payment.confirmed(reference, clock.instant());
                  return true;
                }
                case INSTRUCTED ->
                    throw new ConflictException(
                        "Payment " + paymentId + " is not in a payment batch yet");
                default ->
                    throw new ConflictException(
                        "Payment " + paymentId + " failed; finance retries or cancels it");
              }
            }));
  }

  /**
   * The bank refused the payment. The same failure again changes nothing ({@code false}).
   *
   * @return whether this call recorded it
   */
  boolean fail(String paymentId, String reason) {
    return Boolean.TRUE.equals(
        transaction.execute(
            s -> {
              Payment payment = locked(paymentId);
              switch (payment.getStatus()) {
                case FAILED -> {
                  return false;
                }
                case IN_BATCH, SENT -> {
                  payment.failed(reason, clock.instant());
                  return true;
                }
                case INSTRUCTED ->
                    throw new ConflictException(
                        "Payment " + paymentId + " is not in a payment batch yet");
                default ->
                    throw new ConflictException("Payment " + paymentId + " was confirmed already");
              }
            }));
  }

  /** Finance retries a failed payment: INSTRUCTED again for the next run (once per attempt). */
  Payment retry(String paymentId, int failedAttempt) {
    return transaction.execute(
        s -> {
          Payment payment = payments.lock(paymentId).orElseThrow();
          if (payment.getStatus() == PaymentStatus.FAILED
              && payment.getAttempt() == failedAttempt) {
            payment.retry(clock.instant());
          }
          return payment;
        });
  }

  /**
   * The confirmed payment in the ledger: PAY of the payment, RELEASE of the milestone's unpaid
   * rest, milestone PAID, claim PAID; all in one transaction, idempotent by the ledger keys.
   */
  Payment recordPayment(String paymentId, String fundPeriod) {
    return transaction.execute(
        s -> {
          Payment payment = payment(paymentId);
          if (payment.getStatus() != PaymentStatus.CONFIRMED) {
            throw new IllegalStateException(
                "Payment " + paymentId + " is " + payment.getStatus() + ", not CONFIRMED");
          }
          Claim claim = claims.findById(payment.getClaimId()).orElseThrow();
          money.pay(payment, fundPeriod);
          money.release(
              claim,
              claim.getMilestoneAmount().subtract(payment.getAmount()),
              fundPeriod,
              "Unpaid rest of milestone " + claim.getMilestoneId());
          claim.moveTo(ClaimStatus.PAID, clock.instant());
          requests.markMilestone(
              claim.getMdfRequestId(),
              claim.getMilestoneId(),
              MilestoneStatus.PAID,
              MilestoneMoney.ACTOR,
              "Paid with reference " + payment.getReference(),
              payment.getAmount(),
              "claim:" + claim.getId() + ":paid");
          return payment;
        });
  }

  /** The milestone ends unpaid: its whole share is released. */
  Claim settleUnpaid(String claimId, Settlement settlement, String fundPeriod, String reason) {
    return transaction.execute(
        s -> {
          Claim claim = claims.findById(claimId).orElseThrow();
          String why =
              "Milestone " + claim.getMilestoneId() + " " + settlement.name().toLowerCase();
          if (settlement == Settlement.LAPSED) {
            money.lapse(claim, fundPeriod, why);
          } else {
            money.release(claim, claim.getMilestoneAmount(), fundPeriod, why);
          }
          claim.moveTo(settlement.claimStatus, clock.instant());
          requests.markMilestone(
              claim.getMdfRequestId(),
              claim.getMilestoneId(),
              settlement.milestoneStatus,
              MilestoneMoney.ACTOR,
              reason,
              claim.getMilestoneAmount(),
              "claim:" + claimId + ":" + settlement.name().toLowerCase());
          return claim;
        });
  }
}
