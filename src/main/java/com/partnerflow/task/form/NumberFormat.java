package com.partnerflow.task.form;

import java.math.BigDecimal;

/**
 * How a form-js number field accepts and hands on its value.
 *
 * @param decimalDigits most digits after the decimal point, or {@code null} for any
 * @param increment the value must be a multiple of this, or {@code null}
 * @param serializeToString form-js then submits the number as a string, and so do we
 */
public record NumberFormat(Integer decimalDigits, BigDecimal increment, boolean serializeToString) {

  public static final NumberFormat ANY = new NumberFormat(null, null, false);
}
