package com.partnerflow.disbursement;

import com.partnerflow.task.TaskCompletion;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Typed reading of a disbursement job's variables. */
record DisbursementJob(Map<String, Object> values, long processInstanceKey, String elementId) {

  static DisbursementJob of(ActivatedJob job) {
    return new DisbursementJob(
        job.getVariablesAsMap(), job.getProcessInstanceKey(), job.getElementId());
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

  String requestId() {
    return required("mdfRequestId");
  }

  String milestoneId() {
    return required("milestoneId");
  }

  String claimId() {
    return required("claimId");
  }

  String paymentId() {
    return required("paymentId");
  }

  String fundPeriod() {
    return required("fundPeriod");
  }

  BigDecimal amount(String name) {
    Object value = values.get(name);
    return value == null ? null : new BigDecimal(String.valueOf(value));
  }

  Long count(String name) {
    Object value = values.get(name);
    return value == null ? null : new BigDecimal(String.valueOf(value)).longValueExact();
  }

  LocalDate date(String name) {
    String value = text(name);
    return value == null || value.isBlank() ? null : LocalDate.parse(value.substring(0, 10));
  }

  /** Who completed the task before this job, or {@code fallback}. */
  String completedBy(String fallback) {
    String name = text(TaskCompletion.COMPLETED_BY_VARIABLE);
    return name == null ? fallback : name;
  }

  String completedTaskId() {
    return text(TaskCompletion.COMPLETED_TASK_VARIABLE);
  }

  /** The evidence links: text entries, or {@code {url}} objects of the form's dynamic list. */
  List<String> links(String name) {
    Object value = values.get(name);
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .map(e -> e instanceof Map<?, ?> m ? m.get("url") : e)
        .filter(e -> e != null && !String.valueOf(e).isBlank())
        .map(String::valueOf)
        .toList();
  }

  ClaimValues claimValues() {
    return new ClaimValues(
        amount("actualCost"),
        amount("claimedAmount"),
        text("invoiceNumber"),
        date("invoiceDate"),
        links("evidenceLinks"),
        count("registrations"),
        count("attendees"),
        count("leads"),
        count("opportunities"),
        amount("pipelineCreated"));
  }
}
