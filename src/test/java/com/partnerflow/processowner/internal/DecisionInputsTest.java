package com.partnerflow.processowner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DecisionInputsTest {

  private static final String DMN =
      """
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d"
          namespace="http://partnerflow.test">
        <decision id="band" name="Band">
          <decisionTable id="bandTable">
            <input id="i1"><inputExpression id="e1" typeRef="number"><text>amount</text></inputExpression></input>
            <input id="i2"><inputExpression id="e2" typeRef="string"><text>partner.tier</text></inputExpression></input>
            <output id="o1" name="band" typeRef="string"/>
          </decisionTable>
        </decision>
        <decision id="route" name="Route">
          <informationRequirement id="r1"><requiredDecision href="#band"/></informationRequirement>
          <literalExpression id="l1"><text>if band = "HIGH" then escalationGroup else approvers</text></literalExpression>
        </decision>
      </definitions>
      """;

  @Test
  void aDecisionReadsItsInputsAndThoseOfTheDecisionsItRequiresButNotTheirResults() {
    var reads = DecisionInputs.of(DMN.getBytes(StandardCharsets.UTF_8));

    assertThat(reads.get("band")).containsExactlyInAnyOrder("amount", "partner");
    assertThat(reads.get("route"))
        .containsExactlyInAnyOrder("amount", "partner", "escalationGroup", "approvers");
  }

  @Test
  void theShippedRoutingDecisionReadsTheRequestsFacts() throws Exception {
    var reads = DecisionInputs.of(Files.readAllBytes(Path.of("bpmn/mdf-approval-routing.dmn")));

    assertThat(reads.get("mdf-approval-routing"))
        .containsExactlyInAnyOrder("requestedAmount", "tier", "riskLevel");
    assertThat(reads.get("mdf-approval-sla")).containsExactly("approvalGroup");
  }

  @Test
  void aFileThatIsNotXmlReadsNothing() {
    assertThat(DecisionInputs.of("not a model".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}
