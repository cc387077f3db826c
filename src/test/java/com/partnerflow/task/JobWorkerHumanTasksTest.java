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
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
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

  /**
   * A user task job comes with the short projection lease; once its task is in the inbox the lease
   * becomes the long one, so only a job whose projection never happened (its instance killed) comes
   * back soon.
   */
  @Test
  void aTaskInTheInboxGetsTheLongLeaseAndAFailedExtensionLeavesTheShortOne() {
    TaskInbox inbox = mock(TaskInbox.class);
    CamundaClient engine = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    var adapter = adapter(engine, inbox);
    JobClient jobs = mock(JobClient.class, RETURNS_DEEP_STUBS);
    ActivatedJob job = userTaskJob();

    adapter.project(jobs, job);

    org.mockito.InOrder order = org.mockito.Mockito.inOrder(inbox, engine);
    order.verify(inbox).project(any());
    order.verify(engine).newUpdateTimeoutCommand(TASK);
    org.mockito.Mockito.verify(engine.newUpdateTimeoutCommand(TASK)).timeout(Duration.ofHours(1));

    // The engine does not take the extension: the task stays, the short lease brings it back.
    var extension = engine.newUpdateTimeoutCommand(anyLong()).timeout(any(Duration.class)).send();
    doThrow(grpc(Status.UNAVAILABLE)).when(extension).join();
    adapter.project(jobs, job);
    org.mockito.Mockito.verify(jobs, org.mockito.Mockito.never()).newFailCommand(anyLong());
  }

  private static ActivatedJob userTaskJob() {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(TASK);
    when(job.getProcessInstanceKey()).thenReturn(TASK - 1);
    when(job.getType()).thenReturn("io.camunda.zeebe:userTask");
    when(job.getElementId()).thenReturn("ReviewTask");
    when(job.getBpmnProcessId()).thenReturn("skeleton-approval");
    when(job.getCustomHeaders()).thenReturn(Map.of());
    when(job.getVariablesAsMap()).thenReturn(Map.of());
    when(job.getVariables()).thenReturn("{}");
    return job;
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

  private static JobWorkerHumanTasks adapter(CamundaClient client) {
    return adapter(client, mock(TaskInbox.class));
  }

  @SuppressWarnings("unchecked")
  private static JobWorkerHumanTasks adapter(CamundaClient client, TaskInbox inbox) {
    ObjectProvider<CamundaClient> provider = mock(ObjectProvider.class);
    when(provider.getObject()).thenReturn(client);
    return new JobWorkerHumanTasks(
        provider, inbox, mock(ElementNames.class), TaskSettings.defaults(), new InstanceActivity());
  }
}
