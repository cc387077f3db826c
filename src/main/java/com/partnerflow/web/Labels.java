package com.partnerflow.web;

import com.partnerflow.common.ReadableValues;
import com.partnerflow.identity.PartnerflowUser;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that turns system values into words and numbers for people, used by every page as
 * {@code @labels}: enum constants (statuses, activity types, verticals, regions, tiers) and group
 * names become the labels of {@code messages.properties} ({@code label.<Enum>.<CONSTANT>}, {@code
 * group.<name>}); amounts, dates and timestamps are formatted in the request's locale (the
 * browser's {@code Accept-Language}) and timestamps in the user's time zone ({@link UserZone}).
 * Partner users never see an internal group: {@link #holder} names a neutral holder instead.
 */
@Component("labels")
public class Labels implements ReadableValues {

  static final String DASH = "—";

  private final MessageSource messages;
  private final UserZone zone;

  Labels(MessageSource messages, UserZone zone) {
    this.messages = messages;
    this.zone = zone;
  }

  /**
   * The label of an enum constant or of a code such as {@code FINANCIAL_SERVICES}; unknown codes
   * read as words ("Financial services"). Null reads as a dash.
   */
  @Override
  public String of(Object value) {
    if (value == null || value.toString().isBlank()) {
      return DASH;
    }
    String code = value instanceof Enum<?> e ? e.name() : value.toString().strip();
    String key =
        value instanceof Enum<?> e
            ? "label." + e.getDeclaringClass().getSimpleName() + "." + code
            : "label." + code;
    return messages.getMessage(key, null, words(code), locale());
  }

  /**
   * Who holds a case or a task, as the signed-in user may see it: internal users read the group's
   * label, partner users a neutral holder ("the channel team") for every internal group and "your
   * organisation" for their own.
   */
  public String holder(String group) {
    if (group == null || group.isBlank()) {
      return DASH;
    }
    boolean own = group.startsWith("partner:") || group.startsWith("applicant:");
    if (partnerUser()) {
      return message(own ? "holder.own" : "holder.internal");
    }
    if (own) {
      return message(group.startsWith("partner:") ? "holder.partner" : "holder.applicant");
    }
    return group(group);
  }

  /** A group's label ("Channel managers"), for internal users and a partner's own groups. */
  public String group(String group) {
    if (group == null || group.isBlank()) {
      return DASH;
    }
    return messages.getMessage("group." + group, null, words(group), locale());
  }

  /** An amount with its currency and thousands separators, e.g. "€5,000.50" or "5.000,50 €". */
  @Override
  public String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return DASH;
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(locale());
    try {
      Currency unit = Currency.getInstance(currency);
      format.setCurrency(unit);
      format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
    } catch (IllegalArgumentException | NullPointerException e) {
      return number(amount) + (currency == null ? "" : " " + currency);
    }
    return format.format(amount);
  }

  /** A plain number with the locale's thousands separators. */
  @Override
  public String number(Number value) {
    return value == null ? DASH : NumberFormat.getNumberInstance(locale()).format(value);
  }

  /**
   * A calendar date in the locale's short numeric style with the full year, e.g. "12/15/2026" or
   * "15.12.2026": the format the forms' date pickers (form-js, from the browser's locale) show and
   * take, so a date reads the same on every page and in every form.
   */
  @Override
  public String date(LocalDate date) {
    return date == null ? DASH : dateFormat(locale()).format(date);
  }

  /** The locale's short date pattern with a four-digit year ("M/d/yyyy", "dd.MM.yyyy"). */
  static DateTimeFormatter dateFormat(Locale locale) {
    String pattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
    return DateTimeFormatter.ofPattern(pattern.replaceAll("y+", "yyyy"), locale);
  }

  /** The day of an instant in the user's time zone. */
  public String date(Instant instant) {
    return instant == null ? DASH : date(instant.atZone(zone.current()).toLocalDate());
  }

  /**
   * A timestamp to the minute in the user's time zone, with the zone: the {@link #date} and the
   * locale's short time, e.g. "12/5/2026, 8:25 AM CET" or "05.12.2026, 08:25 MEZ".
   */
  @Override
  public String time(Instant instant) {
    if (instant == null) {
      return DASH;
    }
    ZoneId userZone = zone.current();
    Locale locale = locale();
    var at = instant.atZone(userZone);
    return dateFormat(locale).format(at)
        + ", "
        + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at)
        + " "
        + userZone.getDisplayName(TextStyle.SHORT, locale);
  }

  /** Machine-readable form of an instant for {@code <time datetime>} and tooltips. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  private static boolean partnerUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null
        || !(auth.getPrincipal() instanceof PartnerflowUser user)
        || user.isPartnerUser();
  }

  /**
   * {@code FINANCIAL_SERVICES} or {@code channel-managers} as "Financial services", "Channel
   * managers".
   */
  static String words(String code) {
    String spaced = code.replace('_', ' ').replace('-', ' ').strip().toLowerCase(Locale.ROOT);
    return spaced.isEmpty() ? code : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
