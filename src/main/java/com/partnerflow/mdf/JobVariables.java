package com.partnerflow.mdf;

import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Typed reading of a job's variables for the MDF workers. */
record JobVariables(Map<String, Object> values) {

  static JobVariables of(ActivatedJob job) {
    return new JobVariables(job.getVariablesAsMap());
  }

  String text(String name) {
    Object value = values.get(name);
    return value == null ? null : String.valueOf(value);
  }

  String requestId() {
    String id = text("mdfRequestId");
    if (id == null) {
      throw new IllegalStateException("The job has no variable mdfRequestId");
    }
    return id;
  }

  BigDecimal amount(String name) {
    Object value = values.get(name);
    return value == null ? null : new BigDecimal(String.valueOf(value));
  }

  int integer(String name) {
    Object value = values.get(name);
    return value == null ? 0 : ((Number) value).intValue();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String name) {
    Object value = values.get(name);
    if (!(value instanceof Map)) {
      throw new IllegalStateException("The job has no context variable " + name);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  List<String> texts(String name) {
    Object value = values.get(name);
    return value instanceof List ? List.copyOf((List<String>) value) : List.of();
  }

  TierBenefits tierBenefits() {
    return TierBenefits.of(map("tierBenefits"));
  }

  /** The SLA of the current approval level, from the {@code mdf-approval-sla} decision. */
  Duration slaDuration() {
    return Duration.parse(String.valueOf(map("sla").get("slaDuration")));
  }

  /**
   * A date-time the engine computed (FEEL {@code date and time}), which it hands over as ISO 8601
   * text, possibly with a zone id ({@code …Z[Etc/UTC]} or FEEL's {@code …@Etc/UTC}).
   */
  Instant instant(String name) {
    String value = text(name);
    if (value == null) {
      throw new IllegalStateException("The job has no variable " + name);
    }
    String iso = value.contains("@") ? value.replace("@", "[") + "]" : value;
    return ZonedDateTime.parse(iso, DateTimeFormatter.ISO_DATE_TIME).toInstant();
  }
}
