package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedValuesTest {

  private static final FormSchema APPROVAL = Forms.sample("partner-approval");

  private static final FormSchema FORM =
      Forms.withComponents(
          """
          {"type":"select","key":"currency","values":[{"label":"Euro","value":"EUR"}]},
          {"type":"checklist","key":"channels","values":[
             {"label":"Events","value":"EVENTS"},{"label":"Print","value":"PRINT"}]},
          {"type":"taglist","key":"regions","valuesKey":"availableRegions"},
          {"type":"select","key":"tier","valuesExpression":"=tiers"},
          {"type":"radio","key":"priority","values":[{"label":"One","value":1},{"label":"Two","value":2}]}
          """);

  @Test
  void aRadioAcceptsOnlyItsOptions() {
    var result = Forms.validate(APPROVAL, Map.of("decision", "APPROVE_ALL"));

    assertThat(result.problems())
        .containsExactly(
            new FieldProblem(
                "decision", "must be one of: APPROVE, APPROVE_REDUCED, REJECT, REQUEST_CHANGES"));
    assertThat(Forms.validate(APPROVAL, Map.of("decision", "REJECT")).accepted())
        .containsEntry("decision", "REJECT");
  }

  @Test
  void optionsAreCaseSensitive() {
    assertThat(Forms.validate(FORM, Map.of("currency", "eur")).problems())
        .containsExactly(new FieldProblem("currency", "must be one of: EUR"));
  }

  @Test
  void aChecklistChecksEachElementAndReportsItsIndex() {
    var result = Forms.validate(FORM, Map.of("channels", List.of("EVENTS", "TV", "PRINT")));

    assertThat(result.problems())
        .containsExactly(new FieldProblem("channels[1]", "must be one of: EVENTS, PRINT"));
  }

  @Test
  void aChecklistMustBeAList() {
    assertThat(Forms.validate(FORM, Map.of("channels", "EVENTS")).problems())
        .containsExactly(new FieldProblem("channels", "must be a list of options"));
  }

  @Test
  void valuesKeyTakesTheOptionsFromTheTaskVariables() {
    Map<String, Object> context =
        Map.of(
            "availableRegions",
            List.of(
                Map.of("label", "DACH", "value", "DACH"),
                Map.of("label", "Nordics", "value", "NORDICS")));

    assertThat(Forms.validate(FORM, Map.of("regions", List.of("NORDICS")), context).isValid())
        .isTrue();
    assertThat(Forms.validate(FORM, Map.of("regions", List.of("APAC")), context).problems())
        .containsExactly(new FieldProblem("regions[0]", "must be one of: DACH, NORDICS"));
  }

  @Test
  void valuesKeyMayHoldPlainValues() {
    Map<String, Object> context = Map.of("availableRegions", List.of("DACH", "NORDICS"));

    assertThat(Forms.validate(FORM, Map.of("regions", List.of("DACH")), context).isValid())
        .isTrue();
  }

  @Test
  void withoutTheOptionsVariableNothingCanBeChosen() {
    assertThat(Forms.validate(FORM, Map.of("regions", List.of("DACH"))).problems())
        .containsExactly(
            new FieldProblem("regions[0]", "cannot be set: there are no options to choose from"));
  }

  @Test
  void theSubmitterCannotSupplyTheirOwnOptions() {
    var result =
        Forms.validate(
            FORM,
            Map.of("regions", List.of("APAC"), "availableRegions", List.of("APAC")),
            Map.of("availableRegions", List.of("DACH")));

    assertThat(result.problems())
        .contains(
            new FieldProblem("regions[0]", "must be one of: DACH"),
            new FieldProblem("availableRegions", "is not a field of this form"));
  }

  @Test
  void valuesExpressionIsEvaluatedAgainstTheTaskVariables() {
    Map<String, Object> context = Map.of("tiers", List.of("GOLD", "SILVER"));

    assertThat(Forms.validate(FORM, Map.of("tier", "GOLD"), context).isValid()).isTrue();
    assertThat(Forms.validate(FORM, Map.of("tier", "PLATINUM"), context).problems())
        .containsExactly(new FieldProblem("tier", "must be one of: GOLD, SILVER"));
  }

  @Test
  void numericOptionsMatchByValue() {
    var result = Forms.validate(FORM, Map.of("priority", 2.0));

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted()).containsEntry("priority", 2L);
  }
}
