package com.partnerflow.disbursement;

import com.partnerflow.common.LockConflicts;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.mdf.MdfDisbursements;
import com.partnerflow.mdf.MilestoneStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim steps of {@code mdf-disbursement}: open, record, check, ask for evidence, verify. Every
 * step may run again for a retried job and then changes nothing more: the claim is one row per
 * milestone (UNIQUE), files one row per claim and attachment, audit entries keyed by step.
 */
@Service
class ClaimSteps {

  static final String SYSTEM = "system";

  private final Claims claims;
  private final ClaimFiles files;
  private final AuditFlags flags;
  private final ObjectProvider<EvidenceFiles> evidence;
  private final MdfDisbursements requests;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ClaimSteps(
      Claims claims,
      ClaimFiles files,
      AuditFlags flags,
      ObjectProvider<EvidenceFiles> evidence,
      MdfDisbursements requests,
      TransactionTemplate transaction,
      Clock clock) {
    this.claims = claims;
    this.files = files;
    this.flags = flags;
    this.evidence = evidence;
    this.requests = requests;
    this.transaction = transaction;
    this.clock = clock;
  }

  Claim claim(String claimId) {
    return claims.findById(claimId).orElseThrow(() -> new NotFoundException("Claim " + claimId));
  }

  /**
   * The milestone's claim, created on the first call; the milestone is CLAIMABLE. Two concurrent
   * calls create one claim: the second insert breaks the UNIQUE milestone and reads the first.
   */
  Claim open(String requestId, String milestoneId) {
    // The request's other milestones open at the same time and update the same request row.
    return LockConflicts.retried(
        "Opening the claim of milestone " + milestoneId,
        () -> {
          try {
            return transaction.execute(s -> openInTransaction(requestId, milestoneId));
          } catch (DataIntegrityViolationException raced) {
            return claims.findByMilestoneId(milestoneId).orElseThrow(() -> raced);
          }
        });
  }

  private Claim openInTransaction(String requestId, String milestoneId) {
    var request = requests.request(requestId);
    var milestone = request.milestone(milestoneId);
    Claim claim =
        claims
            .findByMilestoneId(milestoneId)
            .orElseGet(
                () ->
                    claims.saveAndFlush(
                        new Claim(
                            requestId,
                            milestoneId,
                            request.partnerId(),
                            milestone.amount(),
                            request.currency(),
                            clock.instant())));
    requests.markMilestone(
        requestId,
        milestoneId,
        MilestoneStatus.CLAIMABLE,
        SYSTEM,
        "Claim window of " + milestone.name() + " opened",
        null,
        "claim:" + claim.getId() + ":open");
    return claim;
  }

  /**
   * Stores the submitted claim and the files uploaded to the task; the milestone is CLAIMED. Once
   * per submitting task: the same job delivered again after the claim moved on (checked, verified,
   * paid) changes nothing.
   */
  Claim record(String claimId, ClaimValues values, String by, String taskId) {
    return transaction.execute(
        s -> {
          Claim claim = claim(claimId);
          String stepKey = "claim:" + claimId + ":submitted:" + taskId;
          if (requests.hasRecorded(claim.getMdfRequestId(), stepKey)) {
            return claim;
          }
          claim.submit(values, by, clock.instant());
          if (taskId != null) {
            for (EvidenceFiles.EvidenceFile file :
                Ports.required(evidence, EvidenceFiles.class).ofTask(taskId)) {
              if (!files.existsById(new ClaimFile.Key(claimId, file.id()))) {
                files.save(new ClaimFile(claimId, file));
              }
            }
          }
          requests.markMilestone(
              claim.getMdfRequestId(),
              claim.getMilestoneId(),
              MilestoneStatus.CLAIMED,
              by,
              "Claimed " + values.claimedAmount() + " " + claim.getCurrency(),
              values.claimedAmount(),
              stepKey);
          return claim;
        });
  }

  /**
   * The automated checks; a duplicate flags the claim for audit with both claims named (once per
   * pair and kind).
   */
  ClaimChecks.Result check(String claimId) {
    return transaction.execute(
        s -> {
          Claim claim = claim(claimId);
          List<ClaimChecks.Duplicate> duplicates = new ArrayList<>();
          if (claim.getInvoiceKey() != null) {
            for (Claim other :
                claims.findByPartnerIdAndInvoiceKeyAndIdNot(
                    claim.getPartnerId(), claim.getInvoiceKey(), claimId)) {
              duplicates.add(
                  new ClaimChecks.Duplicate(
                      other.getId(),
                      "DUPLICATE_INVOICE",
                      "Invoice "
                          + claim.getInvoiceNumber()
                          + " of claim "
                          + claimId
                          + " was already claimed with claim "
                          + other.getId()));
            }
          }
          List<ClaimFile> own = files.findByKeyClaimId(claimId);
          for (ClaimFile file : own) {
            for (ClaimFile other : files.findBySha256AndKeyClaimIdNot(file.getSha256(), claimId)) {
              duplicates.add(
                  new ClaimChecks.Duplicate(
                      other.claimId(),
                      "DUPLICATE_FILE",
                      "File "
                          + file.getFileName()
                          + " of claim "
                          + claimId
                          + " (SHA-256 "
                          + file.getSha256()
                          + ") is also evidence of claim "
                          + other.claimId()));
            }
          }
          var result =
              ClaimChecks.check(
                  claim.getClaimedAmount(),
                  claim.getMilestoneAmount(),
                  claim.getEvidenceLinks(),
                  own.size(),
                  duplicates);
          Instant now = clock.instant();
          for (ClaimChecks.Duplicate d : result.duplicates()) {
            if (!flags.existsByClaimIdAndOtherClaimIdAndKind(claimId, d.otherClaimId(), d.kind())) {
              flags.save(new AuditFlag(claimId, d.otherClaimId(), d.kind(), d.detail(), now));
            }
          }
          return result;
        });
  }

  /** The partner is asked for more evidence; once per step. */
  Claim requestEvidence(String claimId, String reason, String stepKey) {
    return transaction.execute(
        s -> {
          Claim claim = claim(claimId);
          if (requests.hasRecorded(claim.getMdfRequestId(), stepKey)) {
            return claim;
          }
          claim.moveTo(ClaimStatus.EVIDENCE_REQUESTED, clock.instant());
          requests.note(
              claim.getMdfRequestId(), SYSTEM, "CLAIM_EVIDENCE_REQUESTED", reason, null, stepKey);
          return claim;
        });
  }

  /** The claim is with the verification group until now + SLA. */
  Instant assignVerification(String claimId, Duration sla) {
    return transaction.execute(
        s -> {
          Claim claim = claim(claimId);
          Instant now = clock.instant();
          Instant due = now.plus(sla);
          claim.verificationDue(due, now);
          return due;
        });
  }

  /** The breach of a verification SLA goes into the audit trail. */
  void recordEscalation(String claimId, String from, String to, String stepKey) {
    Claim claim = claim(claimId);
    requests.note(
        claim.getMdfRequestId(),
        SYSTEM,
        "CLAIM_VERIFICATION_ESCALATED",
        "Verification SLA of " + from + " breached; escalated to " + to,
        null,
        stepKey);
  }

  /**
   * A verification decision with its approved amount (the full claim for APPROVE). Once per step:
   * delivered again after the payment moved the claim on, it changes nothing.
   */
  record Verification(String decision, BigDecimal approvedAmount) {}

  Verification recordVerification(
      String claimId,
      String decision,
      BigDecimal approvedAmount,
      String reason,
      String by,
      String group,
      String stepKey) {
    return transaction.execute(
        s -> {
          Claim claim = claim(claimId);
          BigDecimal amount =
              switch (decision) {
                case "APPROVE" -> claim.getClaimedAmount();
                case "APPROVE_PARTIAL" -> approvedAmount;
                default -> null;
              };
          if (requests.hasRecorded(claim.getMdfRequestId(), stepKey)) {
            return new Verification(decision, amount);
          }
          // A rejection names its decider too: a dispute of it excludes them (separation of
          // duties).
          if (amount != null || "REJECT".equals(decision)) {
            claim.decide(ClaimStatus.SUBMITTED, amount, by, reason, clock.instant());
          }
          claim.verifiedBy(by);
          requests.note(
              claim.getMdfRequestId(),
              by,
              "CLAIM_" + decision,
              (group == null ? "" : group + ": ") + (reason == null ? "" : reason),
              amount,
              stepKey);
          return new Verification(decision, amount);
        });
  }

  /** The checks' problems or the verifier's reason, for the partner. */
  static Map<String, Object> model(Claim claim, String milestoneName, String title) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("id", claim.getMdfRequestId());
    model.put("title", title);
    model.put("milestone", milestoneName);
    model.put("currency", claim.getCurrency());
    return model;
  }
}
