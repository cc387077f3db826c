package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.grpc.Status;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class EngineCommandRetriesTest {

  private final BackoffSupplier backoff = BackoffSupplier.newBackoffBuilder().build();
  private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
  private final CommandWrapper command = mock(CommandWrapper.class);
  private final EngineCommandRetries retries = new EngineCommandRetries(backoff, scheduler);

  /** What the client hands the strategy when the engine pushes back on a job's completion. */
  private static ClientStatusException pushedBack(Status status) {
    return new ClientStatusException(status, status.asRuntimeException());
  }

  @Test
  void aCompletionTheEnginePushesBackIsScheduledAgainWithBackoff() {
    when(command.hasMoreRetries()).thenReturn(true);

    retries.handleCommandError(command, pushedBack(Status.RESOURCE_EXHAUSTED));
    retries.handleCommandError(command, pushedBack(Status.UNAVAILABLE));
    retries.handleCommandError(command, Status.DEADLINE_EXCEEDED.asRuntimeException());

    verify(command, times(3)).increaseBackoffUsing(backoff);
    verify(command, times(3)).scheduleExecutionUsing(scheduler);
  }

  @Test
  void theStartersOwnStrategyRetriesNeitherTheWrappedNorTheBareFailure() {
    when(command.hasMoreRetries()).thenReturn(true);
    var starter = new DefaultCommandExceptionHandlingStrategy(backoff, scheduler);

    starter.handleCommandError(command, pushedBack(Status.RESOURCE_EXHAUSTED));
    assertThatThrownBy(
            () ->
                starter.handleCommandError(command, Status.RESOURCE_EXHAUSTED.asRuntimeException()))
        .hasMessageContaining("RESOURCE_EXHAUSTED");

    verify(command, never()).scheduleExecutionUsing(any());
  }

  @Test
  void aCommandOutOfRetriesOrRefusedForGoodIsNotRetried() {
    when(command.hasMoreRetries()).thenReturn(false);

    retries.handleCommandError(command, pushedBack(Status.RESOURCE_EXHAUSTED));
    when(command.hasMoreRetries()).thenReturn(true);
    retries.handleCommandError(command, pushedBack(Status.INVALID_ARGUMENT));
    retries.handleCommandError(command, pushedBack(Status.NOT_FOUND));

    verify(command, never()).scheduleExecutionUsing(any());
  }

  @Test
  void theCodeIsFoundInsideTheClientsWrapping() {
    assertThat(EngineAnswer.grpcCodeOf(new RuntimeException(pushedBack(Status.UNAVAILABLE))))
        .isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(EngineAnswer.grpcCodeOf(new IllegalStateException("no status")))
        .isEqualTo(Status.Code.UNKNOWN);
  }
}
