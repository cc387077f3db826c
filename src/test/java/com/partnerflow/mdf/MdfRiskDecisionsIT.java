package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Table tests of bpmn/mdf-risk-scoring.dmn (signals, level, assessment), evaluated by the embedded
 * engine's DMN engine with the facts the mdf.collect-risk-facts worker hands it.
 */
@PartnerflowIntegrationTest
class MdfRiskDecisionsIT {

  static final BigDecimal CAP = new BigDecimal("25000");

  @Autowired CamundaClient client;

  Map<?, ?> assess(Map<String, Object> facts) throws Exception {
    String json =
        client
            .newEvaluateDecisionCommand()
            .decisionId("mdf-risk-assessment")
            .variables(Map.of("riskFacts", facts))
            .send()
            .join()
            .getDecisionOutput();
    return new ObjectMapper().readValue(json, Map.class);
  }

  static Map<String, Object> facts(
      String amount, List<String> earlierAmounts, List<Integer> earlierAgesDays, int partnerAge) {
    return Map.of(
        "requestedAmount", new BigDecimal(amount),
        "perActivityCap", CAP,
        "earlierAmounts", earlierAmounts.stream().map(BigDecimal::new).toList(),
        "earlierAgesDays", earlierAgesDays,
        "partnerAgeDays", partnerAge);
  }

  @Test
  void anOrdinaryRequestOfAnEstablishedPartnerIsLowRiskWithoutSignals() throws Exception {
    Map<?, ?> risk = assess(facts("1234.50", List.of(), List.of(), 400));

    assertThat(risk.get("signals")).isEqualTo(List.of());
    assertThat(((Number) risk.get("score")).intValue()).isZero();
    assertThat(risk.get("level")).isEqualTo("LOW");
  }

  @Test
  void explainsEverySignal() throws Exception {
    Map<?, ?> risk =
        assess(facts("24000", List.of("1000.50", "2000.50", "3000.50"), List.of(3, 10, 20), 10));

    assertThat(risk.get("signals"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
        .containsExactly(
            "Amount far above the partner's history: more than 3 × the average of 2000.50",
            "Many requests in a short window: 3 others in the last 30 days",
            "Round-number amount: 24000",
            "Just below the cap per activity of 25000",
            "New partner: joined less than 90 days ago");
    assertThat(((Number) risk.get("score")).intValue()).isEqualTo(105);
    assertThat(risk.get("level")).isEqualTo("HIGH");
  }

  @ParameterizedTest(name = "{0}, earlier {1} ({2} days ago), partner {3} days → {4} points, {5}")
  @CsvSource(
      delimiter = ';',
      value = {
        "5000;     ;                ;        400; 10; LOW",
        "5000;     ;                ;        89;  30; MEDIUM",
        "5000;     ;                ;        90;  10; LOW",
        "3000.50;  1000.50;         400;     400; 0;  LOW",
        "3001.51;  1000.50;         400;     400; 30; MEDIUM",
        "1234.50;  1100 1200 1300;  30 30 30; 400; 25; MEDIUM",
        "1234.50;  1100 1200 1300;  30 30 31; 400; 0;  LOW",
        "23749.99; ;                ;        400; 0;  LOW",
        "23750.00; ;                ;        400; 20; LOW",
        "25000;    ;                ;        400; 30; MEDIUM",
        "24000;    1000;            5;       10;  80; HIGH"
      })
  void scoresAtTheThresholds(
      String amount, String earlier, String ages, int partnerAge, int score, String level)
      throws Exception {
    Map<?, ?> risk =
        assess(
            facts(
                amount,
                earlier == null ? List.of() : List.of(earlier.split(" ")),
                ages == null
                    ? List.of()
                    : java.util.Arrays.stream(ages.split(" ")).map(Integer::valueOf).toList(),
                partnerAge));

    assertThat(((Number) risk.get("score")).intValue()).as("score of %s", risk).isEqualTo(score);
    assertThat(risk.get("level")).isEqualTo(level);
  }
}
