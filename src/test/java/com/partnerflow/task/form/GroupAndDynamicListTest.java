package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupAndDynamicListTest {

  private static final FormSchema REQUEST = Forms.sample("mdf-request");

  private static Map<String, Object> request() {
    var values = new HashMap<String, Object>();
    values.put(
        "partner",
        Map.of(
            "name",
            "Acme GmbH",
            "contactEmail",
            "mdf@acme.example",
            "address",
            Map.of("city", "Berlin")));
    values.put("requestedAmount", 12500.5);
    values.put("currency", "EUR");
    values.put("campaignStart", "2025-05-01");
    values.put("channels", List.of("EVENTS", "PRINT"));
    values.put("regions", List.of("DACH"));
    values.put(
        "milestones",
        List.of(
            Map.of("name", "Kick-off", "dueDate", "2025-05-01", "budget", 2500),
            Map.of("name", "Trade fair", "budget", 10000.5)));
    values.put("termsAccepted", true);
    return values;
  }

  private static FormValidation validate(Map<String, Object> values) {
    return Forms.validate(REQUEST, values, Map.of("availableRegions", List.of("DACH", "NORDICS")));
  }

  @Test
  void aCompleteRequestIsAcceptedAndNestedAsTheFormSays() {
    var result = validate(request());

    assertThat(result.problems()).isEmpty();
    assertThat(result.accepted().get("partner"))
        .isEqualTo(
            Map.of(
                "name", "Acme GmbH",
                "contactEmail", "mdf@acme.example",
                "address", Map.of("city", "Berlin")));
    assertThat(result.accepted().get("milestones"))
        .asList()
        .containsExactly(
            Map.of("name", "Kick-off", "dueDate", "2025-05-01", "budget", 2500L),
            Map.of("name", "Trade fair", "budget", new java.math.BigDecimal("10000.5")));
  }

  @Test
  void fieldsInAGroupWithPathAreRequiredUnderThatPath() {
    var values = request();
    values.put("partner", Map.of("contactEmail", "mdf@acme.example"));

    assertThat(validate(values).problems())
        .containsExactly(new FieldProblem("partner.name", "is required"));
  }

  @Test
  void eachListEntryIsCheckedAndProblemsNameTheIndex() {
    var values = request();
    values.put(
        "milestones",
        List.of(
            Map.of("name", "Kick-off"),
            Map.of("dueDate", "next week", "budget", -1),
            Map.of("name", "x".repeat(101))));

    assertThat(validate(values).problems())
        .containsExactly(
            new FieldProblem("milestones[1].name", "is required"),
            new FieldProblem("milestones[1].dueDate", "must be a date such as 2025-03-31"),
            new FieldProblem("milestones[1].budget", "must be at least 0"),
            new FieldProblem("milestones[2].name", "must be at most 100 characters long"));
  }

  @Test
  void aListMustBeAListOfObjects() {
    var values = request();
    values.put("milestones", Map.of("name", "Kick-off"));
    assertThat(validate(values).problems())
        .containsExactly(new FieldProblem("milestones", "must be a list"));

    values.put("milestones", List.of("Kick-off"));
    assertThat(validate(values).problems())
        .containsExactly(new FieldProblem("milestones[0]", "must be an object"));
  }

  @Test
  void anEmptyListIsAccepted() {
    var values = request();
    values.put("milestones", List.of());

    var result = validate(values);

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted()).containsEntry("milestones", List.of());
  }

  @Test
  void conditionsInsideAListEntrySeeThatEntry() {
    var form =
        Forms.withComponents(
            """
            {"type":"dynamiclist","path":"costs","components":[
              {"type":"select","key":"kind","values":["TRAVEL","OTHER"]},
              {"type":"textfield","key":"explanation","validate":{"required":true},
               "conditional":{"hide":"=kind != \\"OTHER\\""}}
            ]}
            """);

    var result =
        Forms.validate(
            form,
            Map.of(
                "costs",
                List.of(
                    Map.of("kind", "TRAVEL", "explanation", "dropped"), Map.of("kind", "OTHER"))));

    assertThat(result.problems())
        .containsExactly(new FieldProblem("costs[1].explanation", "is required"));
    assertThat(result.accepted().get("costs")).asList().first().isEqualTo(Map.of("kind", "TRAVEL"));
  }
}
