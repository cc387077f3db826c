package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a parsed schema tells about its fields. */
class FormSchemaTest {

  @Test
  void exposesTheIdAndTheInputFieldsWithTheirPaths() {
    var schema = Forms.sample("mdf-request");

    assertThat(schema.id()).isEqualTo("mdf-request");
    assertThat(schema.inputFields())
        .extracting(FormField::key, FormField::type)
        .containsExactly(
            tuple("partner.name", FieldType.TEXTFIELD),
            tuple("partner.contactEmail", FieldType.TEXTFIELD),
            tuple("partner.address.city", FieldType.TEXTFIELD),
            tuple("requestedAmount", FieldType.NUMBER),
            tuple("currency", FieldType.SELECT),
            tuple("campaignStart", FieldType.DATETIME),
            tuple("channels", FieldType.CHECKLIST),
            tuple("regions", FieldType.TAGLIST),
            tuple("milestones[].name", FieldType.TEXTFIELD),
            tuple("milestones[].dueDate", FieldType.DATETIME),
            tuple("milestones[].budget", FieldType.NUMBER),
            tuple("termsAccepted", FieldType.CHECKBOX));
  }

  @Test
  void exposesLabelsRulesAndOptions() {
    var schema = Forms.sample("partner-approval");
    var decision = field(schema, "decision");
    var amount = field(schema, "approvedAmount");

    assertThat(decision.label()).isEqualTo("Decision");
    assertThat(decision.validation().required()).isTrue();
    assertThat(decision.allowedValues().listedValues())
        .containsExactly("APPROVE", "APPROVE_REDUCED", "REJECT", "REQUEST_CHANGES");
    assertThat(amount.validation().min()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(amount.numberFormat().decimalDigits()).isEqualTo(2);
    assertThat(amount.hiddenWhen().expressions())
        .containsExactly("=decision != \"APPROVE_REDUCED\"");
    assertThat(field(schema, "partnerName").readonlyWhen().isAlways()).isTrue();
    assertThat(field(schema, "reason").readonlyWhen().isNever()).isTrue();
  }

  @Test
  void computedAndDisplayOnlyComponentsAreNotInputFields() {
    var schema = Forms.sample("partner-approval");

    assertThat(schema.inputFields())
        .extracting(FormField::key)
        .containsExactly("partnerName", "requestedAmount", "decision", "approvedAmount", "reason");
  }

  private static FormField field(FormSchema schema, String key) {
    return schema.inputFields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }
}
