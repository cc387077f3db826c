package com.partnerflow.disbursement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A closed request's totals and results, and the ROI figures derived from them: leads,
 * opportunities and pipeline per unit of MDF paid, and cost per lead (MDF paid per lead). A figure
 * whose divisor is zero is null, not zero: nothing was paid, or no lead was reported.
 */
record CloseOutFigures(
    BigDecimal approved,
    BigDecimal paid,
    BigDecimal released,
    long registrations,
    long attendees,
    long leads,
    long opportunities,
    BigDecimal pipelineCreated,
    BigDecimal leadsPerUnitPaid,
    BigDecimal opportunitiesPerUnitPaid,
    BigDecimal pipelinePerUnitPaid,
    BigDecimal costPerLead) {

  /** The figures of a request from its totals and the results of its paid claims. */
  static CloseOutFigures of(
      BigDecimal approved, BigDecimal paid, BigDecimal released, List<Claim> paidClaims) {
    long registrations = sum(paidClaims.stream().map(Claim::getRegistrations).toList());
    long attendees = sum(paidClaims.stream().map(Claim::getAttendees).toList());
    long leads = sum(paidClaims.stream().map(Claim::getLeads).toList());
    long opportunities = sum(paidClaims.stream().map(Claim::getOpportunities).toList());
    BigDecimal pipeline =
        paidClaims.stream()
            .map(Claim::getPipelineCreated)
            .filter(p -> p != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean anythingPaid = paid.signum() > 0;
    return new CloseOutFigures(
        approved,
        paid,
        released,
        registrations,
        attendees,
        leads,
        opportunities,
        pipeline,
        anythingPaid ? perUnit(BigDecimal.valueOf(leads), paid) : null,
        anythingPaid ? perUnit(BigDecimal.valueOf(opportunities), paid) : null,
        anythingPaid ? perUnit(pipeline, paid) : null,
        leads > 0 ? paid.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP) : null);
  }

  private static BigDecimal perUnit(BigDecimal value, BigDecimal paid) {
    return value.divide(paid, 6, RoundingMode.HALF_UP);
  }

  private static long sum(List<Long> values) {
    return values.stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
  }
}
