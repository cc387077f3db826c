package com.partnerflow.task.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns form-js JSON into a {@link FormSchema}, refusing anything it cannot check safely. */
final class FormSchemaParser {

  /** The newest form-js schema this parser was written against (form-js 1.x, Modeler 5.x). */
  static final int MAX_SCHEMA_VERSION = 18;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private FormSchemaParser() {}

  static FormSchema parse(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidFormSchemaException("The form schema is empty");
    }
    JsonNode root = readJson(json);
    if (!root.isObject()) {
      throw new InvalidFormSchemaException("The form schema must be a JSON object");
    }
    JsonNode version = root.get("schemaVersion");
    if (version != null && (!version.canConvertToInt() || version.asInt() > MAX_SCHEMA_VERSION)) {
      throw new InvalidFormSchemaException(
          "The form schema has schemaVersion "
              + version
              + ", but only versions up to "
              + MAX_SCHEMA_VERSION
              + " are supported");
    }
    JsonNode components = root.get("components");
    if (components == null || !components.isArray() || components.isEmpty()) {
      throw new InvalidFormSchemaException("The form schema has no components");
    }
    String id = root.hasNonNull("id") ? root.get("id").asText() : null;
    List<FormField> fields = readComponents(components, "", Condition.NEVER, Condition.NEVER);
    DeclaredKeys.of(fields);
    return new FormSchema(id, fields);
  }

  private static JsonNode readJson(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidFormSchemaException(
          "The form schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads components into fields; groups pass their path, visibility and read-only on. */
  private static List<FormField> readComponents(
      JsonNode components, String prefix, Condition hidden, Condition readonly) {
    var fields = new ArrayList<FormField>();
    for (JsonNode component : components) {
      if (!component.isObject()) {
        throw new InvalidFormSchemaException("A component in the form schema is not an object");
      }
      String typeName = component.path("type").asText("");
      String where = describe(component, typeName);
      Condition ownHidden = hidden.or(hideCondition(component, where));
      Condition ownReadonly =
          readonly.or(flag(component, "readonly", where)).or(flag(component, "disabled", where));
      FieldType type = FieldType.ofFormJs(typeName);
      if (FieldType.GROUPS.contains(typeName)) {
        String groupPrefix = Paths.join(prefix, optionalPath(component, where));
        fields.addAll(
            readComponents(children(component, where), groupPrefix, ownHidden, ownReadonly));
      } else if (type != null) {
        fields.add(readField(component, type, prefix, where, ownHidden, ownReadonly));
      } else if (!FieldType.DISPLAY_ONLY.contains(typeName)
          && (component.has("key") || component.has("path") || component.has("components"))) {
        // Failing here beats silently dropping, or blindly accepting, values of a new field type.
        throw new InvalidFormSchemaException(
            sentence(where) + " is of a type the server cannot check");
      }
    }
    return fields;
  }

  private static FormField readField(
      JsonNode component,
      FieldType type,
      String prefix,
      String where,
      Condition hidden,
      Condition readonly) {
    String ownKey =
        type == FieldType.DYNAMIC_LIST
            ? requiredText(component, "path", where)
            : requiredText(component, "key", where);
    checkKey(ownKey, where);
    String key = Paths.join(prefix, ownKey);
    List<FormField> itemFields =
        type == FieldType.DYNAMIC_LIST
            ? readComponents(children(component, where), "", Condition.NEVER, Condition.NEVER)
            : List.of();
    if (type == FieldType.DYNAMIC_LIST) {
      DeclaredKeys.of(itemFields);
    }
    return new FormField(
        key,
        Paths.segments(key),
        type,
        component.hasNonNull("label") ? component.get("label").asText() : null,
        rules(component.path("validate"), where),
        type.isChoice() || type.isMultiChoice() ? allowedValues(component, where) : null,
        type == FieldType.NUMBER ? numberFormat(component, where) : null,
        type == FieldType.DATETIME
            ? DatetimeSubtype.ofFormJs(component.path("subtype").asText(null))
            : null,
        hidden,
        type == FieldType.EXPRESSION ? Condition.ALWAYS : readonly,
        itemFields);
  }

  private static ValidationRules rules(JsonNode validate, String where) {
    if (!validate.isObject()) {
      return ValidationRules.NONE;
    }
    return new ValidationRules(
        validate.path("required").asBoolean(false),
        decimal(validate, "min", where),
        decimal(validate, "max", where),
        integer(validate, "minLength", where),
        integer(validate, "maxLength", where),
        pattern(validate, where),
        textFormat(validate, where));
  }

  private static Pattern pattern(JsonNode validate, String where) {
    String pattern = validate.path("pattern").asText("");
    if (pattern.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new InvalidFormSchemaException(
          "The pattern of " + where + " is not a valid regular expression: " + pattern, e);
    }
  }

  private static ValidationRules.TextFormat textFormat(JsonNode validate, String where) {
    String type = validate.path("validationType").asText("");
    return switch (type) {
      case "email" -> ValidationRules.TextFormat.EMAIL;
      case "phone" -> ValidationRules.TextFormat.PHONE;
      // "custom" means: check the pattern, which is read on its own.
      case "", "custom" -> null;
      default ->
          throw new InvalidFormSchemaException(
              "The validationType '" + type + "' of " + where + " is not supported");
    };
  }

  private static AllowedValues allowedValues(JsonNode component, String where) {
    if (component.hasNonNull("valuesKey")) {
      return AllowedValues.fromVariable(component.get("valuesKey").asText());
    }
    if (component.hasNonNull("valuesExpression")) {
      return AllowedValues.computed(component.get("valuesExpression").asText(), where);
    }
    JsonNode values = component.path("values");
    if (!values.isArray()) {
      throw new InvalidFormSchemaException(
          sentence(where) + " has no options: it needs values, valuesKey or valuesExpression");
    }
    List<Object> options = new ArrayList<>();
    values.forEach(option -> options.add(JSON.convertValue(option, Object.class)));
    return AllowedValues.listed(options);
  }

  private static NumberFormat numberFormat(JsonNode component, String where) {
    return new NumberFormat(
        integer(component, "decimalDigits", where),
        decimal(component, "increment", where),
        component.path("serializeToString").asBoolean(false));
  }

  private static Condition hideCondition(JsonNode component, String where) {
    JsonNode hide = component.path("conditional").path("hide");
    if (hide.isBoolean()) {
      return hide.asBoolean() ? Condition.ALWAYS : Condition.NEVER;
    }
    String expression = hide.asText("");
    return expression.isBlank()
        ? Condition.NEVER
        : Condition.expression(expression, "The hide condition of " + where);
  }

  /** {@code readonly} and {@code disabled}: a boolean or a FEEL expression. */
  private static Condition flag(JsonNode component, String name, String where) {
    JsonNode value = component.path(name);
    if (value.isTextual() && !value.asText().isBlank()) {
      return Condition.expression(value.asText(), "The " + name + " property of " + where);
    }
    return value.asBoolean(false) ? Condition.ALWAYS : Condition.NEVER;
  }

  private static JsonNode children(JsonNode component, String where) {
    JsonNode children = component.path("components");
    if (!children.isArray()) {
      throw new InvalidFormSchemaException(sentence(where) + " has no components");
    }
    return children;
  }

  private static String optionalPath(JsonNode component, String where) {
    String path = component.path("path").asText("");
    if (!path.isEmpty()) {
      checkKey(path, where);
    }
    return path;
  }

  private static void checkKey(String key, String where) {
    for (String segment : Paths.segments(key)) {
      if (segment.isBlank()) {
        throw new InvalidFormSchemaException(
            sentence(where) + " has an invalid key or path '" + key + "'");
      }
    }
  }

  private static String requiredText(JsonNode component, String name, String where) {
    String value = component.path(name).asText("");
    if (value.isBlank()) {
      throw new InvalidFormSchemaException(sentence(where) + " has no " + name);
    }
    return value;
  }

  private static BigDecimal decimal(JsonNode node, String name, String where) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return null;
    }
    try {
      return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
    } catch (NumberFormatException e) {
      // form-js may allow FEEL here in the future; refuse rather than skip the rule.
      throw new InvalidFormSchemaException(
          "The " + name + " of " + where + " must be a number, not " + value);
    }
  }

  private static Integer integer(JsonNode node, String name, String where) {
    BigDecimal value = decimal(node, name, where);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidFormSchemaException(
          "The " + name + " of " + where + " must be a whole number, not " + value);
    }
  }

  private static String describe(JsonNode component, String type) {
    String name = component.path("key").asText(component.path("path").asText(""));
    if (name.isEmpty()) {
      name = component.path("id").asText("");
    }
    String kind = (type.isEmpty() ? "untyped" : type) + " component";
    return name.isEmpty() ? "a " + kind : "the " + kind + " '" + name + "'";
  }

  private static String sentence(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
