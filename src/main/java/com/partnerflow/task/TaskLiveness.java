package com.partnerflow.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes tasks out of the inbox that the engine no longer has (a boundary timer, message or
 * escalation interrupted them, or the instance was cancelled). Every interval it asks the engine
 * about the tasks checked longest ago, which also renews their job lease. Works the same on the
 * embedded engine and a cluster; running it on several instances only repeats harmless checks.
 */
@Component
class TaskLiveness {

  private static final Logger log = LoggerFactory.getLogger(TaskLiveness.class);

  private final InboxTasks tasks;
  private final TaskInbox inbox;
  private final HumanTaskGateway engine;
  private final TaskProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  TaskLiveness(
      InboxTasks tasks,
      TaskInbox inbox,
      HumanTaskGateway engine,
      TaskProperties properties,
      TransactionTemplate transaction,
      Clock clock) {
    this.tasks = tasks;
    this.inbox = inbox;
    this.engine = engine;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${partnerflow.task.liveness-interval:PT20S}",
      initialDelayString = "${partnerflow.task.liveness-interval:PT20S}")
  void checkOpenTasks() {
    checkTasksNotSeenSince(clock.instant().minus(properties.livenessInterval()));
  }

  /** Checks open tasks last confirmed before the given time; answers how many vanished. */
  int checkTasksNotSeenSince(Instant before) {
    List<InboxTask> due =
        tasks.findByStateInAndCheckedAtBeforeOrderByCheckedAtAsc(
            List.of(TaskState.OPEN), before, PageRequest.of(0, properties.livenessBatch()));
    int vanished = 0;
    for (InboxTask task : due) {
      boolean exists;
      try {
        exists = engine.stillExists(task.getId());
      } catch (RuntimeException e) {
        log.warn("Cannot check task {} against the engine; next round retries", task.getId(), e);
        continue;
      }
      if (exists) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(
            s -> tasks.findById(task.getId()).ifPresent(t -> t.markChecked(now)));
      } else {
        inbox.markVanished(task.getId());
        vanished++;
      }
    }
    if (vanished > 0) {
      log.info("{} of {} checked tasks had vanished from the engine", vanished, due.size());
    }
    return vanished;
  }
}
