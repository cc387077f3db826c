package com.partnerflow.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/mdf-requests} and of a revision: what a partner asks funds for.
 * Checked by {@link MdfRequestValidation}.
 */
public record MdfRequestSubmission(
    String activityType,
    String title,
    String description,
    String region,
    LocalDate startDate,
    LocalDate endDate,
    String currency,
    BigDecimal totalCost,
    BigDecimal requestedAmount,
    BigDecimal partnerContribution,
    Long expectedRegistrations,
    Long expectedLeads,
    BigDecimal expectedPipeline,
    List<MilestonePlan> milestones) {

  /** One milestone of the plan. */
  public record MilestonePlan(String name, LocalDate plannedDate, BigDecimal sharePercent) {}
}
