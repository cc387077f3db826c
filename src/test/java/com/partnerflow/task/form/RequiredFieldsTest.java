package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredFieldsTest {

  private static final FormSchema FORM =
      Forms.withComponents(
          """
          {"type":"textfield","key":"company","validate":{"required":true}},
          {"type":"number","key":"amount","validate":{"required":true}},
          {"type":"checkbox","key":"terms","validate":{"required":true}},
          {"type":"checklist","key":"channels","validate":{"required":true},
           "values":[{"label":"Events","value":"EVENTS"}]},
          {"type":"textfield","key":"note"}
          """);

  private static Map<String, Object> complete() {
    var values = new HashMap<String, Object>();
    values.put("company", "Acme GmbH");
    values.put("amount", 0);
    values.put("terms", true);
    values.put("channels", List.of("EVENTS"));
    return values;
  }

  @Test
  void acceptsACompleteSubmissionAndLeavesOutOptionalFieldsNotSent() {
    var result = Forms.validate(FORM, complete());

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted())
        .containsOnlyKeys("company", "amount", "terms", "channels")
        .containsEntry("amount", 0L);
  }

  @Test
  void reportsEveryMissingRequiredField() {
    var result = Forms.validate(FORM, Map.of());

    assertThat(result.problems())
        .containsExactly(
            new FieldProblem("company", "is required"),
            new FieldProblem("amount", "is required"),
            new FieldProblem("terms", "is required"),
            new FieldProblem("channels", "is required"));
    assertThat(result.accepted()).isEmpty();
  }

  @Test
  void treatsNullBlankTextAndEmptyListAsMissing() {
    var values = complete();
    values.put("company", "   ");
    values.put("amount", null);
    values.put("channels", List.of());

    assertThat(Forms.validate(FORM, values).problems())
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("company", "amount", "channels");
  }

  @Test
  void anUntickedRequiredCheckboxIsMissingLikeInTheBrowser() {
    var values = complete();
    values.put("terms", false);

    assertThat(Forms.validate(FORM, values).problems())
        .containsExactly(new FieldProblem("terms", "is required"));
  }

  @Test
  void anOptionalFieldMayBeCleared() {
    var values = complete();
    values.put("note", null);

    var result = Forms.validate(FORM, values);

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted()).containsEntry("note", null);
  }
}
