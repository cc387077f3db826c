package com.partnerflow.task;

import com.partnerflow.engine.CanceledJobs;
import com.partnerflow.engine.InstanceActivity;
import io.camunda.zeebe.protocol.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes tasks out of the inbox that the engine no longer has (a boundary timer, message or
 * escalation interrupted them, or the instance was cancelled), in three ways, cheapest first:
 *
 * <ul>
 *   <li>In the embedded mode, the engine's records say which user task jobs it cancelled: those
 *       tasks leave the inbox within about a second, at a cost that follows the engine's recent
 *       work and not the number of open tasks.
 *   <li>In both modes, when a job of an instance is activated ({@link InstanceActivity}), the
 *       instance's older open tasks are asked about at once: an interrupted task is nearly always
 *       followed by work in its instance. The cost follows the work done, not the open tasks.
 *   <li>In both modes, every interval it asks the engine about at most a batch of the tasks checked
 *       longest ago, which also renews their job lease. This sweep catches the rest (an instance
 *       cancelled from outside, an interrupting path with no job after it): such a task leaves
 *       within (open tasks / batch) intervals, while the engine load stays at one batch per
 *       interval however many tasks are open. Running it on several instances only repeats harmless
 *       checks.
 * </ul>
 */
@Component
class TaskLiveness {

  private static final Logger log = LoggerFactory.getLogger(TaskLiveness.class);

  /**
   * Tasks confirmed this recently are the busy instances' new steps, not what the work ended; an
   * older task interrupted within this span is left to the sweep.
   */
  static final Duration NEW_STEP = Duration.ofSeconds(2);

  /** Instances per query: an IN list every database takes. */
  private static final int INSTANCES_PER_QUERY = 500;

  private final InboxTasks tasks;
  private final TaskInbox inbox;
  private final HumanTaskGateway engine;
  private final TaskProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ObjectProvider<CanceledJobs> canceledJobs;
  private final InstanceActivity activity;

  TaskLiveness(
      InboxTasks tasks,
      TaskInbox inbox,
      HumanTaskGateway engine,
      TaskProperties properties,
      TransactionTemplate transaction,
      Clock clock,
      ObjectProvider<CanceledJobs> canceledJobs,
      InstanceActivity activity) {
    this.tasks = tasks;
    this.inbox = inbox;
    this.engine = engine;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
    this.canceledJobs = canceledJobs;
    this.activity = activity;
  }

  @Scheduled(fixedDelayString = "${partnerflow.task.canceled-jobs-interval:PT1S}")
  void closeCanceledTasksNow() {
    closeCanceledTasks();
    checkTasksOfBusyInstances();
  }

  /** Closes the tasks whose jobs the engine cancelled since the last call; answers how many. */
  int closeCanceledTasks() {
    CanceledJobs source = canceledJobs.getIfAvailable();
    if (source == null) {
      return 0;
    }
    List<Long> canceled = source.takeCanceled(Protocol.USER_TASK_JOB_TYPE);
    canceled.forEach(this::vanish);
    return canceled.size();
  }

  /**
   * Checks the open tasks of the instances that did work since the last call, except those
   * confirmed in the last {@link #NEW_STEP}; answers how many vanished.
   */
  int checkTasksOfBusyInstances() {
    List<Long> instances = activity.take();
    Instant before = clock.instant().minus(NEW_STEP);
    List<InboxTask> due = new ArrayList<>();
    for (int from = 0; from < instances.size(); from += INSTANCES_PER_QUERY) {
      due.addAll(
          tasks.findByProcessInstanceKeyInAndStateAndCheckedAtBefore(
              instances.subList(from, Math.min(from + INSTANCES_PER_QUERY, instances.size())),
              TaskState.OPEN,
              before));
    }
    return check(due);
  }

  @Scheduled(
      fixedDelayString = "${partnerflow.task.liveness-interval:PT20S}",
      initialDelayString = "${partnerflow.task.liveness-interval:PT20S}")
  void checkOpenTasks() {
    checkTasksNotSeenSince(clock.instant().minus(properties.livenessInterval()));
    settleCompletionsStartedBefore(clock.instant().minus(properties.completingLease()));
  }

  /**
   * Asks the engine about tasks whose completion started before the given time and never ended,
   * because the service instance completing them died: they open again or leave the inbox ({@link
   * TaskInbox#settleInterruptedCompletion}). Answers how many it settled.
   */
  int settleCompletionsStartedBefore(Instant before) {
    List<InboxTask> interrupted =
        tasks.findByStateInAndCheckedAtBeforeOrderByCheckedAtAsc(
            List.of(TaskState.COMPLETING), before, PageRequest.of(0, properties.livenessBatch()));
    int settled = 0;
    for (InboxTask task : interrupted) {
      Optional<Boolean> exists = askEngine(task);
      if (exists.isPresent()) {
        onFreshCopyIfChangedMeanwhile(
            () -> inbox.settleInterruptedCompletion(task.getId(), exists.get()));
        settled++;
      }
    }
    return settled;
  }

  /** Checks open tasks last confirmed before the given time; answers how many vanished. */
  int checkTasksNotSeenSince(Instant before) {
    List<InboxTask> due =
        tasks.findByStateInAndCheckedAtBeforeOrderByCheckedAtAsc(
            List.of(TaskState.OPEN), before, PageRequest.of(0, properties.livenessBatch()));
    return check(due);
  }

  private void vanish(long taskId) {
    onFreshCopyIfChangedMeanwhile(() -> inbox.markOpenTaskVanished(taskId));
  }

  /**
   * The record stream, the sweep and the checks of busy instances (on this or another service
   * instance) may change the same task at once. The loser of such a race runs again on a fresh
   * copy, which then sees what the winner did (a task already vanished is left as it is).
   */
  private static void onFreshCopyIfChangedMeanwhile(Runnable change) {
    try {
      change.run();
    } catch (ObjectOptimisticLockingFailureException e) {
      log.debug("Task changed meanwhile; running again on a fresh copy", e);
      change.run();
    }
  }

  /** Whether the engine still has the task; empty when it cannot say now (next round asks). */
  private Optional<Boolean> askEngine(InboxTask task) {
    try {
      return Optional.of(engine.stillExists(task.getId()));
    } catch (RuntimeException e) {
      log.warn("Cannot check task {} against the engine; next round retries", task.getId(), e);
      return Optional.empty();
    }
  }

  /** Asks the engine about each task: renews the lease of those it has, closes the others. */
  private int check(List<InboxTask> due) {
    int vanished = 0;
    for (InboxTask task : due) {
      Optional<Boolean> exists = askEngine(task);
      if (exists.isEmpty()) {
        continue;
      }
      if (exists.get()) {
        Instant now = clock.instant();
        onFreshCopyIfChangedMeanwhile(
            () ->
                transaction.executeWithoutResult(
                    s ->
                        tasks
                            .findById(task.getId())
                            .filter(t -> t.getState() == TaskState.OPEN)
                            .ifPresent(t -> t.markChecked(now))));
      } else {
        vanish(task.getId());
        vanished++;
      }
    }
    if (vanished > 0) {
      log.info("{} of {} checked tasks had vanished from the engine", vanished, due.size());
    }
    return vanished;
  }
}
