package com.partnerflow.processowner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.processowner.internal.DmnRuleDiff.Change;
import com.partnerflow.processowner.internal.DmnRuleDiff.RuleChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules that changed between two versions of a decision table, on the real routing table. */
class DmnRuleDiffTest {

  static final String ROUTING = "mdf-approval-routing";

  static String routing() throws IOException {
    try (InputStream in =
        DmnRuleDiffTest.class.getResourceAsStream("/bpmn/mdf-approval-routing.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void anUnchangedTableHasNoChanges() throws IOException {
    var diff = DmnRuleDiff.diff(routing(), routing(), ROUTING);

    assertThat(diff.rules()).isEmpty();
    assertThat(diff.hitPolicy()).isEqualTo("FIRST");
    assertThat(diff.columnsChanged()).isFalse();
    assertThat(diff.inputs()).hasSize(3);
  }

  @Test
  void aRaisedThresholdIsAChangedRuleWithBothEntries() throws IOException {
    String raised = routing().replaceFirst("&lt;= 2000", "&lt;= 3000");

    var diff = DmnRuleDiff.diff(routing(), raised, ROUTING);

    assertThat(diff.rules())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.ruleId()).isEqualTo("RoutingRule2");
              assertThat(c.change()).isEqualTo(Change.CHANGED);
              assertThat(c.before().inputs().getFirst()).isEqualTo("<= 2000");
              assertThat(c.after().inputs().getFirst()).isEqualTo("<= 3000");
              assertThat(c.before().inputs().subList(1, 3))
                  .isEqualTo(c.after().inputs().subList(1, 3));
              assertThat(c.before().row()).isEqualTo(2);
              assertThat(c.after().row()).isEqualTo(2);
            });
  }

  @Test
  void addedAndRemovedRulesAreNamedAndRowsBelowThemDoNotCountAsMoved() throws IOException {
    String original = routing();
    String withoutRiskRule = original.replaceFirst("(?s)<rule id=\"RoutingRule1\">.*?</rule>", "");
    String withNewFirstRule =
        original.replaceFirst(
            "<rule id=\"RoutingRule1\">",
            "<rule id=\"NewRule\"><inputEntry id=\"n0\"><text>&gt; 100000</text></inputEntry>"
                + "<inputEntry id=\"n1\"><text>-</text></inputEntry>"
                + "<inputEntry id=\"n2\"><text>-</text></inputEntry>"
                + "<outputEntry id=\"n3\"><text>[\"finance\"]</text></outputEntry>"
                + "<outputEntry id=\"n4\"><text>true</text></outputEntry></rule>"
                + "<rule id=\"RoutingRule1\">");

    assertThat(DmnRuleDiff.diff(original, withoutRiskRule, ROUTING).rules())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.ruleId()).isEqualTo("RoutingRule1");
              assertThat(c.change()).isEqualTo(Change.REMOVED);
              assertThat(c.after()).isNull();
              assertThat(c.before().inputs().get(2)).isEqualTo("\"HIGH\"");
            });
    assertThat(DmnRuleDiff.diff(original, withNewFirstRule, ROUTING).rules())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.ruleId()).isEqualTo("NewRule");
              assertThat(c.change()).isEqualTo(Change.ADDED);
              assertThat(c.after().row()).isEqualTo(1);
              assertThat(c.after().outputs()).containsExactly("[\"finance\"]", "true");
            });
  }

  @Test
  void swappingTwoRulesMovesThemBecauseTheFirstMatchWins() throws IOException {
    String original = routing();
    String rule2 = extract(original, "RoutingRule2");
    String rule3 = extract(original, "RoutingRule3");
    String swapped = original.replace(rule2 + "\n", "").replace(rule3, rule3 + "\n" + rule2);

    assertThat(DmnRuleDiff.diff(original, swapped, ROUTING).rules())
        .extracting(RuleChange::ruleId, RuleChange::change)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("RoutingRule3", Change.MOVED),
            org.assertj.core.groups.Tuple.tuple("RoutingRule2", Change.MOVED));
  }

  @Test
  void aFileWithoutTheDecisionOrWithADoctypeIsRefused() throws IOException {
    assertThatThrownBy(() -> DmnRuleDiff.diff(routing(), routing(), "no-such-decision"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-decision");
    String hostile = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"x\">]><definitions/>";
    assertThatThrownBy(() -> DmnRuleDiff.diff(routing(), hostile, ROUTING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE");
    assertThat(DmnRuleDiff.declaresDecision(routing(), ROUTING)).isTrue();
    assertThat(DmnRuleDiff.declaresDecision(hostile, ROUTING)).isFalse();
  }

  private static String extract(String dmn, String ruleId) {
    int start = dmn.indexOf("<rule id=\"" + ruleId + "\">");
    int end = dmn.indexOf("</rule>", start) + "</rule>".length();
    return dmn.substring(start, end);
  }
}
