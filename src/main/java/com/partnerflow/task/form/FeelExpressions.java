package com.partnerflow.task.form;

import java.util.Map;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/** The FEEL engine, as the form-js viewer uses it for {@code =expression} properties. */
final class FeelExpressions {

  // Stateless and thread-safe, so one engine serves every validation.
  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

  private FeelExpressions() {}

  /** Parses {@code =expr} (or a bare expression); fails at schema load, not at submit. */
  static ParsedExpression parse(String expression, String where) {
    String body = expression.startsWith("=") ? expression.substring(1) : expression;
    ParseResult result = ENGINE.parseExpression(body);
    if (result.isFailure()) {
      throw new InvalidFormSchemaException(
          where + " has an invalid FEEL expression: " + expression);
    }
    return result.parsedExpression();
  }

  /** The result, or {@code null} when the expression fails (e.g. refers to a missing variable). */
  static Object evaluate(ParsedExpression expression, Map<String, Object> context) {
    var result = ENGINE.evaluate(expression, context);
    return result.isSuccess() ? result.result() : null;
  }
}
