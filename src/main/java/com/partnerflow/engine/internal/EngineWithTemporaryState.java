package com.partnerflow.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine, whose state directory is gone once it has stopped or failed to start.
 *
 * <p>zeebe-process-test's {@code stop()} waits for the stream processor to close, which never
 * happens when it was never opened (a start that failed at the gRPC port, or no start at all): it
 * would hang for five minutes. Such an engine only closes its database and removes the directory.
 */
final class EngineWithTemporaryState implements ZeebeTestEngine {

  private static final Logger log = LoggerFactory.getLogger(EngineWithTemporaryState.class);

  private final ZeebeTestEngine engine;
  private final TemporaryRocksDbState state;
  private volatile boolean started;

  EngineWithTemporaryState(ZeebeTestEngine engine, TemporaryRocksDbState state) {
    this.engine = engine;
    this.state = state;
  }

  @Override
  public void start() {
    try {
      engine.start();
      started = true;
    } catch (RuntimeException e) {
      abandonState();
      throw e;
    }
  }

  @Override
  public void stop() {
    if (!started) {
      abandonState();
      return;
    }
    started = false;
    try {
      engine.stop(); // closes the database
    } finally {
      state.release();
    }
  }

  private void abandonState() {
    try {
      state.closeDatabase();
    } catch (Exception e) {
      log.warn("Could not close the engine's state in {}", state.directory(), e);
    }
    state.release();
  }

  @Override
  public RecordStreamSource getRecordStreamSource() {
    return engine.getRecordStreamSource();
  }

  @Override
  public ZeebeClient createClient() {
    return engine.createClient();
  }

  @Override
  public ZeebeClient createClient(ObjectMapper objectMapper) {
    return engine.createClient(objectMapper);
  }

  @Override
  public String getGatewayAddress() {
    return engine.getGatewayAddress();
  }

  @Override
  public void increaseTime(Duration timeToAdd) {
    engine.increaseTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
    engine.waitForIdleState(timeout);
  }

  @Override
  public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
    engine.waitForBusyState(timeout);
  }
}
