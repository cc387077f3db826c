package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTypesTest {

  private static final FormSchema FORM =
      Forms.withComponents(
          """
          {"type":"textfield","key":"name"},
          {"type":"textarea","key":"description"},
          {"type":"number","key":"amount"},
          {"type":"checkbox","key":"terms"},
          {"type":"datetime","key":"start","subtype":"date"},
          {"type":"datetime","key":"callAt","subtype":"time"},
          {"type":"datetime","key":"meeting","subtype":"datetime"}
          """);

  private static List<FieldProblem> problems(String key, Object value) {
    return Forms.validate(FORM, Map.of(key, value)).problems();
  }

  @Test
  void textMustBeText() {
    assertThat(problems("name", 42)).containsExactly(new FieldProblem("name", "must be text"));
    assertThat(problems("description", List.of("a")))
        .containsExactly(new FieldProblem("description", "must be text"));
  }

  @Test
  void aNumberMustBeAJsonNumberNotText() {
    assertThat(problems("amount", "12"))
        .containsExactly(new FieldProblem("amount", "must be a number"));
    assertThat(problems("amount", true))
        .containsExactly(new FieldProblem("amount", "must be a number"));
  }

  @Test
  void numbersAreNormalisedToLongOrBigDecimal() {
    var accepted = Forms.validate(FORM, Map.of("amount", 1500.0)).accepted();
    assertThat(accepted.get("amount")).isEqualTo(1500L);

    var decimal = Forms.validate(FORM, Map.of("amount", 0.1)).accepted();
    assertThat(decimal.get("amount")).isEqualTo(new BigDecimal("0.1"));
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertThat(problems("amount", Double.NaN))
        .containsExactly(new FieldProblem("amount", "must be a number"));
  }

  @Test
  void aCheckboxMustBeBoolean() {
    assertThat(problems("terms", "true"))
        .containsExactly(new FieldProblem("terms", "must be true or false"));
    assertThat(Forms.validate(FORM, Map.of("terms", false)).accepted())
        .containsEntry("terms", false);
  }

  @Test
  void htmlInTextIsKeptAsTextNotRefused() {
    String html = "<script>alert('x')</script><b>Acme</b>";

    var result = Forms.validate(FORM, Map.of("description", html));

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted()).containsEntry("description", html);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-31", "2024-02-29"})
  void acceptsIsoDates(String date) {
    assertThat(Forms.validate(FORM, Map.of("start", date)).accepted()).containsEntry("start", date);
  }

  @ParameterizedTest
  @ValueSource(strings = {"31.03.2025", "2025-02-30", "2025-3-31", "2025-03-31T10:00"})
  void refusesOtherDates(String date) {
    assertThat(problems("start", date))
        .containsExactly(new FieldProblem("start", "must be a date such as 2025-03-31"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"14:30", "09:15Z", "09:15+01:00", "23:59-05:00"})
  void acceptsTimesAsFormJsSerialisesThem(String time) {
    assertThat(problems("callAt", time)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"24:00", "9:15", "14:30:00", "2pm"})
  void refusesOtherTimes(String time) {
    assertThat(problems("callAt", time))
        .containsExactly(new FieldProblem("callAt", "must be a time such as 14:30"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-31T14:30", "2025-03-31T14:30Z", "2025-03-31T14:30:00+02:00"})
  void acceptsIsoDateTimes(String dateTime) {
    assertThat(problems("meeting", dateTime)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-31", "2025-03-31 14:30", "tomorrow"})
  void refusesOtherDateTimes(String dateTime) {
    assertThat(problems("meeting", dateTime))
        .containsExactly(
            new FieldProblem("meeting", "must be a date and time such as 2025-03-31T14:30"));
  }

  @Test
  void aDateMustBeText() {
    assertThat(problems("start", 20250331))
        .containsExactly(new FieldProblem("start", "must be a date such as 2025-03-31"));
  }
}
