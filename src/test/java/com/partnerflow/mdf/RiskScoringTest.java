package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskScoringTest {

  static final Instant NOW = Instant.parse("2030-01-05T10:00:00Z");
  static final Instant LONG_AGO = NOW.minus(Duration.ofDays(400));
  static final BigDecimal CAP = new BigDecimal("25000");

  static MdfRequest request(String amount, Instant submittedAt) {
    return new MdfRequest(
        "p1",
        "alice",
        MdfSubmissions.webinar("Webinar", amount, LocalDate.of(2030, 2, 1)),
        submittedAt);
  }

  @Test
  void anOrdinaryRequestOfAnEstablishedPartnerIsLowRisk() {
    var risk = RiskScoring.score(request("1234.50", NOW), List.of(), CAP, LONG_AGO, NOW);
    assertThat(risk.signals()).isEmpty();
    assertThat(risk.level()).isEqualTo("LOW");
    assertThat(risk.score()).isZero();
  }

  @Test
  void explainsEverySignal() {
    List<MdfRequest> history =
        List.of(
            request("1000.50", NOW.minus(Duration.ofDays(3))),
            request("2000.50", NOW.minus(Duration.ofDays(10))),
            request("3000.50", NOW.minus(Duration.ofDays(20))));

    var risk =
        RiskScoring.score(request("24000", NOW), history, CAP, NOW.minus(Duration.ofDays(10)), NOW);

    assertThat(risk.signals())
        .hasSize(5)
        .anyMatch(s -> s.startsWith("Amount far above the partner's history"))
        .anyMatch(s -> s.startsWith("Many requests in a short window: 3"))
        .anyMatch(s -> s.startsWith("Round-number amount: 24000"))
        .anyMatch(s -> s.startsWith("Just below the cap per activity of 25000"))
        .anyMatch(s -> s.startsWith("New partner"));
    assertThat(risk.score()).isEqualTo(105);
    assertThat(risk.level()).isEqualTo("HIGH");
  }

  @Test
  void aRoundAmountAloneIsStillLowAndWithANewPartnerMedium() {
    assertThat(RiskScoring.score(request("5000", NOW), List.of(), CAP, LONG_AGO, NOW).level())
        .isEqualTo("LOW");
    assertThat(
            RiskScoring.score(
                    request("5000", NOW), List.of(), CAP, NOW.minus(Duration.ofDays(1)), NOW)
                .level())
        .isEqualTo("MEDIUM");
  }
}
