package com.partnerflow.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.ConflictException;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskEvent.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's state changes: projecting activated user task jobs, claiming, unclaiming and
 * assigning. Every change leaves a {@link TaskEvent}.
 */
@Service
public class TaskInbox {

  private static final Logger log = LoggerFactory.getLogger(TaskInbox.class);

  private final InboxTasks tasks;
  private final TaskEvents events;
  private final ObjectMapper json;
  private final TaskProperties properties;
  private final Clock clock;

  TaskInbox(
      InboxTasks tasks,
      TaskEvents events,
      ObjectMapper json,
      TaskProperties properties,
      Clock clock) {
    this.tasks = tasks;
    this.events = events;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Puts an activated user task job into the inbox. Activating the same job again (after a timeout
   * or restart) updates its row; a completed or vanished task stays as it is. A task whose
   * completion started longer ago than a completion takes ({@code completingLease}) opens again:
   * the engine hands out only a job it still has, so that completion never reached it (its service
   * instance died on the way). A completion in flight is left to finish: the engine may hand the
   * job out again just before it takes that completion, and the completion records its own outcome.
   */
  @Transactional
  public InboxTask project(UserTaskJob job) {
    Instant now = clock.instant();
    String context = write(contextOf(job));
    String variables = write(job.variables());
    if (variables.length() > properties.maxVariablesChars()) {
      throw new IllegalStateException(
          "Variables of task "
              + job.jobKey()
              + " exceed partnerflow.task.max-variables-chars ("
              + variables.length()
              + " characters)");
    }
    return tasks
        .findById(job.jobKey())
        .map(
            existing -> {
              if (existing.getState() == TaskState.COMPLETING
                  && existing.getCheckedAt().isBefore(now.minus(properties.completingLease()))) {
                reopenInterrupted(existing, now);
              }
              if (existing.getState() == TaskState.OPEN) {
                existing.refresh(job, context, variables, now);
              }
              return existing;
            })
        .orElseGet(
            () -> {
              InboxTask task = tasks.save(new InboxTask(job, context, variables, now));
              events.save(new TaskEvent(task, Action.CREATED, null, task.getName(), now));
              log.info("Task {} '{}' is in the inbox", task.getId(), task.getName());
              return task;
            });
  }

  private static Map<String, Object> contextOf(UserTaskJob job) {
    Map<String, Object> context = new LinkedHashMap<>();
    UserTaskJob.CONTEXT_KEYS.forEach(
        key -> {
          Object value = job.variables().get(key);
          if (value != null) {
            context.put(key, value);
          }
        });
    if (job.partnerId() != null) {
      context.put("partnerId", job.partnerId());
    }
    return context;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store task data as JSON", e);
    }
  }

  /** The open or closed task if the user may see it; otherwise not found. */
  @Transactional(readOnly = true)
  public InboxTask visibleTask(long id, PartnerflowUser user) {
    return tasks
        .findById(id)
        .filter(task -> TaskVisibility.canSee(user, task))
        .orElseThrow(() -> new NotFoundException("Task " + id));
  }

  /**
   * The open task if the user may complete it now: visible to them, and assigned to them or
   * unclaimed with them as a candidate. Unknown, invisible and closed tasks are not found; a task
   * claimed by someone else, or seen by an admin who is no candidate, is a conflict.
   */
  @Transactional(readOnly = true)
  public InboxTask workableTask(long id, PartnerflowUser user) {
    InboxTask task = visibleTask(id, user);
    if (task.getState() != TaskState.OPEN) {
      throw new NotFoundException("Open task " + id);
    }
    requireMayComplete(task, user);
    return task;
  }

  /** Only the assignee, or a candidate of an unclaimed task, may complete it. */
  static void requireMayComplete(InboxTask task, PartnerflowUser user) {
    TaskVisibility.requireNotExcluded(user, task);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
      throw new ConflictException("Task " + task.getId() + " is assigned to someone else");
    }
    if (task.getAssignee() == null && !TaskVisibility.isCandidate(user, task)) {
      throw new ConflictException("Only a candidate of task " + task.getId() + " can complete it");
    }
  }

  @Transactional
  public InboxTask claim(long id, PartnerflowUser user) {
    InboxTask task = openTask(id, user);
    TaskVisibility.requireNotExcluded(user, task);
    if (user.username().equals(task.getAssignee())) {
      return task;
    }
    if (task.getAssignee() != null) {
      throw new ConflictException("Task " + id + " is already claimed by someone else");
    }
    if (!TaskVisibility.isCandidate(user, task)) {
      throw new ConflictException("Only a candidate of task " + id + " can claim it");
    }
    task.assignTo(user.username());
    events.save(new TaskEvent(task, Action.CLAIMED, user.username(), null, clock.instant()));
    return task;
  }

  @Transactional
  public InboxTask unclaim(long id, PartnerflowUser user) {
    InboxTask task = openTask(id, user);
    if (task.getAssignee() == null) {
      return task;
    }
    if (!user.username().equals(task.getAssignee()) && !user.isAdmin()) {
      throw new ConflictException("Task " + id + " is claimed by someone else");
    }
    task.assignTo(null);
    events.save(new TaskEvent(task, Action.UNCLAIMED, user.username(), null, clock.instant()));
    return task;
  }

  /** Admins hand a task to a named user (or to nobody with null). */
  @Transactional
  public InboxTask assign(long id, String assignee, PartnerflowUser admin) {
    if (!admin.isAdmin()) {
      throw new NotFoundException("Task " + id);
    }
    if (assignee != null && (assignee.isBlank() || assignee.length() > 100)) {
      throw InvalidRequestException.of("assignee", "must be a username of 1 to 100 characters");
    }
    InboxTask task = openTask(id, admin);
    if (assignee != null && task.getExcludedUsers().contains(assignee)) {
      throw InvalidRequestException.of(
          "assignee", "took part in the decision this task reviews (separation of duties)");
    }
    task.assignTo(assignee);
    events.save(
        new TaskEvent(task, Action.ASSIGNED, admin.username(), "to " + assignee, clock.instant()));
    return task;
  }

  private InboxTask openTask(long id, PartnerflowUser user) {
    InboxTask task = visibleTask(id, user);
    requireOpen(task);
    return task;
  }

  static void requireOpen(InboxTask task) {
    switch (task.getState()) {
      case OPEN -> {}
      case VANISHED -> throw new TaskVanishedException(task.getId());
      case COMPLETED, COMPLETING ->
          throw new ConflictException("Task " + task.getId() + " is already completed");
    }
  }

  /**
   * Records that the engine no longer has the task, which a completion in flight learnt from the
   * engine's refusal; it leaves the inbox.
   */
  @Transactional
  public void markVanished(long id) {
    markVanished(id, EnumSet.of(TaskState.OPEN, TaskState.COMPLETING));
  }

  /**
   * Records that the engine no longer has an open task (what the liveness checks learn). A task
   * being completed is left to its completion: its job is gone from the engine also because the
   * engine has just accepted the completion, which only the completion knows.
   */
  @Transactional
  public void markOpenTaskVanished(long id) {
    markVanished(id, EnumSet.of(TaskState.OPEN));
  }

  /**
   * Settles a completion that started longer ago than any completion takes, so its service instance
   * died on the way: if the engine still has the task, the completion never reached it and the task
   * opens again for its assignee; if not, the task leaves the inbox, its event naming the
   * completion in flight (the engine took it, or the task ended otherwise meanwhile).
   */
  @Transactional
  public void settleInterruptedCompletion(long id, boolean engineHasTask) {
    tasks
        .findById(id)
        .filter(t -> t.getState() == TaskState.COMPLETING)
        .ifPresent(
            task -> {
              Instant now = clock.instant();
              if (engineHasTask) {
                reopenInterrupted(task, now);
                return;
              }
              task.close(TaskState.VANISHED, null, now);
              events.save(
                  new TaskEvent(
                      task,
                      Action.VANISHED,
                      null,
                      "A completion by "
                          + task.getAssignee()
                          + " was interrupted; the engine no longer has the task: it took that"
                          + " completion, or the task ended otherwise",
                      now));
              log.warn(
                  "Task {} left the inbox after an interrupted completion by {}",
                  id,
                  task.getAssignee());
            });
  }

  private void reopenInterrupted(InboxTask task, Instant now) {
    task.reopen();
    task.markChecked(now);
    events.save(
        new TaskEvent(
            task,
            Action.REOPENED,
            null,
            "The completion by " + task.getAssignee() + " did not reach the engine",
            now));
    log.warn(
        "Task {} is open again: the completion by {} did not reach the engine",
        task.getId(),
        task.getAssignee());
  }

  private void markVanished(long id, Set<TaskState> from) {
    tasks
        .findById(id)
        .filter(t -> from.contains(t.getState()))
        .ifPresent(
            task -> {
              Instant now = clock.instant();
              task.close(TaskState.VANISHED, null, now);
              events.save(new TaskEvent(task, Action.VANISHED, null, null, now));
              log.info("Task {} left the inbox: the engine no longer has it", id);
            });
  }
}
