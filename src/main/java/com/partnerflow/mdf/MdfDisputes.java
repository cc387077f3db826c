package com.partnerflow.mdf;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What dispute escalations may read and change on an MDF request: the decision a partner disputes
 * (rejected, or approved for less than requested), who took part in it, and the reinstatement of a
 * rejected request that a dispute overturned. Every change names the dispute and is written once.
 */
@Service
public class MdfDisputes {

  private final MdfRequests requests;
  private final FundLedger funds;
  private final Clock clock;

  MdfDisputes(MdfRequests requests, FundLedger funds, Clock clock) {
    this.requests = requests;
    this.funds = funds;
    this.clock = clock;
  }

  /**
   * A request as a dispute sees it.
   *
   * @param decision {@code REJECTED}, {@code REDUCED}, or null while the request is undecided or
   *     approved in full
   * @param decidedAt when the disputed decision was recorded; null without a decision
   * @param deciders the usernames of everyone who decided on an approval level
   * @param deciderGroup the approval level (group) of the last decision; {@code system} when no
   *     person decided (e.g. ineligible)
   */
  public record DisputedRequest(
      String id,
      String partnerId,
      String title,
      String currency,
      BigDecimal requestedAmount,
      BigDecimal approvedAmount,
      MdfStatus status,
      String decision,
      Instant decidedAt,
      List<String> deciders,
      String deciderGroup,
      List<MdfDecision> history) {}

  @Transactional(readOnly = true)
  public Optional<DisputedRequest> find(String requestId) {
    return requests.findById(requestId).map(MdfDisputes::view);
  }

  private static DisputedRequest view(MdfRequest r) {
    List<MdfDecision> history = List.copyOf(r.getHistory());
    List<MdfDecision> levelDecisions = history.stream().filter(d -> d.level() != null).toList();
    String decision = null;
    Instant decidedAt = null;
    if (r.getStatus() == MdfStatus.REJECTED) {
      decision = "REJECTED";
      decidedAt = lastTime(history, "REJECTED");
    } else if (r.getApprovedAmount() != null
        && r.getApprovedAmount().compareTo(r.getRequestedAmount()) < 0
        && r.getStatus() != MdfStatus.SUBMITTED
        && r.getStatus() != MdfStatus.IN_REVIEW) {
      decision = "REDUCED";
      decidedAt = lastTime(history, "APPROVE_REDUCED");
    }
    return new DisputedRequest(
        r.getId(),
        r.getPartnerId(),
        r.getTitle(),
        r.getCurrency(),
        r.getRequestedAmount(),
        r.getApprovedAmount(),
        r.getStatus(),
        decision,
        decidedAt,
        levelDecisions.stream().map(MdfDecision::actor).distinct().toList(),
        levelDecisions.isEmpty()
            ? MdfReview.SYSTEM
            : levelDecisions.get(levelDecisions.size() - 1).level(),
        history);
  }

  private static Instant lastTime(List<MdfDecision> history, String action) {
    return history.stream()
        .filter(d -> action.equals(d.action()))
        .map(MdfDecision::time)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /**
   * A rejected request becomes APPROVED for {@code amount} because dispute {@code disputeId}
   * overturned or settled the rejection: the amount is reserved in the current fund period (ledger
   * key {@code dispute:<id>:reserve}, reason naming the dispute) and the decision history says so.
   * Idempotent: a retried job finds the step recorded and reserves nothing again.
   *
   * @return the fund period the amount is reserved in
   * @throws com.partnerflow.fund.InsufficientFunds when the partner's available balance does not
   *     cover the amount (nothing changes then)
   */
  @Transactional
  public FundPeriod reinstate(String requestId, BigDecimal amount, String disputeId, String by) {
    MdfRequest request =
        requests
            .findById(requestId)
            .orElseThrow(() -> new NotFoundException("MDF request " + requestId));
    String stepKey = "dispute:" + disputeId + ":approved";
    Optional<FundPeriod> done = recordedPeriod(request, stepKey);
    if (done.isPresent()) {
      return done.get();
    }
    if (request.getStatus() != MdfStatus.REJECTED) {
      throw new IllegalStateException(
          "MDF request " + requestId + " is " + request.getStatus() + ", not REJECTED");
    }
    FundPeriod period = funds.currentPeriod();
    Money money = Money.of(amount, request.getCurrency());
    funds.reserve(
        LedgerMovement.of(request.getPartnerId(), period, money)
            .forReference(MdfFunding.reference(requestId))
            .withKey("dispute:" + disputeId + ":reserve")
            .by(by)
            .because("Dispute " + disputeId + " overturned the rejection")
            .forActivity(request.getActivityType().name()));
    Instant now = clock.instant();
    request.approve(money.amount());
    request.record(
        new MdfDecision(
            by,
            "DISPUTE_APPROVED",
            null,
            "Dispute "
                + disputeId
                + " overturned the rejection; reserved in fund period "
                + period.id(),
            money.amount(),
            now,
            stepKey));
    request.moveTo(MdfStatus.APPROVED, null, null, now);
    return period;
  }

  /**
   * A reduced request's approval grows by {@code amount} because dispute {@code disputeId}
   * overturned or settled the reduction (the disputed and settled amounts are parts of the
   * reduction, so they are added to the approved amount). The amount is reserved in the fund period
   * that holds the request's reservation (ledger key {@code dispute:<id>:reserve}, reason naming
   * the dispute), the approved amount grows, and the decision history says so. The running
   * milestone flow reads the milestones' shares of the approved amount when they are claimed:
   * milestones not claimed yet may claim their larger share; what stays unused is released at
   * close-out as for any request. Idempotent: a retried job finds the step recorded and reserves
   * nothing again.
   *
   * @return the fund period the amount is reserved in
   * @throws IllegalStateException when the request is no longer approved or in disbursement
   *     (closed: nothing to add it to), or holds no reservation any more; the job fails into an
   *     incident
   * @throws com.partnerflow.fund.InsufficientFunds when the available balance does not cover the
   *     amount (nothing changes then)
   */
  @Transactional
  public FundPeriod increase(String requestId, BigDecimal amount, String disputeId, String by) {
    MdfRequest request =
        requests
            .findById(requestId)
            .orElseThrow(() -> new NotFoundException("MDF request " + requestId));
    String stepKey = "dispute:" + disputeId + ":increased";
    Optional<FundPeriod> done = recordedPeriod(request, stepKey);
    if (done.isPresent()) {
      return done.get();
    }
    if (request.getStatus() != MdfStatus.APPROVED
        && request.getStatus() != MdfStatus.IN_DISBURSEMENT) {
      throw new IllegalStateException(
          "MDF request "
              + requestId
              + " is "
              + request.getStatus()
              + ": dispute "
              + disputeId
              + " cannot add to its approval");
    }
    String reference = MdfFunding.reference(requestId);
    FundPeriod period =
        funds.balances(request.getPartnerId()).stream()
            .filter(b -> b.currency().equals(request.getCurrency()))
            .map(b -> FundPeriod.of(b.period()))
            .filter(
                p ->
                    funds
                        .reservedFor(request.getPartnerId(), p, request.getCurrency(), reference)
                        .isPositive())
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "MDF request " + requestId + " holds no reservation to add to"));
    Money money = Money.of(amount, request.getCurrency());
    funds.reserve(
        LedgerMovement.of(request.getPartnerId(), period, money)
            .forReference(reference)
            .withKey("dispute:" + disputeId + ":reserve")
            .by(by)
            .because("Dispute " + disputeId + " settled the reduction")
            .forActivity(request.getActivityType().name()));
    BigDecimal approved = request.getApprovedAmount().add(money.amount());
    Instant now = clock.instant();
    request.approve(approved);
    request.record(
        new MdfDecision(
            by,
            "DISPUTE_INCREASED",
            null,
            "Dispute "
                + disputeId
                + " settled the reduction; approved "
                + approved.toPlainString()
                + ", the difference reserved in fund period "
                + period.id(),
            money.amount(),
            now,
            stepKey));
    return period;
  }

  /** The fund period a recorded step reserved in (its history entry's reason ends with it). */
  private static Optional<FundPeriod> recordedPeriod(MdfRequest request, String stepKey) {
    return request.getHistory().stream()
        .filter(d -> stepKey.equals(d.stepKey()))
        .findFirst()
        .map(d -> FundPeriod.of(d.reason().substring(d.reason().lastIndexOf(' ') + 1)));
  }
}
