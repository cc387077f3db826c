package com.partnerflow.processowner.internal;

import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.RecordCursor;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The open incidents of the embedded engine, read from its records: created and not yet resolved,
 * with the job type of a job whose retries ran out and the case's business subject (the first of
 * the process's subject variables, e.g. {@code mdfRequestId}). Each call reads only the records
 * since the previous one; what it keeps is bounded by the open incidents and the running instances.
 */
public final class OpenIncidents {

  /** The process variables that name a case's business subject, in order of preference. */
  static final List<String> SUBJECT_VARIABLES =
      List.of("mdfRequestId", "claimId", "paymentId", "disputeId", "applicationId");

  /**
   * One open incident.
   *
   * @param jobKey the job whose retries ran out, {@code null} for an incident of no job (e.g. a
   *     decision or an expression that failed)
   * @param jobType that job's type, when known
   * @param subject the case's business subject, e.g. {@code mdfRequestId=…}, when known
   */
  public record Incident(
      long incidentKey,
      String bpmnProcessId,
      long processDefinitionKey,
      long processInstanceKey,
      String elementId,
      String errorType,
      String errorMessage,
      Long jobKey,
      String jobType,
      String subject,
      Instant since) {}

  private final EmbeddedZeebeEngine engine;
  private final Map<Long, Incident> open = new LinkedHashMap<>();
  private final Map<Long, String> exhaustedJobTypes = new HashMap<>();
  private final Map<Long, Map<String, String>> subjects = new HashMap<>();
  private final RecordCursor records;

  public OpenIncidents(EmbeddedZeebeEngine engine) {
    this.engine = engine;
    this.records = new RecordCursor(engine::recordsAfter);
  }

  /** Every open incident, oldest first. */
  public synchronized List<Incident> current() {
    records.next().forEach(this::apply);
    List<Incident> incidents = new ArrayList<>(open.values());
    incidents.sort(Comparator.comparing(Incident::since).thenComparing(Incident::incidentKey));
    return incidents;
  }

  public Optional<Incident> find(long incidentKey) {
    return current().stream().filter(i -> i.incidentKey() == incidentKey).findFirst();
  }

  private void apply(Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    switch (record.getValue()) {
      case IncidentRecordValue incident -> incident(record, incident);
      case JobRecordValue job -> {
        if ((record.getIntent() == JobIntent.FAILED && job.getRetries() <= 0)
            || record.getIntent() == JobIntent.ERROR_THROWN) {
          exhaustedJobTypes.put(record.getKey(), job.getType());
        }
      }
      case VariableRecordValue variable -> {
        if (variable.getScopeKey() == variable.getProcessInstanceKey()
            && SUBJECT_VARIABLES.contains(variable.getName())) {
          subjects
              .computeIfAbsent(variable.getProcessInstanceKey(), k -> new HashMap<>())
              .put(variable.getName(), unquote(variable.getValue()));
        }
      }
      case ProcessInstanceRecordValue instance -> {
        if (instance.getBpmnElementType() == BpmnElementType.PROCESS
            && Set.of(
                    ProcessInstanceIntent.ELEMENT_COMPLETED,
                    ProcessInstanceIntent.ELEMENT_TERMINATED)
                .contains(record.getIntent())) {
          subjects.remove(instance.getProcessInstanceKey());
        }
      }
      default -> {}
    }
  }

  private void incident(Record<?> record, IncidentRecordValue incident) {
    if (record.getIntent() == IncidentIntent.CREATED) {
      Long jobKey = incident.getJobKey() > 0 ? incident.getJobKey() : null;
      open.put(
          record.getKey(),
          new Incident(
              record.getKey(),
              incident.getBpmnProcessId(),
              incident.getProcessDefinitionKey(),
              incident.getProcessInstanceKey(),
              incident.getElementId(),
              incident.getErrorType().name(),
              incident.getErrorMessage(),
              jobKey,
              jobKey == null ? null : exhaustedJobTypes.get(jobKey),
              subject(incident.getProcessInstanceKey()),
              Instant.ofEpochMilli(record.getTimestamp())));
    } else if (record.getIntent() == IncidentIntent.RESOLVED) {
      Incident resolved = open.remove(record.getKey());
      if (resolved != null && resolved.jobKey() != null) {
        exhaustedJobTypes.remove(resolved.jobKey());
      }
    }
  }

  private String subject(long processInstanceKey) {
    Map<String, String> known = subjects.getOrDefault(processInstanceKey, Map.of());
    return SUBJECT_VARIABLES.stream()
        .filter(known::containsKey)
        .findFirst()
        .map(name -> name + "=" + known.get(name))
        .orElse(null);
  }

  /** A variable's value is JSON: a string arrives quoted. */
  private static String unquote(String json) {
    return json != null && json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
        ? json.substring(1, json.length() - 1)
        : json;
  }
}
