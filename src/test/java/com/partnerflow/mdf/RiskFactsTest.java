package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts the risk decision reads: amounts as requested, ages in whole days. */
class RiskFactsTest {

  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final BigDecimal CAP = new BigDecimal("25000");

  static MdfRequest request(String amount, Instant submittedAt) {
    return new MdfRequest(
        "p1",
        "alice",
        MdfSubmissions.webinar("Webinar", amount, LocalDate.of(2030, 2, 1)),
        submittedAt);
  }

  @Test
  void collectsAmountsAndAgesInWholeDays() {
    List<MdfRequest> earlier =
        List.of(
            request("1000.50", NOW.minus(Duration.ofDays(3))),
            request("2000.50", NOW.minus(Duration.ofDays(10).plusHours(23))));

    RiskFacts facts =
        RiskFacts.of(request("24000", NOW), earlier, CAP, NOW.minus(Duration.ofDays(90)), NOW);

    assertThat(facts.requestedAmount()).isEqualByComparingTo("24000");
    assertThat(facts.perActivityCap()).isEqualByComparingTo("25000");
    assertThat(facts.earlierAmounts())
        .containsExactly(new BigDecimal("1000.50"), new BigDecimal("2000.50"));
    assertThat(facts.earlierAgesDays()).containsExactly(3L, 10L);
    assertThat(facts.partnerAgeDays()).isEqualTo(90L);
  }

  @Test
  void aPartnerWithoutAJoinDateHasNoAgeAndAFirstRequestNoHistory() {
    RiskFacts facts = RiskFacts.of(request("1234.50", NOW), List.of(), CAP, null, NOW);

    assertThat(facts.earlierAmounts()).isEmpty();
    assertThat(facts.earlierAgesDays()).isEmpty();
    assertThat(facts.partnerAgeDays()).isNull();
  }
}
