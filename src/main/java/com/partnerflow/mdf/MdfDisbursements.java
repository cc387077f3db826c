package com.partnerflow.mdf;

import com.partnerflow.common.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What milestone disbursement may read and change on an MDF request: its milestones with their
 * amounts, each milestone's status, the paid and released totals, and the close-out. Every change
 * names the process step that makes it ({@code stepKey}) and is written once per step, so retried
 * jobs change nothing more; the entry goes into the request's decision history (audit trail).
 */
@Service
public class MdfDisbursements {

  private final MdfRequests requests;
  private final Clock clock;

  MdfDisbursements(MdfRequests requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
  }

  /** The fund ledger reference the request's reservation, payments and releases carry. */
  public static String fundReference(String requestId) {
    return MdfFunding.reference(requestId);
  }

  /**
   * The reason of a ledger movement of the request: {@code why}, naming the disputes whose
   * resolution approved the request or added to its approval (e.g. {@code "Payment … confirmed
   * (dispute d-1)"}); unchanged for a request no dispute changed.
   */
  @Transactional(readOnly = true)
  public String ledgerReason(String requestId, String why) {
    return find(requestId).namingDisputes(why);
  }

  /** The activity type the request funds, as the fund ledger files its movements. */
  @Transactional(readOnly = true)
  public String activityType(String requestId) {
    return find(requestId).getActivityType().name();
  }

  /** A milestone with its share of the approved amount, in the request's currency. */
  public record MilestoneShare(
      String id, String name, String plannedDate, BigDecimal amount, MilestoneStatus status) {}

  /** An approved request as disbursement sees it. */
  public record DisbursedRequest(
      String id,
      String partnerId,
      String title,
      String currency,
      BigDecimal approvedAmount,
      BigDecimal totalCost,
      BigDecimal paidAmount,
      BigDecimal releasedAmount,
      MdfStatus status,
      List<MilestoneShare> milestones) {

    public MilestoneShare milestone(String milestoneId) {
      return milestones.stream()
          .filter(m -> m.id().equals(milestoneId))
          .findFirst()
          .orElseThrow(() -> new NotFoundException("Milestone " + milestoneId));
    }
  }

  /**
   * The request with each milestone's share of the approved amount: the share percent rounded down
   * to the cent, the last milestone taking the rest, so the shares add up to the approved amount.
   */
  @Transactional(readOnly = true)
  public DisbursedRequest request(String requestId) {
    MdfRequest r = find(requestId);
    BigDecimal approved = r.getApprovedAmount() == null ? BigDecimal.ZERO : r.getApprovedAmount();
    List<Milestone> milestones = r.getMilestones();
    List<MilestoneShare> shares = new ArrayList<>();
    BigDecimal rest = approved;
    for (int i = 0; i < milestones.size(); i++) {
      Milestone m = milestones.get(i);
      BigDecimal amount =
          i == milestones.size() - 1
              ? rest
              : approved
                  .multiply(m.sharePercent())
                  .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
      rest = rest.subtract(amount);
      shares.add(
          new MilestoneShare(m.id(), m.name(), m.plannedDate().toString(), amount, m.status()));
    }
    return new DisbursedRequest(
        r.getId(),
        r.getPartnerId(),
        r.getTitle(),
        r.getCurrency(),
        approved,
        r.getTotalCost(),
        r.getPaidAmount(),
        r.getReleasedAmount(),
        r.getStatus(),
        shares);
  }

  /** The request is IN_DISBURSEMENT (from APPROVED); its milestones with their shares. */
  @Transactional
  public DisbursedRequest startDisbursement(String requestId) {
    MdfRequest r = find(requestId);
    if (r.getStatus() == MdfStatus.APPROVED) {
      r.moveTo(MdfStatus.IN_DISBURSEMENT, null, null, clock.instant());
    }
    return request(requestId);
  }

  /** Sets a milestone's status and records why. */
  @Transactional
  public void markMilestone(
      String requestId,
      String milestoneId,
      MilestoneStatus status,
      String actor,
      String reason,
      BigDecimal amount,
      String stepKey) {
    MdfRequest r = find(requestId);
    if (recorded(r, stepKey)) {
      return;
    }
    Instant now = clock.instant();
    if (!r.markMilestone(milestoneId, status, now)) {
      throw new NotFoundException("Milestone " + milestoneId + " of MDF request " + requestId);
    }
    r.record(new MdfDecision(actor, "MILESTONE_" + status, null, reason, amount, now, stepKey));
  }

  /** Adds an entry to the request's audit trail; once per step. */
  @Transactional
  public void note(
      String requestId,
      String actor,
      String action,
      String reason,
      BigDecimal amount,
      String stepKey) {
    MdfRequest r = find(requestId);
    if (!recorded(r, stepKey)) {
      r.record(new MdfDecision(actor, action, null, reason, amount, clock.instant(), stepKey));
    }
  }

  /** Adds to the paid total; once per step. */
  @Transactional
  public void recordPaid(String requestId, BigDecimal amount, String reason, String stepKey) {
    MdfRequest r = find(requestId);
    if (!recorded(r, stepKey)) {
      r.paid(amount);
      r.record(
          new MdfDecision(
              MdfReview.SYSTEM, "FUNDS_PAID", null, reason, amount, clock.instant(), stepKey));
    }
  }

  /** Adds to the released total; once per step. */
  @Transactional
  public void recordReleased(String requestId, BigDecimal amount, String reason, String stepKey) {
    MdfRequest r = find(requestId);
    if (!recorded(r, stepKey)) {
      r.released(amount);
      r.record(
          new MdfDecision(
              MdfReview.SYSTEM, "FUNDS_RELEASED", null, reason, amount, clock.instant(), stepKey));
    }
  }

  /**
   * Whether the step has written its entry already: a job delivered again after its step changed
   * the request (and the process moved on) must not change it once more.
   */
  @Transactional(readOnly = true)
  public boolean hasRecorded(String requestId, String stepKey) {
    return recorded(find(requestId), stepKey);
  }

  /** The request is CLOSED: every milestone is settled. */
  @Transactional
  public void close(String requestId, String summary, String stepKey) {
    MdfRequest r = find(requestId);
    if (recorded(r, stepKey)) {
      return;
    }
    List<Milestone> open = r.getMilestones().stream().filter(m -> !m.status().isSettled()).toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException(
          "MDF request " + requestId + " has unsettled milestones: " + open);
    }
    Instant now = clock.instant();
    r.moveTo(MdfStatus.CLOSED, null, null, now);
    r.record(
        new MdfDecision(
            MdfReview.SYSTEM, "CLOSED", null, summary, r.getPaidAmount(), now, stepKey));
  }

  private static boolean recorded(MdfRequest request, String stepKey) {
    return request.getHistory().stream().anyMatch(d -> stepKey.equals(d.stepKey()));
  }

  private MdfRequest find(String requestId) {
    return requests
        .findById(requestId)
        .orElseThrow(() -> new NotFoundException("MDF request " + requestId));
  }
}
