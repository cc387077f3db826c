package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.common.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RangesTest {

  private static final FormSchema FORM =
      Forms.withComponents(
          """
          {"type":"number","key":"amount","decimalDigits":2,"validate":{"min":100,"max":50000}},
          {"type":"number","key":"headcount","decimalDigits":0},
          {"type":"number","key":"seats","increment":"5"},
          {"type":"number","key":"employees","serializeToString":true},
          {"type":"textfield","key":"code","validate":{"minLength":3,"maxLength":5}}
          """);

  private static List<FieldProblem> problems(String key, Object value) {
    return Forms.validate(FORM, Map.of(key, value)).problems();
  }

  @Test
  void numbersMustLieWithinMinAndMaxInclusive() {
    assertThat(problems("amount", 99.99))
        .containsExactly(new FieldProblem("amount", "must be at least 100"));
    assertThat(problems("amount", 50000.01))
        .containsExactly(new FieldProblem("amount", "must be at most 50000"));
    assertThat(problems("amount", 100)).isEmpty();
    assertThat(problems("amount", 50000)).isEmpty();
  }

  @Test
  void decimalDigitsLimitThePlacesAfterThePoint() {
    assertThat(problems("amount", 150.125))
        .containsExactly(new FieldProblem("amount", "must have at most 2 decimal places"));
    assertThat(problems("amount", new BigDecimal("150.10"))).isEmpty();
    assertThat(problems("headcount", 12.5))
        .containsExactly(new FieldProblem("headcount", "must be a whole number"));
  }

  @Test
  void anIncrementAllowsOnlyItsMultiples() {
    assertThat(problems("seats", 12))
        .containsExactly(new FieldProblem("seats", "must be a multiple of 5"));
    assertThat(problems("seats", 15)).isEmpty();
  }

  @Test
  void serializeToStringAcceptsNumericTextAndHandsOnText() {
    var result = Forms.validate(FORM, Map.of("employees", "250"));

    assertThat(result.isValid()).isTrue();
    assertThat(result.accepted()).containsEntry("employees", "250");
    assertThat(Forms.validate(FORM, Map.of("employees", 250)).accepted())
        .containsEntry("employees", "250");
    assertThat(problems("employees", "250 people"))
        .containsExactly(new FieldProblem("employees", "must be a number"));
  }

  @Test
  void absurdlyLargeNumbersAreRefused() {
    assertThat(problems("headcount", new BigDecimal("1e400")))
        .containsExactly(new FieldProblem("headcount", "is too large"));
  }

  @Test
  void textLengthIsCountedWithoutSurroundingBlanks() {
    assertThat(problems("code", "ab"))
        .containsExactly(new FieldProblem("code", "must be at least 3 characters long"));
    assertThat(problems("code", "abcdef"))
        .containsExactly(new FieldProblem("code", "must be at most 5 characters long"));
    assertThat(problems("code", " abcde ")).isEmpty();
  }
}
