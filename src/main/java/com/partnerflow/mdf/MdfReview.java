package com.partnerflow.mdf;

import com.partnerflow.fund.FundBalance;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.processowner.DecisionVersions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the {@code mdf-request} process on a request: eligibility, risk, approval levels,
 * decisions, revisions and rejection. Every step may run again for a retried job and then changes
 * nothing more (history entries are keyed by the step that wrote them).
 */
@Service
class MdfReview {

  static final String SYSTEM = "system";

  private final MdfRequests requests;
  private final Partners partners;
  private final FundLedger funds;
  private final Clock clock;

  MdfReview(MdfRequests requests, Partners partners, FundLedger funds, Clock clock) {
    this.requests = requests;
    this.partners = partners;
    this.funds = funds;
    this.clock = clock;
  }

  MdfRequest request(String id) {
    return requests
        .findById(id)
        .orElseThrow(() -> new IllegalStateException("MDF request " + id + " does not exist"));
  }

  /**
   * Every reason the request is not eligible; empty when it is. The first step of the process notes
   * the instance on the request, which the submission cannot: a start message's answer names no
   * instance.
   */
  @Transactional
  List<String> checkEligibility(String requestId, long processInstanceKey, TierBenefits benefits) {
    MdfRequest request = request(requestId);
    request.started(processInstanceKey);
    Partner partner = partners.findById(request.getPartnerId()).orElseThrow();
    FundPeriod period = funds.currentPeriod();
    BigDecimal available =
        funds
            .balance(partner.getId(), period, request.getCurrency())
            .map(FundBalance::available)
            .orElse(null);
    return EligibilityRules.reasons(
        request,
        partner.getStatus(),
        benefits,
        available,
        period.startsOn(),
        period.endsOn(),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        requests.findByPartnerIdOrderBySubmittedAtDesc(partner.getId()));
  }

  /**
   * A risk assessment of the mdf-risk-assessment decision: score, level and one sentence per
   * signal.
   */
  record Risk(int score, String level, List<String> signals) {}

  /** What the risk rules read about the request (bpmn/mdf-risk-scoring.dmn applies them). */
  @Transactional(readOnly = true)
  RiskFacts riskFacts(String requestId, TierBenefits benefits) {
    MdfRequest request = request(requestId);
    Partner partner = partners.findById(request.getPartnerId()).orElseThrow();
    List<MdfRequest> earlier =
        requests.findByPartnerIdOrderBySubmittedAtDesc(partner.getId()).stream()
            .filter(r -> !r.getId().equals(requestId))
            .toList();
    return RiskFacts.of(
        request, earlier, benefits.perActivityCap(), partner.getCreatedAt(), clock.instant());
  }

  /**
   * The approval route of the mdf-approval-routing decision: the approval groups in order (spot
   * audit first when routed); none means automatic approval.
   */
  record Route(List<String> approvalLevels, boolean spotAudit) {

    String describe() {
      if (approvalLevels.isEmpty()) {
        return "Approved automatically: no approval group";
      }
      return "Approval by "
          + String.join(", then ", approvalLevels)
          + (spotAudit ? " (spot audit by marketing-ops first)" : "");
    }
  }

  /**
   * Stores the assessment and writes the assessment and the route into the audit trail, each with
   * the decision version that took it ({@code null} fields when it is not known). One run of the
   * step ({@code stepKey}) writes its entries once, however often its job is delivered.
   */
  @Transactional
  void recordRisk(
      String requestId,
      Risk risk,
      Route route,
      Optional<DecisionVersions.DecisionVersion> riskDecision,
      Optional<DecisionVersions.DecisionVersion> routingDecision,
      String stepKey) {
    MdfRequest request = request(requestId);
    // A job delivered again writes nothing: not even the same score, which would race the steps
    // that follow it on the request's row (optimistic locking).
    if (alreadyRecorded(request, "risk:" + stepKey)) {
      return;
    }
    request.scored(risk.score(), risk.level(), risk.signals());
    Instant now = clock.instant();
    request.record(
        decided(
            "RISK_ASSESSED",
            "Score " + risk.score() + ", level " + risk.level(),
            now,
            "risk:" + stepKey,
            riskDecision));
    request.record(decided("ROUTED", route.describe(), now, "route:" + stepKey, routingDecision));
  }

  private static MdfDecision decided(
      String action,
      String reason,
      Instant now,
      String stepKey,
      Optional<DecisionVersions.DecisionVersion> decision) {
    return new MdfDecision(
        SYSTEM,
        action,
        null,
        reason + decision.map(d -> " (decided by " + d + ")").orElse(" (decision version unknown)"),
        null,
        now,
        stepKey,
        decision.map(DecisionVersions.DecisionVersion::decisionId).orElse(null),
        decision.map(DecisionVersions.DecisionVersion::version).orElse(null),
        decision.map(DecisionVersions.DecisionVersion::decisionKey).orElse(null));
  }

  /** What an approver sees besides the request: the due date, balance and partner history. */
  record LevelContext(Instant decisionDueAt, String availableBalance, String partnerHistory) {}

  /** The request is now with an approval group until the SLA's due date. */
  @Transactional
  LevelContext assignLevel(String requestId, String group, Duration sla) {
    MdfRequest request = request(requestId);
    Instant now = clock.instant();
    Instant due = now.plus(sla);
    request.moveTo(MdfStatus.IN_REVIEW, group, due, now);
    String available =
        funds
            .balance(request.getPartnerId(), funds.currentPeriod(), request.getCurrency())
            .map(b -> b.available().toPlainString())
            .orElse("no budget");
    List<MdfRequest> earlier =
        requests.findByPartnerIdOrderBySubmittedAtDesc(request.getPartnerId()).stream()
            .filter(r -> !r.getId().equals(requestId))
            .toList();
    BigDecimal approved =
        earlier.stream()
            .map(MdfRequest::getApprovedAmount)
            .filter(a -> a != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    long rejected = earlier.stream().filter(r -> r.getStatus() == MdfStatus.REJECTED).count();
    String history =
        earlier.size()
            + " earlier requests, "
            + rejected
            + " rejected, "
            + approved.toPlainString()
            + " approved in total";
    return new LevelContext(due, available, history);
  }

  /**
   * The SLA of {@code fromGroup} was breached: the request moves to {@code toGroup}, whose decision
   * is due at {@code due}.
   */
  @Transactional
  void recordEscalation(
      String requestId, String fromGroup, String toGroup, Instant due, String stepKey) {
    MdfRequest request = request(requestId);
    if (alreadyRecorded(request, stepKey)) {
      return;
    }
    Instant now = clock.instant();
    request.record(
        new MdfDecision(
            SYSTEM,
            "ESCALATED",
            fromGroup,
            "SLA of " + fromGroup + " breached; escalated to " + toGroup,
            null,
            now,
            stepKey));
    request.moveTo(MdfStatus.IN_REVIEW, toGroup, due, now);
  }

  /**
   * Records an approver's decision. For APPROVE_REDUCED the amount becomes the approved amount
   * (never more than was approved or requested before).
   *
   * @return the amount approved so far
   */
  @Transactional
  BigDecimal recordDecision(
      String requestId,
      String level,
      String approver,
      String decision,
      BigDecimal approvedAmount,
      String reason,
      String stepKey) {
    MdfRequest request = request(requestId);
    BigDecimal current =
        Optional.ofNullable(request.getApprovedAmount()).orElse(request.getRequestedAmount());
    if (alreadyRecorded(request, stepKey)) {
      return current;
    }
    BigDecimal amount = null;
    if ("APPROVE".equals(decision)) {
      amount = current;
    } else if ("APPROVE_REDUCED".equals(decision)) {
      amount =
          approvedAmount != null
                  && approvedAmount.signum() > 0
                  && approvedAmount.compareTo(current) < 0
              ? approvedAmount
              : current;
    }
    if (amount != null) {
      request.approve(amount);
    }
    request.record(
        new MdfDecision(approver, decision, level, reason, amount, clock.instant(), stepKey));
    return amount != null ? amount : current;
  }

  /**
   * The approver asks the partner for changes.
   *
   * @return false when the partner already used all revision rounds (the request is then rejected)
   */
  @Transactional
  boolean requestChanges(String requestId, int roundSeen, int maxRounds) {
    MdfRequest request = request(requestId);
    if (request.getRevisionRound() > roundSeen) {
      return true;
    }
    if (request.getRevisionRound() >= maxRounds) {
      return false;
    }
    request.nextRevisionRound();
    request.moveTo(
        MdfStatus.CHANGES_REQUESTED, "partner:" + request.getPartnerId(), null, clock.instant());
    return true;
  }

  /**
   * Takes over the partner's revision if it passes the input rules.
   *
   * @return the problems of the revision; empty when it was applied
   */
  @Transactional
  List<String> applyRevision(String requestId, MdfRequestSubmission revision) {
    MdfRequest request = request(requestId);
    List<String> problems =
        MdfRequestValidation.problemsOf(revision, List.of(request.getCurrency())).stream()
            .map(p -> p.field() + " " + p.message())
            .toList();
    if (problems.isEmpty()) {
      Instant now = clock.instant();
      request.apply(revision, now);
      request.moveTo(MdfStatus.SUBMITTED, null, null, now);
      request.record(
          new MdfDecision(
              request.getSubmittedBy(),
              "RESUBMITTED",
              null,
              "Revision round " + request.getRevisionRound(),
              request.getRequestedAmount(),
              now,
              null));
    }
    return problems;
  }

  /** Rejects the request with its reasons; funds are untouched. */
  @Transactional
  MdfRequest reject(String requestId, String actor, List<String> reasons) {
    MdfRequest request = request(requestId);
    if (request.getStatus() != MdfStatus.REJECTED) {
      Instant now = clock.instant();
      request.record(
          new MdfDecision(actor, "REJECTED", null, String.join("; ", reasons), null, now, null));
      request.moveTo(MdfStatus.REJECTED, null, null, now);
    }
    return request;
  }

  private static boolean alreadyRecorded(MdfRequest request, String stepKey) {
    return request.getHistory().stream().anyMatch(d -> stepKey.equals(d.stepKey()));
  }
}
