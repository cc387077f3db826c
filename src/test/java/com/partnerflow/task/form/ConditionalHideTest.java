package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionalHideTest {

  private static final FormSchema APPROVAL = Forms.sample("partner-approval");
  private static final FormSchema CONTACT = Forms.sample("partner-contact");

  @Test
  void aShownConditionalFieldIsRequiredAndChecked() {
    var missing = Forms.validate(APPROVAL, Map.of("decision", "APPROVE_REDUCED"));
    assertThat(missing.problems())
        .containsExactly(new FieldProblem("approvedAmount", "is required"));

    var tooPrecise =
        Forms.validate(APPROVAL, Map.of("decision", "APPROVE_REDUCED", "approvedAmount", 10.001));
    assertThat(tooPrecise.problems())
        .containsExactly(new FieldProblem("approvedAmount", "must have at most 2 decimal places"));
  }

  @Test
  void aShownConditionalFieldIsPassedOn() {
    var result =
        Forms.validate(APPROVAL, Map.of("decision", "APPROVE_REDUCED", "approvedAmount", 7500));

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted())
        .containsEntry("decision", "APPROVE_REDUCED")
        .containsEntry("approvedAmount", 7500L);
  }

  @Test
  void aHiddenFieldIsNeitherRequiredNorAccepted() {
    var result = Forms.validate(APPROVAL, Map.of("decision", "APPROVE", "approvedAmount", -5));

    assertThat(result.problems()).isEmpty();
    assertThat(result.accepted()).doesNotContainKey("approvedAmount");
  }

  @Test
  void conditionsSeeTheTaskVariables() {
    var hiddenForOthers = Forms.validate(CONTACT, Map.of(), Map.of("isKeyAccount", false));
    assertThat(hiddenForOthers.isValid()).isTrue();

    var shownForKeyAccounts = Forms.validate(CONTACT, Map.of(), Map.of("isKeyAccount", true));
    assertThat(shownForKeyAccounts.problems())
        .containsExactly(new FieldProblem("accountManager", "is required"));
  }

  @Test
  void aConditionThatCannotBeEvaluatedDoesNotHide() {
    // not(null) is null, not true, so the group stays visible, as in the browser.
    assertThat(Forms.validate(CONTACT, Map.of()).problems())
        .containsExactly(new FieldProblem("accountManager", "is required"));
  }

  @Test
  void theSubmitterCannotHideAFieldWithAnUndeclaredKey() {
    var result =
        Forms.validate(CONTACT, Map.of("isKeyAccount", false), Map.of("isKeyAccount", true));

    assertThat(result.problems())
        .containsExactlyInAnyOrder(
            new FieldProblem("isKeyAccount", "is not a field of this form"),
            new FieldProblem("accountManager", "is required"));
  }
}
