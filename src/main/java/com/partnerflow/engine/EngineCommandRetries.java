package com.partnerflow.engine;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.grpc.Status;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What the job workers do when the engine refuses their complete, fail or throw-error command:
 * retry {@code RESOURCE_EXHAUSTED}, {@code UNAVAILABLE} and the other transient codes with the
 * starter's backoff, up to {@code camunda.client.worker.defaults.max-retries} times while the job
 * is still theirs. The starter's own strategy (8.8.14) retries nothing: it drops the client's
 * wrapped failure ({@code ClientStatusException}) without a word and throws on a bare gRPC one
 * whatever its code, so under backpressure a worked job waited for its timeout (5 minutes) to be
 * worked again. A command that cannot be retried is logged, and its job comes back after its
 * timeout.
 */
@Component
class EngineCommandRetries implements CommandExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(EngineCommandRetries.class);

  private final BackoffSupplier backoff;
  private final ScheduledExecutorService scheduler;

  @Autowired
  EngineCommandRetries(BackoffSupplier backoff, CamundaClientExecutorService executor) {
    this(backoff, executor.get());
  }

  EngineCommandRetries(BackoffSupplier backoff, ScheduledExecutorService scheduler) {
    this.backoff = backoff;
    this.scheduler = scheduler;
  }

  @Override
  public void handleCommandError(CommandWrapper command, Throwable failure) {
    Status.Code code = EngineAnswer.grpcCodeOf(failure);
    if (DefaultCommandExceptionHandlingStrategy.RETRIABLE_CODES.contains(code)
        && command.hasMoreRetries()) {
      command.increaseBackoffUsing(backoff);
      log.info("Retrying {} after {} with backoff", command, code);
      command.scheduleExecutionUsing(scheduler);
      return;
    }
    if (code == Status.Code.NOT_FOUND) {
      log.info("{}: the job is no longer there (completed, canceled or timed out)", command);
      return;
    }
    log.warn(
        "{} failed for good ({}); the job is worked again after its timeout: {}",
        command,
        code,
        failure.toString());
  }
}
