package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.response.DeploymentEvent;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The startup deployment waits out an engine that is not ready yet, but not a rejected file. */
class ProcessResourceDeployerTest {

  private final CamundaClient client = mock(CamundaClient.class);
  private final DeployResourceCommandStep2 command = mock(DeployResourceCommandStep2.class);

  @SuppressWarnings("unchecked")
  private final FinalCommandStep<DeploymentEvent> timed = mock(FinalCommandStep.class);

  @SuppressWarnings("unchecked")
  private final CamundaFuture<DeploymentEvent> future = mock(CamundaFuture.class);

  private final DeployedDefinitions definitions = new DeployedDefinitions();

  @BeforeEach
  void wireTheCommand() {
    DeployResourceCommandStep1 step1 = mock(DeployResourceCommandStep1.class);
    when(client.newDeployResourceCommand()).thenReturn(step1);
    when(step1.addResourceBytes(any(byte[].class), anyString())).thenReturn(command);
    when(command.addResourceBytes(any(byte[].class), anyString())).thenReturn(command);
    when(command.requestTimeout(any())).thenReturn(timed);
    when(timed.send()).thenReturn(future);
  }

  @Test
  void retriesWhileTheEngineIsUnavailableThenDeploys() {
    DeploymentEvent event = mock(DeploymentEvent.class);
    when(future.join())
        .thenThrow(new ClientStatusException(Status.UNAVAILABLE, null))
        .thenThrow(new ClientStatusException(Status.DEADLINE_EXCEEDED, null))
        .thenReturn(event);

    deployer(Duration.ofSeconds(30)).onStart(client);

    verify(timed, times(3)).send();
    assertThat(definitions.all()).isEmpty();
  }

  @Test
  void aRejectedFileFailsAtOnce() {
    when(future.join())
        .thenThrow(
            new ClientStatusException(
                Status.INVALID_ARGUMENT.withDescription("'broken.bpmn': no job type"), null));

    assertThatThrownBy(() -> deployer(Duration.ofSeconds(30)).onStart(client))
        .isInstanceOf(ProcessDeploymentException.class)
        .hasMessageContaining("rejected")
        .hasMessageContaining("broken.bpmn");
    verify(timed, times(1)).send();
  }

  @Test
  void givesUpAfterTheDeploymentTimeoutNamingTheProperty() {
    when(future.join()).thenThrow(new ClientHttpException(503, "starting"));

    assertThatThrownBy(() -> deployer(Duration.ofMillis(800)).onStart(client))
        .isInstanceOf(ProcessDeploymentException.class)
        .hasMessageContaining("within PT0.8S")
        .hasMessageContaining("partnerflow.engine.deployment-timeout");
  }

  @Test
  void onlyUnavailableOverloadedAndTimedOutCountAsTransient() {
    assertThat(
            ProcessResourceDeployer.isTransient(
                new ClientStatusException(Status.UNAVAILABLE, null)))
        .isTrue();
    assertThat(
            ProcessResourceDeployer.isTransient(
                new RuntimeException(new ClientStatusException(Status.RESOURCE_EXHAUSTED, null))))
        .isTrue();
    assertThat(ProcessResourceDeployer.isTransient(new ClientHttpException(504, "gateway")))
        .isTrue();
    assertThat(
            ProcessResourceDeployer.isTransient(
                new ClientStatusException(Status.INVALID_ARGUMENT, null)))
        .isFalse();
    assertThat(ProcessResourceDeployer.isTransient(new ClientHttpException(400, "bad"))).isFalse();
    assertThat(ProcessResourceDeployer.isTransient(new IllegalStateException("boom"))).isFalse();
  }

  private ProcessResourceDeployer deployer(Duration timeout) {
    return new ProcessResourceDeployer(
        new EngineProperties(
            true,
            0,
            List.of("classpath*:bpmn/skeleton-roundtrip.bpmn"),
            timeout,
            null,
            EngineProperties.State.defaults()),
        definitions);
  }
}
