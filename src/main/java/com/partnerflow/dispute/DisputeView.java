package com.partnerflow.dispute;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A dispute as the API shows it. Partner users see the group that holds it and decided, never the
 * person; internal users see who acted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Dispute")
record DisputeView(
    String id,
    String partnerId,
    SubjectType subjectType,
    String subjectId,
    String mdfRequestId,
    String decisionType,
    BigDecimal disputedAmount,
    String currency,
    DisputeCategory category,
    String explanation,
    @Schema(example = "IN_REVIEW") DisputeStatus status,
    String classification,
    @Schema(
            description =
                "The group that holds the dispute now (`partner` while it waits for the"
                    + " partner's information)",
            example = "partner-managers")
        String holderGroup,
    @Schema(description = "When the holder's decision is due") Instant slaDueAt,
    DisputeOutcome outcome,
    BigDecimal settledAmount,
    String reason,
    String financeCommitment,
    String correctivePaymentId,
    Instant openedAt,
    Instant closedAt,
    List<Step> history,
    @Schema(
            description =
                "The files uploaded to the dispute's tasks (the partner's information request, the"
                    + " reviews), oldest first; only on a single dispute")
        List<Evidence> evidence) {

  /** One step of the audit trail. */
  record Step(
      String action,
      DisputeStatus status,
      String actor,
      String holderGroup,
      String detail,
      BigDecimal amount,
      Instant at) {}

  /** An evidence file; {@code href} downloads it for whoever may read it. */
  @Schema(name = "DisputeEvidence")
  record Evidence(
      String id,
      @Schema(example = "attendees.pdf") String fileName,
      @Schema(description = "Detected from the content", example = "application/pdf")
          String contentType,
      @Schema(description = "64 lower-case hex digits") String sha256,
      @Schema(description = "Bytes", example = "48213") long size,
      @Schema(example = "/api/attachments/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0") String href,
      Instant uploadedAt) {}

  /** Without evidence: for lists. */
  static DisputeView of(Dispute d, List<DisputeEvent> events, boolean forPartner) {
    return of(d, events, null, forPartner);
  }

  static DisputeView of(
      Dispute d, List<DisputeEvent> events, List<Evidence> evidence, boolean forPartner) {
    return new DisputeView(
        d.getId(),
        d.getPartnerId(),
        d.getSubjectType(),
        d.getSubjectId(),
        d.getMdfRequestId(),
        d.getDecisionType(),
        d.getDisputedAmount(),
        d.getCurrency(),
        d.getCategory(),
        d.getExplanation(),
        d.getStatus(),
        forPartner ? null : d.getClassification(),
        d.getHolderGroup(),
        d.getSlaDueAt(),
        d.getOutcome(),
        d.getSettledAmount(),
        d.getOutcomeReason(),
        d.getFinanceCommitment(),
        d.getCorrectivePaymentId(),
        d.getOpenedAt(),
        d.getClosedAt(),
        events == null
            ? null
            : events.stream()
                .map(
                    e ->
                        new Step(
                            e.getAction(),
                            e.getStatus(),
                            forPartner && !e.getActor().equals(d.getOpenedBy())
                                ? actorGroup(e)
                                : e.getActor(),
                            e.getHolderGroup(),
                            e.getDetail(),
                            e.getAmount(),
                            e.getOccurredAt()))
                .toList(),
        evidence);
  }

  /** Partners see the group that acted, or {@code system}. */
  private static String actorGroup(DisputeEvent e) {
    if (e.getActor().startsWith("system")) {
      return "system";
    }
    return e.getHolderGroup() == null ? "reviewer" : e.getHolderGroup();
  }
}
