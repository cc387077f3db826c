package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Caps against oversized or overly deep input, beyond what the form author wrote down. */
class LimitsTest {

  private static final FormSchema FORM =
      Forms.withComponents(
          """
          {"type":"textarea","key":"story"},
          {"type":"textarea","key":"essay","validate":{"maxLength":20000}},
          {"type":"group","path":"partner","components":[{"type":"textfield","key":"name"}]},
          {"type":"checklist","key":"channels","values":["EVENTS","PRINT"]},
          {"type":"dynamiclist","path":"milestones","components":[{"type":"textfield","key":"name"}]}
          """);

  @Test
  void textWithoutMaxLengthIsCappedAtTenThousandCharacters() {
    assertThat(Forms.validate(FORM, Map.of("story", "x".repeat(10_000))).isValid()).isTrue();
    assertThat(Forms.validate(FORM, Map.of("story", "x".repeat(10_001))).problems())
        .containsExactly(new FieldProblem("story", "must be at most 10000 characters long"));
  }

  @Test
  void anExplicitMaxLengthAboveTheCapWins() {
    assertThat(Forms.validate(FORM, Map.of("essay", "x".repeat(15_000))).isValid()).isTrue();
  }

  @Test
  void blanksDoNotSlipPastTheCap() {
    assertThat(Forms.validate(FORM, Map.of("essay", " ".repeat(20_001))).problems())
        .containsExactly(new FieldProblem("essay", "must be at most 20000 characters long"));
  }

  @Test
  void valuesNestedDeeperThanTheFormAreRefused() {
    var result =
        Forms.validate(FORM, Map.of("partner", Map.of("name", Map.of("first", "A", "last", "B"))));

    assertThat(result.problems()).containsExactly(new FieldProblem("partner.name", "must be text"));
    assertThat(result.accepted()).isEmpty();
  }

  @Test
  void objectsInsideAnOptionListAreRefused() {
    var result = Forms.validate(FORM, Map.of("channels", List.of(Map.of("value", "EVENTS"))));

    assertThat(result.problems())
        .containsExactly(new FieldProblem("channels[0]", "must be one of: EVENTS, PRINT"));
  }

  @Test
  void aDynamicListIsCappedAtFiveHundredEntries() {
    var entries = Collections.nCopies(501, Map.<String, Object>of("name", "M"));

    assertThat(Forms.validate(FORM, Map.of("milestones", entries)).problems())
        .containsExactly(new FieldProblem("milestones", "must not have more than 500 entries"));
  }
}
