package com.partnerflow.engine;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

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

  /** Retries the assertion on the instance until it holds or 15 seconds pass. */
  public void eventually(long processInstanceKey, Consumer<ProcessInstanceAssert> assertion) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertion.accept(
                    BpmnAssert.assertThat(new InspectedProcessInstance(processInstanceKey))));
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

  /** The engine's time, as stamped on its latest record. */
  public Instant engineTime() {
    long latest = 0;
    for (Record<?> record : engine.recordStream().getRecords()) {
      latest = Math.max(latest, record.getTimestamp());
    }
    return Instant.ofEpochMilli(latest);
  }

  /** Moves the engine clock forward by whole days until the engine's day (UTC) is {@code day}. */
  public void moveClockTo(java.time.DayOfWeek day) {
    java.time.DayOfWeek today = engineTime().atZone(java.time.ZoneOffset.UTC).getDayOfWeek();
    int days = (day.getValue() - today.getValue() + 7) % 7;
    if (days > 0) {
      moveClock(Duration.ofDays(days));
    }
  }

  /** Moves the engine clock, e.g. past a boundary timer. */
  public void moveClock(Duration duration) {
    engine.engine().increaseTime(duration);
  }
}
