package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UndeclaredKeysTest {

  private static final FormSchema APPROVAL = Forms.sample("partner-approval");
  private static final FormSchema REQUEST = Forms.sample("mdf-request");

  @Test
  void aKeyTheFormDoesNotDeclareIsReportedAndNeverPassedOn() {
    var result = Forms.validate(APPROVAL, Map.of("decision", "APPROVE", "approved", true));

    assertThat(result.problems())
        .containsExactly(new FieldProblem("approved", "is not a field of this form"));
    assertThat(result.accepted()).containsOnlyKeys("decision");
  }

  @Test
  void displayOnlyComponentsDeclareNoKeys() {
    var result =
        Forms.validate(APPROVAL, Map.of("decision", "APPROVE", "Intro", "x", "Submit", true));

    assertThat(result.problems())
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("Intro", "Submit");
  }

  @Test
  void undeclaredKeysInsideAGroupAreReportedWithTheirPath() {
    var result =
        Forms.validate(
            REQUEST, Map.of("partner", Map.of("name", "Acme", "creditLimit", 1_000_000)));

    assertThat(result.problems())
        .contains(new FieldProblem("partner.creditLimit", "is not a field of this form"));
    assertThat(result.accepted()).containsEntry("partner", Map.of("name", "Acme"));
  }

  @Test
  void undeclaredKeysInsideAListEntryAreReportedWithTheirIndex() {
    var result =
        Forms.validate(
            REQUEST, Map.of("milestones", List.of(Map.of("name", "Launch", "paid", true))));

    assertThat(result.problems())
        .contains(new FieldProblem("milestones[0].paid", "is not a field of this form"));
  }

  @Test
  void aGroupPathMustHoldAnObject() {
    var result = Forms.validate(REQUEST, Map.of("partner", "Acme"));

    assertThat(result.problems()).contains(new FieldProblem("partner", "must be an object"));
  }
}
