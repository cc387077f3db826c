package com.partnerflow.task.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads the sample forms and builds small ones inline for the tests. */
final class Forms {

  private static final FormValidator VALIDATOR = new FormValidator();

  private Forms() {}

  static FormSchema sample(String id) {
    try (InputStream in = Forms.class.getResourceAsStream("/task/form/" + id + ".form")) {
      if (in == null) {
        throw new IllegalArgumentException("No sample form " + id);
      }
      return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A form with the given components (JSON objects, comma-separated). */
  static FormSchema withComponents(String components) {
    return FormSchema.parse(
        "{\"id\":\"test\",\"schemaVersion\":18,\"type\":\"default\",\"components\":["
            + components
            + "]}");
  }

  static FormValidation validate(FormSchema schema, Map<String, Object> submitted) {
    return VALIDATOR.validate(schema, submitted, Map.of());
  }

  static FormValidation validate(
      FormSchema schema, Map<String, Object> submitted, Map<String, Object> context) {
    return VALIDATOR.validate(schema, submitted, context);
  }
}
