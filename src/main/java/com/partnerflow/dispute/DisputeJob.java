package com.partnerflow.dispute;

import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Typed reading of a dispute job's variables; {@code step} names the element for step keys. */
record DisputeJob(
    Map<String, Object> values,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey) {

  static DisputeJob of(ActivatedJob job) {
    return new DisputeJob(
        job.getVariablesAsMap(),
        job.getProcessInstanceKey(),
        job.getElementId(),
        job.getElementInstanceKey());
  }

  String disputeId() {
    return required("disputeId");
  }

  String text(String name) {
    Object value = values.get(name);
    return value == null ? null : String.valueOf(value);
  }

  String required(String name) {
    String value = text(name);
    if (value == null) {
      throw new IllegalStateException("The job has no variable " + name);
    }
    return value;
  }

  BigDecimal amount(String name) {
    Object value = values.get(name);
    return value == null || String.valueOf(value).isBlank()
        ? null
        : new BigDecimal(String.valueOf(value));
  }

  int integer(String name) {
    Object value = values.get(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("The job has no number " + name);
    }
    return number.intValue();
  }

  @SuppressWarnings("unchecked")
  String policy(String name) {
    Object policy = values.get("policy");
    if (!(policy instanceof Map)) {
      throw new IllegalStateException("The job has no variable policy");
    }
    return String.valueOf(((Map<String, Object>) policy).get(name));
  }

  /**
   * A FEEL date-time as the engine hands it over (possibly with {@code @zone} or {@code [zone]}).
   */
  Instant instant(String name) {
    String value = required(name);
    String iso = value.contains("@") ? value.replace("@", "[") + "]" : value;
    return ZonedDateTime.parse(iso, DateTimeFormatter.ISO_DATE_TIME).toInstant();
  }

  /** The key of this element instance's step: the same for every delivery of this job. */
  String step() {
    return elementId + ":" + elementInstanceKey;
  }
}
