package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.unit.DataSize;

class EmbeddedZeebeEngineTest {

  @TempDir Path stateParent;

  @Test
  void takenPortFailsWithOneClearMessageNamingThePortAndTheProperty() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      var engine = new EmbeddedZeebeEngine(port);

      assertThatThrownBy(engine::start)
          .isInstanceOf(EnginePortInUseException.class)
          .hasMessageContaining(Integer.toString(port));
      assertThat(engine.isRunning()).isFalse();

      FailureAnalysis analysis =
          new EnginePortInUseFailureAnalyzer()
              .analyze(new EnginePortInUseException(port, new java.io.IOException("in use")));
      assertThat(analysis.getDescription()).contains(Integer.toString(port));
      assertThat(analysis.getAction()).contains("partnerflow.engine.port");
    }
  }

  @Test
  void startsAndStopsOnAFreePort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    var engine = new EmbeddedZeebeEngine(port);
    engine.start();
    try {
      assertThat(engine.isRunning()).isTrue();
      assertThat(engine.engine().getGatewayAddress()).endsWith(":" + port);
    } finally {
      engine.stop();
    }
    assertThat(engine.isRunning()).isFalse();
  }

  @Test
  void everyStartIsEmptyAndStoppingRemovesTheStateDirectory() throws Exception {
    var settings =
        new EngineProperties.State(
            EngineProperties.StateStore.ROCKSDB, stateParent, DataSize.ofMegabytes(64));
    var first = new EmbeddedZeebeEngine(freePort(), settings);
    first.start();
    try (var client = first.engine().createClient()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("left-over").startEvent().endEvent().done(),
              "left-over.bpmn")
          .send()
          .join();
      assertThat(filesIn(stateParent)).hasSize(1);
    } finally {
      first.stop();
    }
    assertThat(filesIn(stateParent)).isEmpty();

    var second = new EmbeddedZeebeEngine(freePort(), settings);
    second.start();
    try (var client = second.engine().createClient()) {
      assertThatThrownBy(
              () ->
                  client
                      .newCreateInstanceCommand()
                      .bpmnProcessId("left-over")
                      .latestVersion()
                      .send()
                      .join())
          .isInstanceOf(ClientStatusException.class)
          .hasMessageContaining("left-over");
    } finally {
      second.stop();
    }
    assertThat(filesIn(stateParent)).isEmpty();
  }

  private static java.util.List<Path> filesIn(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
