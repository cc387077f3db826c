package com.partnerflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a review decision means for the outcome and the money; statistics and policy durations. */
class DisputeRulesTest {

  static Dispute dispute(SubjectType type, String decisionType) {
    DisputeSubject subject =
        new DisputeSubject(
            type,
            "s1",
            "p1",
            "r1",
            "EUR",
            decisionType,
            Instant.EPOCH,
            new BigDecimal("500.00"),
            List.of("carol"),
            "channel-managers",
            null);
    return new Dispute(
        subject,
        new DisputeRequest(type, "s1", new BigDecimal("400.00"), DisputeCategory.AMOUNT, "why"),
        "GOLD",
        "alice",
        Instant.EPOCH);
  }

  @Test
  void upholdingMovesNoMoney() {
    Resolution r = Resolution.of(dispute(SubjectType.CLAIM, "CLAIM_REJECTED"), "UPHOLD", null);
    assertThat(r.outcome()).isEqualTo(DisputeOutcome.UPHELD);
    assertThat(r.amount()).isNull();
    assertThat(r.effect()).isEqualTo(DisputeProcess.NO_EFFECT);
  }

  @Test
  void anOverturnIsTheWholeDisputedAmount() {
    Resolution claim = Resolution.of(dispute(SubjectType.CLAIM, "CLAIM_PARTIAL"), "OVERTURN", null);
    assertThat(claim.amount()).isEqualByComparingTo("400.00");
    assertThat(claim.effect()).isEqualTo(DisputeProcess.CORRECTIVE_PAYMENT);
    Resolution request =
        Resolution.of(dispute(SubjectType.MDF_REQUEST, "MDF_REJECTED"), "OVERTURN", null);
    assertThat(request.effect()).isEqualTo(DisputeProcess.MDF_APPROVAL);
  }

  @Test
  void aSettlementIsTheSettledAmount() {
    Resolution r =
        Resolution.of(
            dispute(SubjectType.CLAIM, "CLAIM_REJECTED"), "SETTLE", new BigDecimal("120.50"));
    assertThat(r.outcome()).isEqualTo(DisputeOutcome.SETTLED);
    assertThat(r.amount()).isEqualByComparingTo("120.50");
  }

  @Test
  void aLatePaymentMovesNoMoneyAndAReducedRequestGrows() {
    assertThat(
            Resolution.of(dispute(SubjectType.PAYMENT, "PAYMENT_LATE"), "OVERTURN", null).effect())
        .isEqualTo(DisputeProcess.NO_EFFECT);
    assertThat(
            Resolution.of(dispute(SubjectType.MDF_REQUEST, "MDF_REDUCED"), "OVERTURN", null)
                .effect())
        .isEqualTo(DisputeProcess.MDF_INCREASE);
    assertThat(
            Resolution.of(dispute(SubjectType.MDF_REQUEST, "MDF_REDUCED"), "UPHOLD", null).effect())
        .isEqualTo(DisputeProcess.NO_EFFECT);
  }

  @Test
  void informationAndEscalationAreNoResolution() {
    assertThatThrownBy(
            () -> Resolution.of(dispute(SubjectType.CLAIM, "CLAIM_REJECTED"), "ESCALATE", null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void percentilesAreNearestRank() {
    List<Duration> times =
        List.of(
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(10));
    assertThat(DisputeStats.percentile(times, 50)).isEqualTo("PT2H");
    assertThat(DisputeStats.percentile(times, 90)).isEqualTo("PT10H");
    assertThat(DisputeStats.percentile(List.of(), 50)).isNull();
  }

  @Test
  void policyDurationsAreDaysOrHours() {
    assertThat(DisputePolicy.duration("P30D")).isEqualTo(Duration.ofDays(30));
    assertThat(DisputePolicy.duration("P2W")).isEqualTo(Duration.ofDays(14));
    assertThat(DisputePolicy.duration("PT36H")).isEqualTo(Duration.ofHours(36));
    assertThatThrownBy(() -> DisputePolicy.duration("P1M"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
