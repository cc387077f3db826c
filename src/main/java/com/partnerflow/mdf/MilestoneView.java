package com.partnerflow.mdf;

import com.partnerflow.mdf.MilestoneClaims.MilestoneClaim;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A milestone as the request's page and API show it: the planned milestone (the fields it always
 * had) and, once the request is approved, its share of the approved amount and where its claim and
 * payment stand.
 */
public record MilestoneView(
    String name,
    LocalDate plannedDate,
    BigDecimal sharePercent,
    String id,
    @Schema(
            description =
                "`PLANNED`, `CLAIMABLE`, `CLAIMED`, `VERIFIED`, `PAID`, `LAPSED` or `REJECTED`"
                    + " (more may be added)",
            example = "CLAIMED")
        String status,
    @Schema(
            description =
                "The milestone's share of the approved amount (the last milestone takes the"
                    + " rounding rest); null before approval",
            example = "1500.15")
        BigDecimal amount,
    @Schema(description = "The milestone's claim, once its claim window opened") String claimId,
    @Schema(
            description =
                "`OPEN`, `SUBMITTED`, `EVIDENCE_REQUESTED`, `APPROVED`, `PAID`, `REJECTED`,"
                    + " `BLOCKED` or `LAPSED` (more may be added)",
            example = "SUBMITTED")
        String claimStatus,
    @Schema(description = "What the partner claimed", example = "1400.00") BigDecimal claimedAmount,
    @Schema(description = "What verification approved of the claim", example = "1400.00")
        BigDecimal approvedClaimAmount,
    @Schema(description = "What confirmed payments paid for the milestone", example = "0.00")
        BigDecimal paidAmount,
    @Schema(description = "While the claim waits for verification: when verification is due")
        Instant verificationDueAt,
    @Schema(
            description =
                "The claim's latest payment (a dispute's corrective payment comes after the"
                    + " claim's own); null before one is instructed")
        String paymentId,
    @Schema(
            description =
                "`INSTRUCTED`, `IN_BATCH`, `SENT`, `CONFIRMED` or `FAILED` (more may be added)",
            example = "SENT")
        String paymentStatus) {

  static MilestoneView of(Milestone m, BigDecimal amount, MilestoneClaim claim) {
    return new MilestoneView(
        m.name(),
        m.plannedDate(),
        m.sharePercent(),
        m.id(),
        m.status() == null ? null : m.status().name(),
        amount,
        claim == null ? null : claim.claimId(),
        claim == null ? null : claim.claimStatus(),
        claim == null ? null : claim.claimedAmount(),
        claim == null ? null : claim.approvedAmount(),
        claim == null ? null : claim.paidAmount(),
        claim == null ? null : claim.verificationDueAt(),
        claim == null ? null : claim.paymentId(),
        claim == null ? null : claim.paymentStatus());
  }
}
