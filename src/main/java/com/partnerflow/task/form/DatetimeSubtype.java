package com.partnerflow.task.form;

/** What a form-js datetime field asks for, which decides the accepted text format. */
public enum DatetimeSubtype {
  /** ISO date, {@code 2025-03-31}. */
  DATE,
  /** Clock time {@code HH:mm}, optionally with {@code Z} or an offset such as {@code +01:00}. */
  TIME,
  /** ISO-8601 date-time, with or without offset. */
  DATETIME;

  static DatetimeSubtype ofFormJs(String subtype) {
    if (subtype == null || subtype.isEmpty() || subtype.equals("date")) {
      return DATE;
    }
    return switch (subtype) {
      case "time" -> TIME;
      case "datetime" -> DATETIME;
      default -> throw new InvalidFormSchemaException("Unknown datetime subtype '" + subtype + "'");
    };
  }
}
