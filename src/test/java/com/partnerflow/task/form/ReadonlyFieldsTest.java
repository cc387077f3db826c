package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadonlyFieldsTest {

  private static final FormSchema APPROVAL = Forms.sample("partner-approval");
  private static final FormSchema CONTACT = Forms.sample("partner-contact");

  @Test
  void readonlyAndDisabledValuesAreDroppedSilently() {
    var result =
        Forms.validate(
            APPROVAL,
            Map.of("decision", "APPROVE", "partnerName", "Evil Corp", "requestedAmount", 999_999));

    assertThat(result.problems()).isEmpty();
    assertThat(result.accepted()).containsOnlyKeys("decision");
  }

  @Test
  void readonlyValuesAreNotTypeCheckedEither() {
    var result = Forms.validate(APPROVAL, Map.of("decision", "REJECT", "requestedAmount", "lots"));

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted()).doesNotContainKey("requestedAmount");
  }

  @Test
  void computedExpressionFieldsAreDroppedSilently() {
    var result =
        Forms.validate(APPROVAL, Map.of("decision", "APPROVE", "reviewSummary", "APPROVE for X"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.accepted()).doesNotContainKey("reviewSummary");
  }

  @Test
  void aReadonlyExpressionIsEvaluatedAgainstTheTaskVariables() {
    Map<String, Object> base = Map.of("isKeyAccount", false);

    var locked =
        Forms.validate(
            CONTACT, Map.of("tier", "GOLD"), Map.of("isKeyAccount", false, "tierLocked", true));
    assertThat(locked.accepted()).doesNotContainKey("tier");

    var open = Forms.validate(CONTACT, Map.of("tier", "GOLD"), base);
    assertThat(open.accepted()).containsEntry("tier", "GOLD");
  }

  @Test
  void theSubmitterCannotUnlockAReadonlyField() {
    var result =
        Forms.validate(
            CONTACT,
            Map.of("tier", "GOLD", "tierLocked", false),
            Map.of("isKeyAccount", false, "tierLocked", true));

    assertThat(result.problems())
        .containsExactly(new FieldProblem("tierLocked", "is not a field of this form"));
    assertThat(result.accepted()).doesNotContainKey("tier");
  }

  @Test
  void aReadonlyGroupMakesItsFieldsReadonly() {
    var form =
        Forms.withComponents(
            """
            {"type":"group","readonly":true,"components":[{"type":"textfield","key":"owner"}]},
            {"type":"textfield","key":"comment"}
            """);

    var result = Forms.validate(form, Map.of("owner", "me", "comment", "ok"));

    assertThat(result.accepted()).containsOnlyKeys("comment");
  }
}
