package com.partnerflow.task;

import static com.partnerflow.task.JobRejectionTest.grpc;
import static com.partnerflow.task.JobRejectionTest.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.partnerflow.engine.ElementNames;
import com.partnerflow.engine.InstanceActivity;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The task inbox's engine adapter reads a vanished or lapsed task the same whether the client sent
 * the command over gRPC (the embedded engine, today's setting) or REST (8.8's default).
 */
class JobWorkerHumanTasksTest {

  static final long TASK = 2251799813685249L;

  CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
  JobWorkerHumanTasks tasks = adapter(client);

  @Test
  void completingAVanishedTaskSaysSoOverBothTransports() {
    for (ClientException notFound :
        new ClientException[] {grpc(Status.NOT_FOUND), rest(404, "NOT_FOUND")}) {
      completionFails(notFound);

      assertThatThrownBy(() -> tasks.complete(TASK, Map.of("approved", true)))
          .as(notFound.getClass().getSimpleName())
          .isInstanceOf(TaskVanishedException.class);
    }
  }

  @Test
  void otherCompletionFailuresAreNotMistakenForAVanishedTask() {
    for (ClientException failure :
        new ClientException[] {grpc(Status.UNAVAILABLE), rest(503, "SERVICE_UNAVAILABLE")}) {
      completionFails(failure);

      assertThatThrownBy(() -> tasks.complete(TASK, Map.of())).isSameAs(failure);
    }
  }

  @Test
  void aVanishedTaskNoLongerExistsOverBothTransports() {
    for (ClientException notFound :
        new ClientException[] {grpc(Status.NOT_FOUND), rest(404, "NOT_FOUND")}) {
      leaseRenewalFails(notFound);

      assertThat(tasks.stillExists(TASK)).as(notFound.getClass().getSimpleName()).isFalse();
    }
  }

  @Test
  void aTaskWhoseLeaseRanOutStillExistsOverBothTransports() {
    for (ClientException lapsed :
        new ClientException[] {grpc(Status.FAILED_PRECONDITION), rest(409, "INVALID_STATE")}) {
      leaseRenewalFails(lapsed);

      assertThat(tasks.stillExists(TASK)).as(lapsed.getClass().getSimpleName()).isTrue();
    }
  }

  @Test
  void anUnreachableEngineIsReportedNotTakenForAnAnswer() {
    for (ClientException failure :
        new ClientException[] {grpc(Status.UNAVAILABLE), rest(503, "SERVICE_UNAVAILABLE")}) {
      leaseRenewalFails(failure);

      assertThatThrownBy(() -> tasks.stillExists(TASK)).isSameAs(failure);
    }
  }

  // doThrow on the future: re-stubbing join() through when(…) would call the previous stub.
  private void completionFails(ClientException failure) {
    var future = client.newCompleteCommand(anyLong()).variables(anyMap()).send();
    doThrow(failure).when(future).join();
  }

  private void leaseRenewalFails(ClientException failure) {
    var future = client.newUpdateTimeoutCommand(anyLong()).timeout(any(Duration.class)).send();
    doThrow(failure).when(future).join();
  }

  @SuppressWarnings("unchecked")
  private static JobWorkerHumanTasks adapter(CamundaClient client) {
    ObjectProvider<CamundaClient> provider = mock(ObjectProvider.class);
    when(provider.getObject()).thenReturn(client);
    return new JobWorkerHumanTasks(
        provider,
        mock(TaskInbox.class),
        mock(ElementNames.class),
        new TaskProperties(
            Duration.ofHours(1), Duration.ofSeconds(20), 500, 1_000_000, Duration.ofSeconds(1)),
        new InstanceActivity());
  }
}
