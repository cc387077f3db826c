package com.partnerflow.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * System values as people read them, in the current request's locale and the user's time zone: what
 * modules need to name their cases and values in words without depending on the web module, which
 * implements it ({@code web.Labels}, the one place that maps codes to labels). Every method answers
 * a dash for null.
 */
public interface ReadableValues {

  /** The label of an enum constant or a code ("Webinar" for {@code WEBINAR}). */
  String of(Object value);

  /** An amount with its currency and the locale's separators ("€5,000.50"). */
  String money(BigDecimal amount, String currency);

  /** A number with the locale's separators. */
  String number(Number value);

  /** A calendar date in the locale's medium style. */
  String date(LocalDate date);

  /** A timestamp to the minute in the user's time zone. */
  String time(Instant instant);
}
