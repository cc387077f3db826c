package com.partnerflow.engine;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Record-stream assertions against the service's own embedded engine, for process tests that run
 * with the real workers. Workers run asynchronously, so assertions are retried until they hold.
 */
public final class ProcessTestSupport {

  private final EmbeddedZeebeEngine engine;

  public ProcessTestSupport(EmbeddedZeebeEngine engine) {
    this.engine = engine;
    BpmnAssert.initRecordStream(RecordStream.of(engine.engine().getRecordStreamSource()));
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

  /** Moves the engine clock, e.g. past a boundary timer. */
  public void moveClock(Duration duration) {
    engine.engine().increaseTime(duration);
  }
}
