package com.partnerflow.task.form;

import com.partnerflow.common.FieldProblem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks one submitted value against its field's type and rules, and normalises it. */
final class FieldChecks {

  /** Longest text accepted from a field that sets no maxLength of its own. */
  static final int MAX_TEXT_LENGTH = 10_000;

  /** Most entries in a dynamic list, checklist or taglist. */
  static final int MAX_ENTRIES = 500;

  /** Returned instead of a value when the value was refused; the problems say why. */
  static final Object REFUSED = new Object();

  private static final int MAX_DIGITS = 30;
  private static final int MAX_LISTED_OPTIONS = 20;
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern TIME =
      Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)?");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  // International format as the form-js viewer asks for it: + or 00, country code, number.
  private static final Pattern PHONE = Pattern.compile("(\\+|00)[1-9]\\d{6,14}");

  private FieldChecks() {}

  /**
   * The value to hand on, or {@link #REFUSED} after adding problems. {@code null} (a cleared field)
   * passes; whether it may be empty is the caller's concern.
   */
  static Object check(
      FormField field, String path, Object value, List<Object> options, List<FieldProblem> out) {
    if (value == null) {
      return null;
    }
    var problems = new Problems(path, out);
    return switch (field.type()) {
      case TEXTFIELD, TEXTAREA -> text(field.validation(), value, problems);
      case NUMBER -> number(field, value, problems);
      case CHECKBOX -> value instanceof Boolean ? value : problems.refuse("must be true or false");
      case RADIO, SELECT -> choice(value, options, problems);
      case CHECKLIST, TAGLIST -> choices(value, options, problems);
      case DATETIME -> datetime(field.datetimeSubtype(), value, problems);
      case DYNAMIC_LIST, EXPRESSION ->
          throw new IllegalArgumentException(field.type() + " is not a single value");
    };
  }

  /** Empty in the sense of {@code validate.required}: an unticked checkbox counts as empty. */
  static boolean isEmpty(FieldType type, Object value) {
    return value == null
        || (type == FieldType.CHECKBOX && Boolean.FALSE.equals(value))
        || (value instanceof String text && text.isBlank())
        || (value instanceof List<?> list && list.isEmpty());
  }

  private static Object text(ValidationRules rules, Object value, Problems problems) {
    if (!(value instanceof String text)) {
      return problems.refuse("must be text");
    }
    int cap =
        rules.maxLength() == null ? MAX_TEXT_LENGTH : Math.max(rules.maxLength(), MAX_TEXT_LENGTH);
    if (text.length() > cap) {
      return problems.refuse("must be at most " + cap + " characters long");
    }
    if (text.isBlank()) {
      return text;
    }
    // Lengths count without surrounding blanks, as in the form-js viewer.
    int length = text.trim().length();
    if (rules.minLength() != null && length < rules.minLength()) {
      problems.add("must be at least " + rules.minLength() + " characters long");
    }
    if (rules.maxLength() != null && length > rules.maxLength()) {
      problems.add("must be at most " + rules.maxLength() + " characters long");
    }
    if (rules.pattern() != null && !rules.pattern().matcher(text).matches()) {
      problems.add("does not have the expected format");
    }
    if (rules.textFormat() == ValidationRules.TextFormat.EMAIL && !EMAIL.matcher(text).matches()) {
      problems.add("must be a valid email address");
    }
    if (rules.textFormat() == ValidationRules.TextFormat.PHONE && !PHONE.matcher(text).matches()) {
      problems.add("must be an international phone number such as +4930664040900");
    }
    return problems.found() ? REFUSED : text;
  }

  private static Object number(FormField field, Object value, Problems problems) {
    NumberFormat format = field.numberFormat();
    BigDecimal number = asDecimal(value, format.serializeToString());
    if (number == null) {
      return problems.refuse("must be a number");
    }
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.precision() - stripped.scale() > MAX_DIGITS) {
      return problems.refuse("is too large");
    }
    if (stripped.scale() > MAX_DIGITS) {
      return problems.refuse("has too many decimal places");
    }
    Integer decimalDigits = format.decimalDigits();
    if (decimalDigits != null && stripped.scale() > decimalDigits) {
      problems.add(
          decimalDigits == 0
              ? "must be a whole number"
              : "must have at most " + decimalDigits + " decimal places");
    }
    BigDecimal increment = format.increment();
    if (increment != null && increment.signum() > 0 && number.remainder(increment).signum() != 0) {
      problems.add("must be a multiple of " + increment.toPlainString());
    }
    ValidationRules rules = field.validation();
    if (rules.min() != null && number.compareTo(rules.min()) < 0) {
      problems.add("must be at least " + rules.min().toPlainString());
    }
    if (rules.max() != null && number.compareTo(rules.max()) > 0) {
      problems.add("must be at most " + rules.max().toPlainString());
    }
    if (problems.found()) {
      return REFUSED;
    }
    return format.serializeToString() ? number.toPlainString() : normalised(number);
  }

  /** JSON numbers always; numeric text only where form-js itself submits numbers as text. */
  private static BigDecimal asDecimal(Object value, boolean textAllowed) {
    if (value instanceof String text && textAllowed && DECIMAL.matcher(text.trim()).matches()) {
      return new BigDecimal(text.trim());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      // toString gives the shortest decimal that reads back as the same double.
      return Double.isFinite(d) ? new BigDecimal(value.toString()) : null;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    return null;
  }

  /** Whole numbers as Long, the rest as BigDecimal, so the engine sees clean JSON numbers. */
  private static Object normalised(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      try {
        return stripped.longValueExact();
      } catch (ArithmeticException tooLargeForLong) {
        return stripped.setScale(0);
      }
    }
    return number;
  }

  private static Object choice(Object value, List<Object> options, Problems problems) {
    Object option = matchingOption(value, options);
    return option != null ? option : problems.refuse(oneOf(options));
  }

  private static Object choices(Object value, List<Object> options, Problems problems) {
    if (!(value instanceof List<?> list)) {
      return problems.refuse("must be a list of options");
    }
    if (list.size() > MAX_ENTRIES) {
      return problems.refuse("must not have more than " + MAX_ENTRIES + " entries");
    }
    var chosen = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object option = matchingOption(list.get(i), options);
      if (option == null) {
        problems.addAt("[" + i + "]", oneOf(options));
      }
      chosen.add(option);
    }
    return problems.found() ? REFUSED : chosen;
  }

  /**
   * The option equal to the value (numbers by value, so 1 matches 1.0), or {@code null}. Numeric
   * options come back normalised like number fields.
   */
  private static Object matchingOption(Object value, List<Object> options) {
    if (value == null || value instanceof Map || value instanceof List) {
      return null;
    }
    BigDecimal number = asDecimal(value, false);
    for (Object option : options) {
      BigDecimal optionNumber = asDecimal(option, false);
      if (number != null && optionNumber != null && number.compareTo(optionNumber) == 0) {
        return normalised(optionNumber);
      }
      if (optionNumber == null && option.equals(value)) {
        return option;
      }
    }
    return null;
  }

  private static String oneOf(List<Object> options) {
    if (options.isEmpty()) {
      return "cannot be set: there are no options to choose from";
    }
    if (options.size() > MAX_LISTED_OPTIONS) {
      return "is not one of the available options";
    }
    return "must be one of: "
        + options.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static Object datetime(DatetimeSubtype subtype, Object value, Problems problems) {
    String expected =
        switch (subtype) {
          case DATE -> "must be a date such as 2025-03-31";
          case TIME -> "must be a time such as 14:30";
          case DATETIME -> "must be a date and time such as 2025-03-31T14:30";
        };
    if (!(value instanceof String text)) {
      return problems.refuse(expected);
    }
    if (text.isEmpty()) {
      return text;
    }
    boolean valid =
        switch (subtype) {
          case DATE -> parses(() -> LocalDate.parse(text));
          case TIME -> TIME.matcher(text).matches();
          case DATETIME ->
              parses(() -> OffsetDateTime.parse(text)) || parses(() -> LocalDateTime.parse(text));
        };
    return valid ? text : problems.refuse(expected);
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Collects the problems of one value under its path. */
  private static final class Problems {
    private final String path;
    private final List<FieldProblem> out;
    private boolean found;

    Problems(String path, List<FieldProblem> out) {
      this.path = path;
      this.out = out;
    }

    void add(String message) {
      addAt("", message);
    }

    void addAt(String suffix, String message) {
      out.add(new FieldProblem(path + suffix, message));
      found = true;
    }

    Object refuse(String message) {
      add(message);
      return REFUSED;
    }

    boolean found() {
      return found;
    }
  }
}
