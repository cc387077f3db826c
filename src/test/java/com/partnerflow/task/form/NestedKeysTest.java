package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedKeysTest {

  private static final FormSchema FORM =
      Forms.withComponents(
          """
          {"type":"textfield","key":"partner.legalName","validate":{"required":true}},
          {"type":"textfield","key":"partner.address.city"},
          {"type":"group","path":"billing","components":[
            {"type":"group","path":"bank","components":[{"type":"textfield","key":"iban"}]},
            {"type":"group","components":[{"type":"textfield","key":"costCenter"}]}
          ]}
          """);

  @Test
  void dottedKeysReadAndWriteNestedObjects() {
    var result =
        Forms.validate(
            FORM,
            Map.of("partner", Map.of("legalName", "Acme", "address", Map.of("city", "Lyon"))));

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted())
        .isEqualTo(
            Map.of("partner", Map.of("legalName", "Acme", "address", Map.of("city", "Lyon"))));
  }

  @Test
  void aFlatKeyWithDotsIsNotTheNestedField() {
    var result = Forms.validate(FORM, Map.of("partner.legalName", "Acme"));

    assertThat(result.problems())
        .containsExactlyInAnyOrder(
            new FieldProblem("partner.legalName", "is not a field of this form"),
            new FieldProblem("partner.legalName", "is required"));
  }

  @Test
  void groupPathsNestAndGroupsWithoutPathDoNot() {
    var result =
        Forms.validate(
            FORM,
            Map.of(
                "partner", Map.of("legalName", "Acme"),
                "billing",
                    Map.of(
                        "bank", Map.of("iban", "DE89370400440532013000"), "costCenter", "CC-7")));

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted().get("billing"))
        .isEqualTo(Map.of("bank", Map.of("iban", "DE89370400440532013000"), "costCenter", "CC-7"));
  }

  @Test
  void problemsInNestedFieldsNameTheFullPath() {
    var result =
        Forms.validate(
            FORM,
            Map.of(
                "partner", Map.of("legalName", "Acme"),
                "billing", Map.of("bank", Map.of("iban", 42))));

    assertThat(result.problems())
        .containsExactly(new FieldProblem("billing.bank.iban", "must be text"));
  }
}
