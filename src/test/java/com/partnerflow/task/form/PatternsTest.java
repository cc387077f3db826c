package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternsTest {

  private static final FormSchema FORM = Forms.sample("partner-contact");

  private static final FormSchema EMAIL =
      Forms.withComponents(
          "{\"type\":\"textfield\",\"key\":\"email\",\"validate\":{\"validationType\":\"email\"}}");

  private static List<FieldProblem> problems(FormSchema form, String key, String value) {
    return Forms.validate(form, Map.of(key, value), Map.of("isKeyAccount", false)).problems();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE123456789", "ATU12345678"})
  void acceptsTextMatchingThePattern(String vatId) {
    assertThat(problems(FORM, "vatId", vatId)).isEmpty();
  }

  @ParameterizedTest
  // The pattern must match the whole value, not just a part of it.
  @ValueSource(strings = {"de123456789", "xxDE123456789", "DE123456789 and more", "DE12"})
  void refusesTextNotMatchingThePatternAsAWhole(String vatId) {
    assertThat(problems(FORM, "vatId", vatId))
        .containsExactly(new FieldProblem("vatId", "does not have the expected format"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+4930664040900", "004930664040900", "+14155552671"})
  void acceptsInternationalPhoneNumbers(String phone) {
    assertThat(problems(FORM, "phone", phone)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"030 664040900", "0306640409", "+49 30 664040900", "call me"})
  void refusesOtherPhoneNumbers(String phone) {
    assertThat(problems(FORM, "phone", phone))
        .containsExactly(
            new FieldProblem(
                "phone", "must be an international phone number such as +4930664040900"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"anna@acme.example", "a.b+mdf@sub.acme-partner.de"})
  void acceptsEmailAddresses(String email) {
    assertThat(problems(EMAIL, "email", email)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"anna", "anna@", "@acme.de", "anna@acme.de <x>", "anna @acme.de"})
  void refusesOtherEmailAddresses(String email) {
    assertThat(problems(EMAIL, "email", email))
        .containsExactly(new FieldProblem("email", "must be a valid email address"));
  }

  @Test
  void anEmptyOptionalValueSkipsFormatChecks() {
    assertThat(problems(EMAIL, "email", "")).isEmpty();
    assertThat(problems(FORM, "vatId", "")).isEmpty();
  }
}
