package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Table tests of bpmn/program-health-thresholds.dmn, evaluated by the embedded engine's DMN engine
 * with the figures the insights.measure-program-health worker hands it: each threshold on both
 * sides of its boundary, and figures without data.
 */
@PartnerflowIntegrationTest
class ProgramHealthThresholdsIT {

  @Autowired CamundaClient client;

  List<Map<String, Object>> breaches(Map<String, Object> figures) throws Exception {
    String json =
        client
            .newEvaluateDecisionCommand()
            .decisionId("program-health-thresholds")
            .variables(Map.of("programHealth", figures))
            .send()
            .join()
            .getDecisionOutput();
    // COLLECT without a matching rule answers null, which the diagram reads as "no breach".
    List<Map<String, Object>> found = new ObjectMapper().readValue(json, List.class);
    return found == null ? List.of() : found;
  }

  /** Healthy figures: the whole period elapsed, every figure on the good side. */
  static Map<String, Object> healthy() {
    Map<String, Object> f = new HashMap<>();
    f.put("fundPeriod", "2016-Q4");
    f.put("elapsedShare", new BigDecimal("1"));
    f.put("utilisationRate", new BigDecimal("0.8"));
    f.put("utilisationCurrency", "EUR");
    f.put("costPerLead", new BigDecimal("40"));
    f.put("costPerLeadCurrency", "EUR");
    f.put("slaAdherence", new BigDecimal("0.95"));
    f.put("overturnRate", new BigDecimal("0.1"));
    return f;
  }

  @Test
  void healthyFiguresBreachNothing() throws Exception {
    assertThat(breaches(healthy())).isEmpty();
  }

  @Test
  void figuresWithoutDataBreachNothing() throws Exception {
    Map<String, Object> f = new HashMap<>();
    f.put("fundPeriod", "2016-Q4");
    f.put("elapsedShare", new BigDecimal("1"));
    f.put("utilisationRate", null);
    f.put("costPerLead", null);
    f.put("slaAdherence", null);
    f.put("overturnRate", null);
    assertThat(breaches(f)).isEmpty();
  }

  @Test
  void everyBreachComesWithMetricLabelThresholdAndFigure() throws Exception {
    Map<String, Object> f = healthy();
    f.put("utilisationRate", new BigDecimal("0.1867"));
    f.put("costPerLead", new BigDecimal("150.01"));
    f.put("slaAdherence", new BigDecimal("0.6667"));
    f.put("overturnRate", new BigDecimal("0.5"));

    List<Map<String, Object>> found = breaches(f);

    assertThat(found)
        .extracting(b -> b.get("metric"))
        .containsExactly("UTILISATION", "COST_PER_LEAD", "SLA_ADHERENCE", "OVERTURN_RATE");
    assertThat(found.get(0))
        .containsEntry(
            "label", "Utilisation below 40 % with half the period or more elapsed (EUR)");
    assertThat(new BigDecimal(found.get(0).get("threshold").toString()))
        .isEqualByComparingTo("0.40");
    assertThat(new BigDecimal(found.get(0).get("figure").toString()))
        .isEqualByComparingTo("0.1867");
    assertThat(found.get(1)).containsEntry("label", "Cost per lead above 150 EUR");
  }

  @ParameterizedTest(name = "{0} = {1} (elapsed {2}) → breach {3}")
  @CsvSource({
    "utilisationRate, 0.3999, 0.5,    UTILISATION",
    "utilisationRate, 0.40,   0.5,    ",
    "utilisationRate, 0.10,   0.4999, ",
    "costPerLead,     150.01, 1,      COST_PER_LEAD",
    "costPerLead,     150,    1,      ",
    "slaAdherence,    0.8999, 1,      SLA_ADHERENCE",
    "slaAdherence,    0.90,   1,      ",
    "overturnRate,    0.2001, 1,      OVERTURN_RATE",
    "overturnRate,    0.20,   1,      ",
  })
  void eachThresholdAtItsBoundary(String figure, String value, String elapsed, String metric)
      throws Exception {
    Map<String, Object> f = healthy();
    f.put(figure, new BigDecimal(value));
    f.put("elapsedShare", new BigDecimal(elapsed));

    List<Map<String, Object>> found = breaches(f);

    if (metric == null) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).extracting(b -> b.get("metric")).containsExactly(metric);
    }
  }
}
