package com.partnerflow.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a form shows: its field keys and paths, the variables its value lists come from,
 * and the names its FEEL expressions and templates mention. A task page gets only these, so a
 * partner never receives internal variables the form does not display.
 */
final class FormDataKeys {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}");

  private FormDataKeys() {}

  static Set<String> of(JsonNode schema) {
    Set<String> keys = new LinkedHashSet<>();
    collect(schema, keys);
    return keys;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && isReference(field.getKey())) {
                  keys.add(firstSegment(value.asText()));
                } else if (value.isTextual()) {
                  identifiersIn(value.asText(), keys);
                } else {
                  collect(value, keys);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, keys));
    }
  }

  private static boolean isReference(String field) {
    return field.equals("key") || field.equals("path") || field.equals("valuesKey");
  }

  private static void identifiersIn(String text, Set<String> keys) {
    if (text.startsWith("=")) {
      addIdentifiers(text.substring(1), keys);
    }
    Matcher template = TEMPLATE.matcher(text);
    while (template.find()) {
      addIdentifiers(template.group(1), keys);
    }
  }

  /** Adds the names a FEEL expression or template part mentions (string literals skipped). */
  static void addIdentifiers(String expression, Set<String> keys) {
    Matcher m = IDENTIFIER.matcher(expression.replaceAll("\"[^\"]*\"", ""));
    while (m.find()) {
      keys.add(m.group());
    }
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
