package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Table tests of bpmn/partner-tier.dmn, evaluated by the embedded engine's DMN engine. */
@PartnerflowIntegrationTest
class PartnerTierDecisionsIT {

  @Autowired CamundaClient client;

  Object evaluate(String decisionId, Map<String, Object> variables) {
    String json =
        client
            .newEvaluateDecisionCommand()
            .decisionId(decisionId)
            .variables(variables)
            .send()
            .join()
            .getDecisionOutput();
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(json, e);
    }
  }

  @ParameterizedTest(name = "{0} with revenue {1} and {2} certified staff → {3}")
  @CsvSource({
    "RESELLER,    5000000, 10, PLATINUM",
    "MSP,         9000000, 25, PLATINUM",
    "TECHNOLOGY,  4999999, 10, GOLD",
    "RESELLER,    1000000,  5, GOLD",
    "RESELLER,    5000000,  9, GOLD",
    "REFERRAL,    9000000, 50, SILVER",
    "RESELLER,     250000,  2, SILVER",
    "RESELLER,     999999,  4, SILVER",
    "RESELLER,     249999, 40, REGISTERED",
    "MSP,         1000000,  1, REGISTERED",
    "REFERRAL,          0,  0, REGISTERED"
  })
  void proposesTheTierFromTypeRevenueAndCertifiedStaff(
      String partnerType, long revenue, int staff, String tier) {
    var output =
        evaluate(
            "tier-proposal",
            Map.of(
                "partnerType", partnerType,
                "expectedAnnualRevenue", revenue,
                "certifiedStaff", staff));

    assertThat(output).isEqualTo(tier);
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(
      name =
          "{0}: allocation {1}, cap {2}, co-funding {3}, {4} activity types, {5} revision rounds")
  @CsvSource({
    "REGISTERED,  10000,  2500, 0.5, 2, 3",
    "SILVER,      50000, 10000, 0.4, 4, 3",
    "GOLD,       150000, 25000, 0.3, 5, 3",
    "PLATINUM,   400000, 75000, 0.2, 6, 3"
  })
  void givesEachTierItsBenefits(
      String tier,
      int allocation,
      int cap,
      double coFunding,
      int activityTypes,
      int revisionRounds) {
    Map<?, ?> benefits = (Map<?, ?>) evaluate("tier-benefits", Map.of("tier", tier));

    assertThat(((Number) benefits.get("annualAllocation")).intValue()).isEqualTo(allocation);
    assertThat(((Number) benefits.get("perActivityCap")).intValue()).isEqualTo(cap);
    assertThat(((Number) benefits.get("minCoFundingShare")).doubleValue()).isEqualTo(coFunding);
    assertThat((List<Object>) benefits.get("allowedActivityTypes"))
        .hasSize(activityTypes)
        .contains("WEBINAR");
    assertThat(((Number) benefits.get("maxRevisionRounds")).intValue()).isEqualTo(revisionRounds);
  }
}
