package com.partnerflow.mdf;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/mdf-requests} and of a revision: what a partner asks funds for.
 * Checked by {@link MdfRequestValidation}.
 */
@Schema(description = "What a partner asks funds for: one activity with its milestone plan")
public record MdfRequestSubmission(
    @Schema(
            description =
                "`WEBINAR`, `EVENT`, `DIGITAL_CAMPAIGN`, `CONTENT`, `TRADE_SHOW` or `TRAINING`;"
                    + " the partner's tier decides which are allowed",
            example = "EVENT")
        String activityType,
    @Schema(example = "Customer day Munich") String title,
    @Schema(example = "Half-day customer event with a joint product demo") String description,
    @Schema(description = "Target region of the activity", example = "EMEA") String region,
    @Schema(description = "Within the current fund period", example = "2026-12-10")
        LocalDate startDate,
    @Schema(description = "Not before `startDate`", example = "2026-12-10") LocalDate endDate,
    @Schema(description = "The currency of the partner's budget", example = "EUR") String currency,
    @Schema(description = "`requestedAmount` + `partnerContribution`", example = "10001.00")
        BigDecimal totalCost,
    @Schema(
            description = "At most the tier's cap per activity and the available balance",
            example = "5000.50")
        BigDecimal requestedAmount,
    @Schema(
            description = "The partner's own share; at least the tier's minimum co-funding share",
            example = "5000.50")
        BigDecimal partnerContribution,
    @Schema(example = "200") Long expectedRegistrations,
    @Schema(example = "40") Long expectedLeads,
    @Schema(example = "250000") BigDecimal expectedPipeline,
    @Schema(description = "Shares must sum to 100") List<MilestonePlan> milestones) {

  /** One milestone of the plan. */
  public record MilestonePlan(
      @Schema(example = "Invitations sent") String name,
      @Schema(example = "2026-12-03") LocalDate plannedDate,
      @Schema(description = "Share of the approved funds, in percent", example = "30")
          BigDecimal sharePercent) {}
}
