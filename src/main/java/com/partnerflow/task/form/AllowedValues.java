package com.partnerflow.task.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The options of a radio, select, checklist or taglist: listed in the form ({@code values}), taken
 * from a variable ({@code valuesKey}) or computed ({@code valuesExpression}). Options are either
 * {@code {label, value}} objects or plain values, as form-js accepts both.
 */
public final class AllowedValues {

  private final List<Object> staticValues;
  private final String valuesKey;
  private final String valuesExpression;
  private final ParsedExpression parsedExpression;

  private AllowedValues(
      List<Object> staticValues,
      String valuesKey,
      String valuesExpression,
      ParsedExpression parsedExpression) {
    this.staticValues = staticValues;
    this.valuesKey = valuesKey;
    this.valuesExpression = valuesExpression;
    this.parsedExpression = parsedExpression;
  }

  static AllowedValues listed(List<Object> options) {
    return new AllowedValues(optionValues(options), null, null, null);
  }

  static AllowedValues fromVariable(String valuesKey) {
    return new AllowedValues(null, valuesKey, null, null);
  }

  static AllowedValues computed(String expression, String where) {
    return new AllowedValues(null, null, expression, FeelExpressions.parse(expression, where));
  }

  /** The values listed in the form, or {@code null} when they come from the task's variables. */
  public List<Object> listedValues() {
    return staticValues;
  }

  /** The variable holding the options, or {@code null}. */
  public String valuesKey() {
    return valuesKey;
  }

  /** The FEEL expression computing the options, or {@code null}. */
  public String valuesExpression() {
    return valuesExpression;
  }

  /** The values a submitter may choose from, given the task's variables. */
  List<Object> resolve(Map<String, Object> context) {
    if (staticValues != null) {
      return staticValues;
    }
    Object options =
        valuesKey != null
            ? Paths.get(context, Paths.segments(valuesKey))
            : FeelExpressions.evaluate(parsedExpression, context);
    return options instanceof List<?> list ? optionValues(list) : List.of();
  }

  private static List<Object> optionValues(List<?> options) {
    var values = new ArrayList<>();
    for (Object option : options) {
      Object value = option instanceof Map<?, ?> map ? map.get("value") : option;
      if (value != null) {
        values.add(value);
      }
    }
    return List.copyOf(values);
  }

  @Override
  public String toString() {
    if (staticValues != null) {
      return staticValues.toString();
    }
    return valuesKey != null ? "valuesKey " + valuesKey : "valuesExpression " + valuesExpression;
  }
}
