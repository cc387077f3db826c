package com.partnerflow.engine;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Record-stream assertions against the service's own embedded engine, for process tests that run
 * with the real workers. Workers run asynchronously, so assertions are retried until they hold.
 */
public final class ProcessTestSupport {

  private final EmbeddedZeebeEngine engine;

  public ProcessTestSupport(EmbeddedZeebeEngine engine) {
    this.engine = engine;
    BpmnAssert.initRecordStream(RecordStream.of(engine.recordStream()));
  }

  /**
   * Retries the assertion on the instance until it holds or 15 seconds pass. When it does not hold,
   * the failure carries the instance's job and incident records, so that a red run shows where the
   * instance stood.
   */
  public void eventually(long processInstanceKey, Consumer<ProcessInstanceAssert> assertion) {
    try {
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInSameThread()
          .pollInterval(Duration.ofMillis(50))
          .untilAsserted(
              () ->
                  assertion.accept(
                      BpmnAssert.assertThat(new InspectedProcessInstance(processInstanceKey))));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + jobHistory(processInstanceKey), e);
    }
  }

  /** The instance's job and incident records, one line each, with the engine's time. */
  private String jobHistory(long processInstanceKey) {
    StringBuilder history =
        new StringBuilder("Jobs and incidents of instance " + processInstanceKey + " (engine time ")
            .append(engine.clock().instant())
            .append("):");
    for (Record<?> record : engine.recordStream().getRecords()) {
      long instance =
          switch (record.getValue()) {
            case JobRecordValue job -> job.getProcessInstanceKey();
            case IncidentRecordValue incident -> incident.getProcessInstanceKey();
            default -> -1;
          };
      if (instance == processInstanceKey) {
        history
            .append("\n  ")
            .append(Instant.ofEpochMilli(record.getTimestamp()))
            .append(' ')
            .append(record.getRecordType())
            .append(' ')
            .append(record.getValueType())
            .append(' ')
            .append(record.getIntent())
            .append(" key=")
            .append(record.getKey())
            .append(record.getValue() instanceof JobRecordValue job ? describe(job) : "");
      }
    }
    return history.toString();
  }

  private static String describe(JobRecordValue job) {
    return " type=%s retries=%d backoff=%d recurAt=%s deadline=%s"
        .formatted(
            job.getType(),
            job.getRetries(),
            job.getRetryBackoff(),
            Instant.ofEpochMilli(job.getRecurringTime()),
            Instant.ofEpochMilli(job.getDeadline()));
  }

  /** A timer the engine created for an element: when it was created and when it is due. */
  public record CreatedTimer(Instant createdAt, Instant dueAt) {}

  /** The first timer created for the element of the instance, read from the record stream. */
  public CreatedTimer timerOf(long processInstanceKey, String elementId) {
    return timersOf(processInstanceKey, elementId).stream()
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "No timer for " + elementId + " in instance " + processInstanceKey));
  }

  /** Every timer created for the element of the instance, oldest first. */
  public java.util.List<CreatedTimer> timersOf(long processInstanceKey, String elementId) {
    java.util.List<CreatedTimer> timers = new java.util.ArrayList<>();
    for (Record<?> record : engine.recordStream().getRecords()) {
      if (record.getValueType() == ValueType.TIMER
          && record.getIntent() == TimerIntent.CREATED
          && record.getValue() instanceof TimerRecordValue timer
          && timer.getProcessInstanceKey() == processInstanceKey
          && timer.getTargetElementId().equals(elementId)) {
        timers.add(
            new CreatedTimer(
                Instant.ofEpochMilli(record.getTimestamp()),
                Instant.ofEpochMilli(timer.getDueDate())));
      }
    }
    return timers;
  }

  /**
   * Moves the clock forward by whole days until the engine's day (UTC) is {@code day}. The engine's
   * time is the service's clock, which moves with it.
   */
  public void moveClockTo(java.time.DayOfWeek day) {
    java.time.DayOfWeek today = engine.clock().instant().atZone(ZoneOffset.UTC).getDayOfWeek();
    int days = (day.getValue() - today.getValue() + 7) % 7;
    if (days > 0) {
      moveClock(Duration.ofDays(days));
    }
  }

  /**
   * Waits until the engine has processed everything it has to (e.g. the timers a clock move made
   * due), so that a test can assert that something did not happen.
   */
  public void awaitIdleEngine() {
    try {
      engine.engine().waitForIdleState(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("The engine did not become idle within 10 s", e);
    }
  }

  /** Moves the engine's clock and the service's together, e.g. past a boundary timer. */
  public void moveClock(Duration duration) {
    engine.increaseTime(duration);
  }
}
