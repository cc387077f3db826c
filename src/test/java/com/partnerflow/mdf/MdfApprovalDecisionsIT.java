package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Table tests of bpmn/mdf-approval-routing.dmn, evaluated by the embedded engine's DMN engine. */
@PartnerflowIntegrationTest
class MdfApprovalDecisionsIT {

  @Autowired CamundaClient client;

  Map<?, ?> evaluate(String decisionId, Map<String, Object> variables) throws Exception {
    String json =
        client
            .newEvaluateDecisionCommand()
            .decisionId(decisionId)
            .variables(variables)
            .send()
            .join()
            .getDecisionOutput();
    return new ObjectMapper().readValue(json, Map.class);
  }

  @ParameterizedTest(name = "{0} from a {1} partner at {2} risk → [{3}], spot audit {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        "2000;     GOLD;       LOW;    ;                                           false",
        "2000.01;  GOLD;       LOW;    channel-managers;                           false",
        "1800;     PLATINUM;   LOW;    ;                                           false",
        "1800;     SILVER;     LOW;    channel-managers;                           false",
        "1000;     SILVER;     LOW;    ;                                           false",
        "1000;     REGISTERED; LOW;    ;                                           false",
        "500;      GOLD;       MEDIUM; channel-managers;                           false",
        "7500;     SILVER;     LOW;    channel-managers;                           false",
        "7500.01;  SILVER;     MEDIUM; channel-managers marketing-directors;       false",
        "15000;    GOLD;       LOW;    channel-managers marketing-directors;       false",
        "15000.01; GOLD;       LOW;    channel-managers marketing-directors finance; false",
        "100;      GOLD;       HIGH;   channel-managers marketing-directors finance; true"
      })
  void routesByAmountTierAndRisk(
      String amount, String tier, String risk, String groups, boolean spotAudit) throws Exception {
    Map<?, ?> routing =
        evaluate(
            "mdf-approval-routing",
            Map.of(
                "requestedAmount", new java.math.BigDecimal(amount),
                "tier", tier,
                "riskLevel", risk));

    List<String> expected = groups == null ? List.of() : Arrays.asList(groups.split(" "));
    assertThat(routing.get("approvalGroups")).isEqualTo(expected);
    assertThat(routing.get("spotAudit")).isEqualTo(spotAudit);
  }

  @ParameterizedTest(name = "{0}: SLA {1}, reminder after {2}, escalates to {3}")
  @CsvSource({
    "marketing-ops,       P2D, PT24H, channel-managers",
    "channel-managers,    P2D, PT24H, marketing-directors",
    "marketing-directors, P3D, PT36H, finance",
    "finance,             P3D, PT36H, executive-sponsors",
    "executive-sponsors,  P5D, PT60H, executive-sponsors"
  })
  void givesEachLevelItsSlaAndEscalationTarget(
      String group, String sla, String reminder, String escalation) throws Exception {
    Map<?, ?> result = evaluate("mdf-approval-sla", Map.of("approvalGroup", group));

    assertThat(result.get("slaDuration")).isEqualTo(sla);
    assertThat(result.get("reminderAfter")).isEqualTo(reminder);
    assertThat(result.get("escalationGroup")).isEqualTo(escalation);
  }
}
