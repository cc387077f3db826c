package com.partnerflow.task.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A yes/no property of a field (hidden, read-only) that is fixed or a FEEL expression. A field
 * inherits the conditions of the groups around it, so one condition may hold several expressions;
 * it holds when any of them evaluates to {@code true}.
 */
public final class Condition {

  static final Condition NEVER = new Condition(false, List.of(), List.of());
  static final Condition ALWAYS = new Condition(true, List.of(), List.of());

  private final boolean always;
  private final List<String> sources;
  private final List<ParsedExpression> expressions;

  private Condition(boolean always, List<String> sources, List<ParsedExpression> expressions) {
    this.always = always;
    this.sources = List.copyOf(sources);
    this.expressions = List.copyOf(expressions);
  }

  static Condition expression(String source, String where) {
    return new Condition(false, List.of(source), List.of(FeelExpressions.parse(source, where)));
  }

  Condition or(Condition other) {
    if (always || other.always) {
      return ALWAYS;
    }
    var allSources = new ArrayList<>(sources);
    allSources.addAll(other.sources);
    var allExpressions = new ArrayList<>(expressions);
    allExpressions.addAll(other.expressions);
    return new Condition(false, allSources, allExpressions);
  }

  /** True when fixed to yes. */
  public boolean isAlways() {
    return always;
  }

  /** True when fixed to no. */
  public boolean isNever() {
    return !always && expressions.isEmpty();
  }

  /** The FEEL expressions as written in the form. */
  public List<String> expressions() {
    return sources;
  }

  /** A failing expression counts as false, as in the form-js viewer. */
  boolean holds(Map<String, Object> context) {
    if (always) {
      return true;
    }
    for (ParsedExpression expression : expressions) {
      if (Boolean.TRUE.equals(FeelExpressions.evaluate(expression, context))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return always ? "always" : isNever() ? "never" : String.join(" or ", sources);
  }
}
