package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

  /**
   * The service's clock and the engine's agree: both start at the start instant and move together.
   * The engine's time is read from the timestamp it puts on the records of a deployment.
   */
  @Test
  void theServiceClockFollowsTheEngineClockFromTheStartInstant() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    var engine = new EmbeddedZeebeEngine(port);
    Instant start = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MILLIS);
    engine.startAt(start);
    assertThat(engine.clock().instant()).isBetween(start, start.plusSeconds(5));
    engine.start();
    try {
      assertThat(engineTimeOfADeployment(engine, "first"))
          .isBetween(start, engine.clock().instant().plusSeconds(1));

      engine.increaseTime(Duration.ofDays(3));

      Instant moved = start.plus(Duration.ofDays(3));
      assertThat(engine.clock().instant()).isBetween(moved, moved.plusSeconds(30));
      assertThat(engineTimeOfADeployment(engine, "second"))
          .isBetween(moved, engine.clock().instant().plusSeconds(1));
      assertThatThrownBy(() -> engine.increaseTime(Duration.ofDays(-1)))
          .hasMessageContaining("only moves forward");
    } finally {
      engine.stop();
    }
  }

  @Test
  void aStartInstantInThePastIsRefused() {
    var engine = new EmbeddedZeebeEngine(0);
    Instant past = Instant.now().minus(Duration.ofDays(1));

    assertThatThrownBy(() -> engine.startAt(past))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(past.toString())
        .hasMessageContaining("only moves forward");
    assertThat(engine.clock().instant()).isBefore(Instant.now().plusSeconds(1));
  }

  /** Deploys a tiny process and answers the engine's timestamp on the deployment's records. */
  private static Instant engineTimeOfADeployment(EmbeddedZeebeEngine engine, String name) {
    try (var client = engine.engine().createClient()) {
      long key =
          client
              .newDeployResourceCommand()
              .addProcessModel(
                  Bpmn.createExecutableProcess(name).startEvent().endEvent().done(), name + ".bpmn")
              .send()
              .join()
              .getKey();
      long stamp = 0;
      for (Record<?> record : engine.recordStream().getRecords()) {
        if (record.getKey() == key) {
          stamp = Math.max(stamp, record.getTimestamp());
        }
      }
      assertThat(stamp).as("records of deployment " + key).isPositive();
      return Instant.ofEpochMilli(stamp);
    }
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
