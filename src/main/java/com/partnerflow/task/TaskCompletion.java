package com.partnerflow.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.ConflictException;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskEvent.Action;
import com.partnerflow.task.form.FormValidation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a task: checks who may, validates the values against the task's form on the server,
 * lets exactly one concurrent completion win, and passes only the form's keys to the engine.
 */
@Service
public class TaskCompletion {

  /**
   * Set by the inbox on every completion to the username of the person who completed the task, so
   * workers can record who decided. Reserved: a submitted value of this name is overwritten.
   */
  public static final String COMPLETED_BY_VARIABLE = "completedBy";

  /**
   * Set by the inbox on every completion to the completed task's id (the job key), so workers can
   * find what was attached to it. Reserved like {@link #COMPLETED_BY_VARIABLE}.
   */
  public static final String COMPLETED_TASK_VARIABLE = "completedTaskId";

  private static final Logger log = LoggerFactory.getLogger(TaskCompletion.class);

  private final TaskInbox inbox;
  private final InboxTasks tasks;
  private final TaskEvents events;
  private final TaskForms forms;
  private final HumanTaskGateway engine;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<CompletionRule> rules;

  TaskCompletion(
      TaskInbox inbox,
      InboxTasks tasks,
      TaskEvents events,
      TaskForms forms,
      HumanTaskGateway engine,
      TransactionTemplate transaction,
      ObjectMapper json,
      Clock clock,
      List<CompletionRule> rules) {
    this.inbox = inbox;
    this.tasks = tasks;
    this.events = events;
    this.forms = forms;
    this.engine = engine;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
    this.rules = List.copyOf(rules);
  }

  public void complete(long id, Map<String, Object> submitted, PartnerflowUser user) {
    InboxTask task = inbox.visibleTask(id, user);
    TaskInbox.requireOpen(task);
    TaskInbox.requireMayComplete(task, user);
    FormValidation validation = forms.validate(task, submitted);
    if (!validation.problems().isEmpty()) {
      throw new InvalidRequestException(validation.problems());
    }
    List<FieldProblem> broken = new ArrayList<>();
    for (CompletionRule rule : rules) {
      broken.addAll(rule.check(task, validation.accepted()));
    }
    if (!broken.isEmpty()) {
      throw new InvalidRequestException(broken);
    }
    Integer won =
        transaction.execute(s -> tasks.startCompletion(id, user.username(), clock.instant()));
    if (won == null || won == 0) {
      throw new ConflictException("Task " + id + " was completed or claimed by someone else");
    }
    Map<String, Object> variables = new HashMap<>(validation.accepted());
    variables.put(COMPLETED_BY_VARIABLE, user.username());
    variables.put(COMPLETED_TASK_VARIABLE, String.valueOf(id));
    try {
      engine.complete(id, variables);
    } catch (TaskVanishedException e) {
      inbox.markVanished(id);
      throw e;
    } catch (RuntimeException e) {
      transaction.executeWithoutResult(s -> tasks.findById(id).ifPresent(InboxTask::reopen));
      throw new TemporarilyUnavailableException(
          "The process engine did not accept the completion of task " + id + "; try again", e);
    }
    transaction.executeWithoutResult(s -> recordCompletion(id, user, validation.accepted()));
    log.info("Task {} completed by {}", id, user.username());
  }

  private void recordCompletion(long id, PartnerflowUser user, Map<String, Object> values) {
    InboxTask task = tasks.findById(id).orElseThrow();
    Instant now = clock.instant();
    task.close(TaskState.COMPLETED, user.username(), now);
    events.save(new TaskEvent(task, Action.COMPLETED, user.username(), summary(values), now));
  }

  private String summary(Map<String, Object> values) {
    try {
      String text = json.writeValueAsString(values);
      return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    } catch (JsonProcessingException e) {
      return "(values not representable)";
    }
  }
}
