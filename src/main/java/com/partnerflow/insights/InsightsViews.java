package com.partnerflow.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the insights API answers. Money is an amount with its currency, never summed across. */
final class InsightsViews {

  private InsightsViews() {}

  @Schema(
      name = "InsightsUtilisation",
      description = "Ledger movements of one fund period's budgets in one currency")
  record Utilisation(
      @Schema(example = "2026-Q4") String period,
      @Schema(example = "EUR") String currency,
      @Schema(description = "ALLOCATE and ADJUST", example = "400000.00") BigDecimal allocated,
      @Schema(description = "every RESERVE", example = "120000.00") BigDecimal reserved,
      @Schema(description = "every PAY", example = "45000.00") BigDecimal paid,
      @Schema(
              description = "RELEASE of unpaid rests, rejected milestones and closed requests",
              example = "5000.00")
          BigDecimal released,
      @Schema(
              description = "RELEASE of milestones nothing was claimed for by the deadline",
              example = "2500.00")
          BigDecimal lapsed,
      @Schema(
              description = "reserved − released − lapsed: what is paid or still reserved",
              example = "112500.00")
          BigDecimal committed,
      @Schema(description = "committed / allocated", example = "0.2813")
          BigDecimal utilisationRate) {}

  record BurnDownPoint(LocalDate date, BigDecimal remaining, BigDecimal ideal) {}

  @Schema(
      name = "InsightsBurnDown",
      description = "What is left of the allocation day by day against an even burn")
  record BurnDown(
      String period, String currency, BigDecimal allocated, List<BurnDownPoint> points) {}

  @Schema(name = "InsightsFunnelStep")
  record FunnelStep(
      @Schema(example = "approved", description = "requested, approved, claimed, verified or paid")
          String name,
      @Schema(description = "requests that reached the step", example = "42") long count,
      @Schema(example = "84000.00") BigDecimal amount,
      @Schema(example = "EUR") String currency,
      @Schema(description = "requests lost since the step before", example = "8") long dropOff,
      @Schema(description = "dropOff / the step before's count", example = "0.1600")
          BigDecimal dropOffRate,
      @Schema(example = "12000.00") BigDecimal amountDropOff) {}

  @Schema(name = "InsightsFunnel")
  record Funnel(
      @Schema(example = "EUR") String currency,
      @Schema(description = "the currencies with requests, most requests first")
          List<String> currencies,
      List<FunnelStep> steps) {}

  @Schema(
      name = "InsightsRoi",
      description = "Measured results of verified claims per unit of MDF paid")
  record Roi(
      @Schema(example = "WEBINAR") String key,
      @Schema(example = "WEBINAR", description = "the partner's name for groupBy=partner")
          String label,
      @Schema(example = "EUR") String currency,
      long requests,
      @Schema(example = "20000.00") BigDecimal approved,
      @Schema(example = "15000.00") BigDecimal paid,
      @Schema(example = "300") long leads,
      @Schema(example = "40") long opportunities,
      @Schema(example = "450000.00") BigDecimal pipeline,
      @Schema(example = "0.020000") BigDecimal leadsPerUnit,
      @Schema(example = "0.002667") BigDecimal opportunitiesPerUnit,
      @Schema(description = "pipeline / paid", example = "30.000000") BigDecimal pipelinePerUnit,
      @Schema(description = "paid / leads", example = "50.00") BigDecimal costPerLead,
      @Schema(example = "350") long expectedLeads,
      @Schema(example = "500000.00") BigDecimal expectedPipeline,
      @Schema(description = "approved / expected leads", example = "57.14")
          BigDecimal expectedCostPerLead) {}

  @Schema(name = "InsightsLevelSla")
  record LevelSla(
      @Schema(example = "channel-managers") String level,
      long decided,
      @Schema(description = "SLA breaches: escalations away from the level") long escalated,
      @Schema(description = "decided / (decided + escalated)", example = "0.9000")
          BigDecimal adherence) {}

  @Schema(name = "InsightsSpeed")
  record Speed(
      long decisions,
      @Schema(type = "string", example = "PT26H") Duration timeToDecisionP50,
      @Schema(type = "string", example = "PT70H") Duration timeToDecisionP90,
      long payments,
      @Schema(type = "string", example = "PT120H") Duration timeToCashP50,
      @Schema(type = "string", example = "PT300H") Duration timeToCashP90,
      List<LevelSla> slaByLevel) {}

  @Schema(name = "InsightsGovernance")
  record Governance(
      long approved,
      long autoApproved,
      @Schema(example = "0.3000") BigDecimal autoApprovalRate,
      long escalations,
      long spotAudits,
      @Schema(description = "spot audits that did not approve") long spotAuditFindings,
      long disputes,
      long resolvedDisputes,
      @Schema(description = "overturned or settled") long overturnedDisputes,
      @Schema(example = "0.2500") BigDecimal overturnRate,
      long duplicateInvoiceBlocks,
      long duplicateFileBlocks) {}

  @Schema(name = "InsightsDashboard")
  record Dashboard(
      @Schema(example = "2026-Q4") String period,
      @Schema(example = "2026-10-01") LocalDate periodStartsOn,
      @Schema(example = "2026-12-31") LocalDate periodEndsOn,
      List<Utilisation> utilisation,
      List<BurnDown> burnDown,
      Funnel funnel,
      List<Roi> roiByActivityType,
      List<Roi> roiByPartner,
      Speed speed,
      Governance governance) {}

  @Schema(name = "InsightsReconciliationRow")
  record ReconciliationRow(
      String partnerId,
      @Schema(example = "Acme Corp") String partnerName,
      @Schema(example = "EUR") String currency,
      long approvedRequests,
      BigDecimal approved,
      BigDecimal paid,
      long expectedLeads,
      long actualLeads,
      long leadsVariance,
      @Schema(description = "actual / expected", example = "0.8500") BigDecimal leadsAttainment,
      BigDecimal expectedPipeline,
      BigDecimal actualPipeline,
      BigDecimal pipelineVariance,
      BigDecimal pipelineAttainment,
      long expectedRegistrations,
      long actualRegistrations,
      long actualOpportunities) {}

  @Schema(name = "InsightsReconciliationReview")
  record Review(
      @Schema(example = "2026-Q4") String period,
      @Schema(example = "grace") String reviewedBy,
      Instant reviewedAt,
      @Schema(example = "Pipeline below forecast for two partners; follow-up agreed")
          String note) {}

  @Schema(name = "InsightsReconciliation")
  record Reconciliation(
      @Schema(example = "2026-Q4") String period,
      List<ReconciliationRow> rows,
      List<Review> reviews) {}

  @Schema(name = "InsightsCohortValue", description = "One cohort's figures in one fund period")
  record CohortValue(
      @Schema(example = "2026-Q3") String period,
      BigDecimal allocated,
      BigDecimal committed,
      @Schema(example = "0.6200") BigDecimal utilisationRate,
      BigDecimal paid,
      long leads,
      BigDecimal pipeline,
      @Schema(example = "22.500000") BigDecimal pipelinePerUnit,
      @Schema(example = "48.20") BigDecimal costPerLead,
      long payments,
      @Schema(type = "string", example = "PT96H") Duration timeToCashP50) {}

  @Schema(name = "InsightsCohort")
  record Cohort(
      @Schema(example = "GOLD") String key,
      @Schema(example = "EUR") String currency,
      List<CohortValue> values) {}

  @Schema(name = "InsightsCohorts")
  record Cohorts(
      @Schema(example = "tier") String by,
      @Schema(description = "oldest first") List<String> periods,
      List<Cohort> cohorts) {}
}
