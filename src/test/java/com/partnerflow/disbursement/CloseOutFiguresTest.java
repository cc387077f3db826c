package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseOutFiguresTest {

  static Claim paidClaim(long leads, long opportunities, String pipeline) {
    Claim claim = new Claim("r", "m" + leads, "p", new BigDecimal("500.00"), "EUR", Instant.EPOCH);
    claim.submit(
        new ClaimValues(
            new BigDecimal("900"),
            new BigDecimal("500.00"),
            "INV-" + leads,
            LocalDate.of(2026, 1, 1),
            List.of("https://x"),
            100L,
            80L,
            leads,
            opportunities,
            new BigDecimal(pipeline)),
        "alice",
        Instant.EPOCH);
    return claim;
  }

  @Test
  void totalsResultsAndRoiPerUnitOfMdfPaid() {
    var figures =
        CloseOutFigures.of(
            new BigDecimal("1500.50"),
            new BigDecimal("1000.00"),
            new BigDecimal("500.50"),
            List.of(paidClaim(30, 6, "90000"), paidClaim(10, 2, "10000")));

    assertThat(figures.registrations()).isEqualTo(200);
    assertThat(figures.attendees()).isEqualTo(160);
    assertThat(figures.leads()).isEqualTo(40);
    assertThat(figures.opportunities()).isEqualTo(8);
    assertThat(figures.pipelineCreated()).isEqualByComparingTo("100000");
    assertThat(figures.leadsPerUnitPaid()).isEqualByComparingTo("0.04");
    assertThat(figures.opportunitiesPerUnitPaid()).isEqualByComparingTo("0.008");
    assertThat(figures.pipelinePerUnitPaid()).isEqualByComparingTo("100");
    assertThat(figures.costPerLead()).isEqualByComparingTo("25.00");
  }

  @Test
  void nothingPaidOrNoLeadsLeaveTheRatiosEmptyRatherThanZero() {
    var figures =
        CloseOutFigures.of(
            new BigDecimal("1500.50"), BigDecimal.ZERO, new BigDecimal("1500.50"), List.of());
    assertThat(figures.leadsPerUnitPaid()).isNull();
    assertThat(figures.pipelinePerUnitPaid()).isNull();
    assertThat(figures.costPerLead()).isNull();
    assertThat(figures.leads()).isZero();
  }
}
