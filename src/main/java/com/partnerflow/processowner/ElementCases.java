package com.partnerflow.processowner;

import com.partnerflow.processowner.internal.OpenIncidents.Incident;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the cases of a process wait, per element of its diagram: the open user tasks (from the
 * inbox) and the open incidents, over every version of the process.
 */
@Service
class ElementCases {

  private static final Logger log = LoggerFactory.getLogger(ElementCases.class);

  private final InboxTasks tasks;
  private final Incidents incidents;

  ElementCases(InboxTasks tasks, Incidents incidents) {
    this.tasks = tasks;
    this.incidents = incidents;
  }

  /** An element with the number of open user tasks and open incidents there. */
  record ElementCount(String elementId, long openTasks, long incidents) {}

  /**
   * A case waiting at an element: at an open user task ({@code kind} {@code task}, with the task's
   * id and who may work it) or stopped by an incident ({@code incident}, with the error).
   */
  record WaitingCase(
      long processInstanceKey,
      String kind,
      Long taskId,
      Long incidentKey,
      String detail,
      Instant since) {}

  @Transactional(readOnly = true)
  List<ElementCount> counts(String bpmnProcessId) {
    Map<String, long[]> byElement = new TreeMap<>();
    openTasks(bpmnProcessId)
        .forEach(t -> byElement.computeIfAbsent(t.getElementId(), k -> new long[2])[0]++);
    incidents(bpmnProcessId)
        .forEach(i -> byElement.computeIfAbsent(i.elementId(), k -> new long[2])[1]++);
    return byElement.entrySet().stream()
        .map(e -> new ElementCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  @Transactional(readOnly = true)
  List<WaitingCase> waitingAt(String bpmnProcessId, String elementId) {
    List<WaitingCase> cases = new ArrayList<>();
    openTasks(bpmnProcessId).stream()
        .filter(t -> t.getElementId().equals(elementId))
        .forEach(
            t ->
                cases.add(
                    new WaitingCase(
                        t.getProcessInstanceKey(),
                        "task",
                        t.getId(),
                        null,
                        t.getAssignee() != null
                            ? "claimed by " + t.getAssignee()
                            : "for " + String.join(", ", t.getCandidateGroups()),
                        t.getCreatedAt())));
    incidents(bpmnProcessId).stream()
        .filter(i -> elementId.equals(i.elementId()))
        .forEach(
            i ->
                cases.add(
                    new WaitingCase(
                        i.processInstanceKey(),
                        "incident",
                        null,
                        i.incidentKey(),
                        i.errorMessage(),
                        i.since())));
    cases.sort(
        Comparator.comparing(WaitingCase::since, Comparator.nullsLast(Comparator.naturalOrder())));
    return cases;
  }

  private List<InboxTask> openTasks(String bpmnProcessId) {
    return tasks.findByStateAndBpmnProcessIdOrderByCreatedAtAsc(TaskState.OPEN, bpmnProcessId);
  }

  private List<Incident> incidents(String bpmnProcessId) {
    try {
      return incidents.open().stream()
          .filter(i -> bpmnProcessId.equals(i.bpmnProcessId()))
          .toList();
    } catch (RuntimeException e) {
      // A cluster without its incident search: the tasks still count, the page says why.
      log.warn("Incidents of {} unavailable: {}", bpmnProcessId, e.getMessage());
      return List.of();
    }
  }
}
