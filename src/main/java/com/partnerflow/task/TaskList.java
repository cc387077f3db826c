package com.partnerflow.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the inbox: the visible tasks with filters and paging, and one task in full. */
@Service
public class TaskList {

  static final int MAX_PAGE_SIZE = 200;

  private final InboxTasks tasks;
  private final TaskEvents events;
  private final TaskInbox inbox;
  private final TaskForms forms;
  private final ObjectMapper json;
  private final Clock clock;

  TaskList(
      InboxTasks tasks,
      TaskEvents events,
      TaskInbox inbox,
      TaskForms forms,
      ObjectMapper json,
      Clock clock) {
    this.tasks = tasks;
    this.events = events;
    this.inbox = inbox;
    this.forms = forms;
    this.json = json;
    this.clock = clock;
  }

  /** Filters of the task list; null means not filtered. */
  public record Filter(
      String assignee,
      String candidateGroup,
      String processId,
      Boolean overdue,
      int page,
      int size,
      String sort) {}

  /** One page of tasks and how many there are in all. */
  @Schema(name = "TaskPage")
  public record Result(List<TaskView> items, long total, int page, int size) {}

  @Transactional(readOnly = true)
  public Result visibleTasks(Filter filter, PartnerflowUser user) {
    if (filter.page() < 0 || filter.size() < 1 || filter.size() > MAX_PAGE_SIZE) {
      throw InvalidRequestException.of(
          "size", "page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
    }
    String assignee = "me".equals(filter.assignee()) ? user.username() : filter.assignee();
    Page<InboxTask> page =
        tasks.findVisible(
            user.isAdmin(),
            user.username(),
            TaskVisibility.groupsForQuery(user),
            user.isPartnerUser() ? user.partnerId() : null,
            assignee,
            filter.candidateGroup(),
            filter.processId(),
            Boolean.TRUE.equals(filter.overdue()) ? clock.instant() : null,
            PageRequest.of(filter.page(), filter.size(), sort(filter.sort())));
    Instant now = clock.instant();
    return new Result(
        page.getContent().stream().map(t -> summary(t, now)).toList(),
        page.getTotalElements(),
        filter.page(),
        filter.size());
  }

  private static Sort sort(String sort) {
    String by = sort == null ? "dueDate" : sort;
    return switch (by) {
      case "dueDate" -> Sort.by(Sort.Order.asc("dueDate").nullsLast(), Sort.Order.asc("createdAt"));
      case "createdAt" -> Sort.by(Sort.Order.desc("createdAt"));
      case "priority" -> Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("createdAt"));
      default ->
          throw InvalidRequestException.of("sort", "must be one of: dueDate, createdAt, priority");
    };
  }

  @Transactional(readOnly = true)
  public TaskView task(long id, PartnerflowUser user) {
    InboxTask task = inbox.visibleTask(id, user);
    List<TaskEvent> caseEvents =
        events.findByProcessInstanceKeyOrderByOccurredAtAscIdAsc(task.getProcessInstanceKey());
    Map<Long, String> names = new HashMap<>();
    tasks
        .findAllById(caseEvents.stream().map(TaskEvent::getTaskId).distinct().toList())
        .forEach(t -> names.put(t.getId(), t.getName()));
    List<TaskView.HistoryEntry> history =
        caseEvents.stream()
            .map(
                e ->
                    new TaskView.HistoryEntry(
                        names.getOrDefault(e.getTaskId(), ""),
                        e.getAction().name(),
                        e.getActor(),
                        e.getDetail(),
                        e.getOccurredAt()))
            .toList();
    return summary(task, clock.instant())
        .withDetails(
            forms.schemaOf(task).orElse(null),
            forms.prefillOf(task),
            forms.displayOf(task),
            history);
  }

  TaskView summary(InboxTask t, Instant now) {
    return new TaskView(
        t.getId(),
        t.getName(),
        t.getElementId(),
        t.getBpmnProcessId(),
        t.getProcessVersion(),
        t.getProcessInstanceKey(),
        t.getFormKey(),
        t.getAssignee(),
        t.getCandidateGroups().stream().sorted().toList(),
        t.getCandidateUsers().stream().sorted().toList(),
        t.getDueDate(),
        t.getFollowUpDate(),
        t.getPriority(),
        t.getCreatedAt(),
        t.getState() == TaskState.OPEN && t.isOverdue(now),
        t.getState().name(),
        context(t),
        forms.problemOf(t).orElse(null),
        null,
        null,
        null,
        null);
  }

  private Map<String, Object> context(InboxTask t) {
    try {
      return json.readValue(t.getContextJson(), new TypeReference<HashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("Stored context of task " + t.getId() + " unreadable", e);
    }
  }
}
