package com.partnerflow.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as the API shows it. The list carries the summary; a single task adds its form, prefill
 * data, the readable values of its text views ({@code display}) and history.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record TaskView(
    long id,
    String name,
    String elementId,
    String bpmnProcessId,
    int processVersion,
    long processInstanceKey,
    String formKey,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    Instant dueDate,
    Instant followUpDate,
    int priority,
    Instant createdAt,
    boolean overdue,
    String state,
    Map<String, Object> context,
    String formProblem,
    JsonNode form,
    Map<String, Object> data,
    Map<String, Object> display,
    List<HistoryEntry> history) {

  /** One step of the case's history. */
  record HistoryEntry(String task, String action, String actor, String detail, Instant at) {}

  TaskView withDetails(
      JsonNode form,
      Map<String, Object> data,
      Map<String, Object> display,
      List<HistoryEntry> history) {
    return new TaskView(
        id,
        name,
        elementId,
        bpmnProcessId,
        processVersion,
        processInstanceKey,
        formKey,
        assignee,
        candidateGroups,
        candidateUsers,
        dueDate,
        followUpDate,
        priority,
        createdAt,
        overdue,
        state,
        context,
        formProblem,
        form,
        data,
        display,
        history);
  }
}
