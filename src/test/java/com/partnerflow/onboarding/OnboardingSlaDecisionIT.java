package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Table test of bpmn/partner-onboarding-sla.dmn, evaluated by the embedded engine. */
@PartnerflowIntegrationTest
class OnboardingSlaDecisionIT {

  @Autowired CamundaClient client;

  @ParameterizedTest(name = "{0}: remind after 2 days, escalate after 5, agreement 7 / 30 days")
  @ValueSource(strings = {"RESELLER", "REFERRAL", "TECHNOLOGY", "MSP"})
  void everyPartnerTypeGetsTheDefaultWaitingTimes(String partnerType) throws Exception {
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId("onboarding-sla")
            .variables(Map.of("partnerType", partnerType))
            .send()
            .join()
            .getDecisionOutput();

    assertThat(new ObjectMapper().readValue(output, Map.class))
        .isEqualTo(
            Map.of(
                "reviewReminderBusinessDays",
                2,
                "reviewEscalationBusinessDays",
                5,
                "agreementReminderAfter",
                "P7D",
                "agreementExpiryAfter",
                "P30D"));
  }
}
