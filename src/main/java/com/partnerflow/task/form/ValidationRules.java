package com.partnerflow.task.form;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The {@code validate} object of a form-js field. Absent rules are {@code null}.
 *
 * @param pattern compiled for a full match, as form-js does
 */
public record ValidationRules(
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    Pattern pattern,
    TextFormat textFormat) {

  public static final ValidationRules NONE =
      new ValidationRules(false, null, null, null, null, null, null);

  /** The {@code validationType} of a text field. */
  public enum TextFormat {
    EMAIL,
    PHONE
  }
}
