package com.partnerflow.disbursement;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundMovement;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.mdf.MdfDisbursements;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What dispute escalations may read and change in disbursement: a claim's decision and a payment's
 * state (the subjects partners dispute), and the corrective payment of a dispute that overturned or
 * settled a claim decision. The corrective payment goes the normal way of payments (payment run,
 * pain.001, finance's confirmation publishing {@code payment-confirmed}) under its own idempotency
 * key {@code dispute:<disputeId>}; its reservation and PAY carry ledger keys naming the dispute.
 */
@Service
public class DisbursementDisputes {

  static final String ACTOR = "system:dispute";

  private final Claims claims;
  private final Payments payments;
  private final PaymentSteps paymentSteps;
  private final FundLedger ledger;
  private final MdfDisbursements requests;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DisbursementDisputes(
      Claims claims,
      Payments payments,
      PaymentSteps paymentSteps,
      FundLedger ledger,
      MdfDisbursements requests,
      TransactionTemplate transaction,
      Clock clock) {
    this.claims = claims;
    this.payments = payments;
    this.paymentSteps = paymentSteps;
    this.ledger = ledger;
    this.requests = requests;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * A claim as a dispute sees it.
   *
   * @param decision {@code REJECTED}, {@code PARTIAL} (approved for less than claimed) or null
   *     while undecided or approved in full
   * @param decidedAt when verification decided (the claim's last change for a rejection, the
   *     instruction of its payment otherwise)
   * @param verifiers everyone who took part in the verification (marketing operations, finance
   *     above the threshold, each verifier of an evidence loop), {@code decidedBy} the last of them
   */
  public record DisputedClaim(
      String id,
      String partnerId,
      String mdfRequestId,
      String milestoneId,
      ClaimStatus status,
      String currency,
      BigDecimal claimedAmount,
      BigDecimal approvedAmount,
      String decision,
      Instant decidedAt,
      String decidedBy,
      String reason,
      List<String> verifiers) {}

  /** The claim's verifiers; a claim verified before they were recorded names its last decider. */
  private static List<String> verifiers(Claim c) {
    if (!c.getVerifiers().isEmpty()) {
      return c.getVerifiers();
    }
    return c.getDecidedBy() == null || c.getDecidedBy().startsWith("system")
        ? List.of()
        : List.of(c.getDecidedBy());
  }

  /**
   * A payment as a dispute sees it; {@code instructedAt} starts its confirmation period; {@code
   * verifiedBy} is everyone who verified its claim.
   */
  public record DisputedPayment(
      String id,
      String claimId,
      String partnerId,
      String mdfRequestId,
      PaymentStatus status,
      BigDecimal amount,
      String currency,
      Instant instructedAt,
      List<String> verifiedBy) {}

  /**
   * A dispute's corrective payment, its attempt (1, then one more for each retry after the bank
   * refused it) and the fund period its amount is reserved in.
   */
  public record CorrectivePayment(String paymentId, int attempt, String fundPeriod) {}

  public Optional<DisputedClaim> claim(String claimId) {
    return transaction.execute(s -> claims.findById(claimId).map(this::view));
  }

  private DisputedClaim view(Claim c) {
    String decision = null;
    Instant decidedAt = null;
    if (c.getStatus() == ClaimStatus.REJECTED) {
      decision = "REJECTED";
      decidedAt = c.getUpdatedAt();
    } else if (c.getApprovedAmount() != null
        && c.getClaimedAmount() != null
        && c.getApprovedAmount().compareTo(c.getClaimedAmount()) < 0
        && (c.getStatus() == ClaimStatus.APPROVED || c.getStatus() == ClaimStatus.PAID)) {
      decision = "PARTIAL";
      decidedAt =
          payments
              .findByIdempotencyKey(Payment.keyFor(c.getId()))
              .map(Payment::getCreatedAt)
              .orElse(c.getUpdatedAt());
    }
    return new DisputedClaim(
        c.getId(),
        c.getPartnerId(),
        c.getMdfRequestId(),
        c.getMilestoneId(),
        c.getStatus(),
        c.getCurrency(),
        c.getClaimedAmount(),
        c.getApprovedAmount(),
        decision,
        decidedAt,
        c.getDecidedBy(),
        c.getReason(),
        verifiers(c));
  }

  public Optional<DisputedPayment> payment(String paymentId) {
    return transaction.execute(
        s ->
            payments
                .findById(paymentId)
                .map(
                    p ->
                        new DisputedPayment(
                            p.getId(),
                            p.getClaimId(),
                            p.getPartnerId(),
                            p.getMdfRequestId(),
                            p.getStatus(),
                            p.getAmount(),
                            p.getCurrency(),
                            p.getCreatedAt(),
                            claims
                                .findById(p.getClaimId())
                                .map(DisbursementDisputes::verifiers)
                                .orElse(List.of()))));
  }

  static String correctiveKey(String disputeId) {
    return "dispute:" + disputeId;
  }

  /**
   * Reserves {@code amount} for the claim's request in the current fund period and instructs the
   * corrective payment of the dispute. Idempotent under at-least-once delivery: the reservation is
   * replayed by its ledger key, the payment found by its idempotency key; a concurrent first call
   * loses on the UNIQUE key and reads the winner's row.
   *
   * @throws com.partnerflow.fund.InsufficientFunds when the balance does not cover the amount
   */
  public CorrectivePayment instructCorrectivePayment(
      String disputeId, String claimId, BigDecimal amount) {
    String key = correctiveKey(disputeId);
    try {
      return transaction.execute(s -> instruct(disputeId, claimId, amount, key));
    } catch (DataIntegrityViolationException raced) {
      return transaction.execute(s -> instruct(disputeId, claimId, amount, key));
    }
  }

  private CorrectivePayment instruct(
      String disputeId, String claimId, BigDecimal amount, String key) {
    Claim claim =
        claims.findById(claimId).orElseThrow(() -> new NotFoundException("Claim " + claimId));
    Optional<Payment> existing = payments.findByIdempotencyKey(key);
    FundPeriod period =
        existing.isPresent() ? periodOfReservation(disputeId, claim) : ledger.currentPeriod();
    FundMovement reserved =
        ledger.reserve(
            LedgerMovement.of(claim.getPartnerId(), period, Money.of(amount, claim.getCurrency()))
                .forReference(MdfDisbursements.fundReference(claim.getMdfRequestId()))
                .withKey(key + ":reserve")
                .by(ACTOR)
                .because("Dispute " + disputeId + ": corrective payment of claim " + claimId)
                .forActivity(requests.activityType(claim.getMdfRequestId())));
    Payment payment =
        existing.orElseGet(
            () -> payments.saveAndFlush(new Payment(claim, amount, key, clock.instant())));
    requests.note(
        claim.getMdfRequestId(),
        ACTOR,
        "DISPUTE_CORRECTIVE_PAYMENT",
        "Dispute " + disputeId + ": corrective payment " + payment.getId() + " instructed",
        amount,
        key + ":instructed");
    return new CorrectivePayment(payment.getId(), payment.getAttempt(), reserved.period());
  }

  /** The period of the dispute's reservation: the one its replayed ledger entry names. */
  private FundPeriod periodOfReservation(String disputeId, Claim claim) {
    return ledger.balances(claim.getPartnerId()).stream()
        .map(b -> FundPeriod.of(b.period()))
        .filter(
            p ->
                ledger.movements(claim.getPartnerId(), p, claim.getCurrency()).stream()
                    .anyMatch(
                        m -> (correctiveKey(disputeId) + ":reserve").equals(m.idempotencyKey())))
        .findFirst()
        .orElseGet(ledger::currentPeriod);
  }

  /**
   * Finance retries the dispute's corrective payment the bank refused: the same payment (the same
   * idempotency key, so never a second one) is INSTRUCTED again for the next payment run, once per
   * failed attempt; a job delivered again after the retry changes nothing.
   *
   * @return the payment's attempt now
   */
  public int retryCorrectivePayment(String paymentId, int failedAttempt) {
    return paymentSteps.retry(paymentId, failedAttempt).getAttempt();
  }

  /**
   * Finance cancels the dispute's corrective payment the bank refused: the payment stays FAILED and
   * its reservation is released (RELEASE, key {@code dispute:<id>:release}, reason naming the
   * dispute), noted in the request's audit trail; both once.
   */
  public void cancelCorrectivePayment(String disputeId, String paymentId, String fundPeriod) {
    transaction.executeWithoutResult(
        s -> {
          Payment payment =
              payments
                  .findById(paymentId)
                  .orElseThrow(() -> new NotFoundException("Payment " + paymentId));
          if (payment.getStatus() != PaymentStatus.FAILED) {
            throw new IllegalStateException(
                "Payment " + paymentId + " is " + payment.getStatus() + ", not FAILED");
          }
          String why =
              "Dispute "
                  + disputeId
                  + ": corrective payment "
                  + paymentId
                  + " failed and was cancelled; its reservation released";
          ledger.release(
              LedgerMovement.of(
                      payment.getPartnerId(),
                      FundPeriod.of(fundPeriod),
                      Money.of(payment.getAmount(), payment.getCurrency()))
                  .forReference(MdfDisbursements.fundReference(payment.getMdfRequestId()))
                  .withKey(correctiveKey(disputeId) + ":release")
                  .by(ACTOR)
                  .because(why));
          requests.note(
              payment.getMdfRequestId(),
              ACTOR,
              "DISPUTE_CORRECTIVE_PAYMENT_CANCELLED",
              why,
              payment.getAmount(),
              correctiveKey(disputeId) + ":cancelled");
        });
  }

  /**
   * The confirmed corrective payment in the ledger (PAY, key {@code dispute:<id>:pay}) and in the
   * request's paid total; both once, whatever is delivered again.
   */
  public void recordCorrectivePayment(String disputeId, String paymentId, String fundPeriod) {
    transaction.executeWithoutResult(
        s -> {
          Payment payment =
              payments
                  .findById(paymentId)
                  .orElseThrow(() -> new NotFoundException("Payment " + paymentId));
          if (payment.getStatus() != PaymentStatus.CONFIRMED) {
            throw new IllegalStateException(
                "Payment " + paymentId + " is " + payment.getStatus() + ", not CONFIRMED");
          }
          String why =
              "Dispute "
                  + disputeId
                  + ": corrective payment "
                  + paymentId
                  + " confirmed ("
                  + payment.getReference()
                  + ")";
          ledger.pay(
              LedgerMovement.of(
                      payment.getPartnerId(),
                      FundPeriod.of(fundPeriod),
                      Money.of(payment.getAmount(), payment.getCurrency()))
                  .forReference(MdfDisbursements.fundReference(payment.getMdfRequestId()))
                  .withKey(correctiveKey(disputeId) + ":pay")
                  .by(ACTOR)
                  .because(why));
          requests.recordPaid(
              payment.getMdfRequestId(),
              payment.getAmount(),
              why,
              correctiveKey(disputeId) + ":paid");
        });
  }
}
