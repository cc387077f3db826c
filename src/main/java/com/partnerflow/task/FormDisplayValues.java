package com.partnerflow.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.common.ReadableValues;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The values a form's text views show, as people read them ({@code display} of a task): codes
 * become labels ("Webinar", "High"), amounts and numbers get the locale's separators ("5,000.50"),
 * dates and timestamps the locale's format in the user's time zone, lists stay lists (a text view
 * shows them with {@code {{#loop riskSignals}}- {{this}}{{/loop}}}). Only variables that appear in
 * text views alone are given: a field's own value and anything an expression compares stay raw in
 * {@code data}, so nothing a form submits or decides on changes.
 */
@Component
class FormDisplayValues {

  private static final Pattern AMOUNT =
      Pattern.compile("(?i).*(amount|cost|contribution|balance|pipeline|pipelinecreated|revenue)");
  private static final Pattern CODE_KEY =
      Pattern.compile("(?i).*(type|level|status|tier|region|outcome)");
  private static final Pattern CODE = Pattern.compile("[A-Z]{2,}(_[A-Z]+)*");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-].*)");

  private final ReadableValues labels;

  FormDisplayValues(ReadableValues labels) {
    this.labels = labels;
  }

  /**
   * The names the text views of a form schema insert, without the field keys and the names any
   * {@code =} expression (a condition, a computed value) reads.
   */
  static Set<String> textOnlyKeys(JsonNode schema, Set<String> inputKeys) {
    Set<String> inText = new LinkedHashSet<>();
    Set<String> inExpressions = new LinkedHashSet<>();
    collect(schema, inText, inExpressions);
    inText.removeAll(inExpressions);
    inText.removeAll(inputKeys);
    return Set.copyOf(inText);
  }

  private static void collect(JsonNode node, Set<String> inText, Set<String> inExpressions) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, inText, inExpressions));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    boolean textView = "text".equals(node.path("type").asText());
    node.properties()
        .forEach(
            property -> {
              JsonNode value = property.getValue();
              if (!value.isTextual()) {
                collect(value, inText, inExpressions);
              } else if (value.asText().startsWith("=")) {
                FormDataKeys.addIdentifiers(value.asText().substring(1), inExpressions);
              } else if (textView && property.getKey().equals("text")) {
                Matcher template = FormDataKeys.TEMPLATE.matcher(value.asText());
                while (template.find()) {
                  FormDataKeys.addIdentifiers(template.group(1), inText);
                }
              }
            });
  }

  /** The readable values of these keys among the task's variables; absent ones are left out. */
  Map<String, Object> of(Set<String> keys, Map<String, Object> variables) {
    Map<String, Object> display = new LinkedHashMap<>();
    String currency = variables.get("currency") instanceof String c ? c : null;
    for (String key : keys) {
      Object value = variables.get(key);
      if (value != null) {
        display.put(key, readable(key, value, currency));
      }
    }
    return display;
  }

  Object readable(String key, Object value, String currency) {
    if (value instanceof List<?> list) {
      return list.stream().map(item -> item == null ? "" : readable(key, item, currency)).toList();
    }
    if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString());
      return AMOUNT.matcher(key).matches() ? amount(decimal, currency) : labels.number(decimal);
    }
    if (!(value instanceof String text)) {
      return value;
    }
    if (AMOUNT.matcher(key).matches() && DECIMAL.matcher(text).matches()) {
      return amount(new BigDecimal(text), currency);
    }
    if (CODE_KEY.matcher(key).matches() && CODE.matcher(text).matches()) {
      return labels.of(text);
    }
    try {
      if (DATE.matcher(text).matches()) {
        return labels.date(LocalDate.parse(text));
      }
      if (TIMESTAMP.matcher(text).matches()) {
        return labels.time(instant(text));
      }
    } catch (DateTimeParseException notADate) {
      return text;
    }
    return text;
  }

  private static Instant instant(String text) {
    return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
  }

  /** An amount with the locale's separators and the currency's decimals, without the currency. */
  private static String amount(BigDecimal amount, String currency) {
    int digits = 2;
    try {
      if (currency != null) {
        digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
      }
    } catch (IllegalArgumentException unknownCurrency) {
      digits = 2;
    }
    NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(Math.max(digits, amount.scale()));
    return format.format(amount);
  }
}
