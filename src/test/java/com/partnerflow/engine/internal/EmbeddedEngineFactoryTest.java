package com.partnerflow.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.partnerflow.engine.EngineProperties;
import com.partnerflow.engine.EngineProperties.StateStore;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The engine on the RocksDB state keeps the {@link ZeebeTestEngine} contract that the service and
 * the process tests use (gateway and clients, clock, idle and busy state, record stream), and
 * leaves no state directory behind.
 */
class EmbeddedEngineFactoryTest {

  private static final BpmnModelInstance WAIT_THEN_WORK =
      Bpmn.createExecutableProcess("wait-then-work")
          .startEvent()
          .intermediateCatchEvent("WaitAnHourEvent", timer -> timer.timerWithDuration("PT1H"))
          .serviceTask("WorkTask", task -> task.zeebeJobType("test.work"))
          .endEvent()
          .done();

  @TempDir Path parent;

  @AfterEach
  void resetRecordStream() {
    BpmnAssert.resetRecordStream();
  }

  @Test
  void runsProcessesWithClockRecordStreamAndIdleStateOnTheRocksDbState() throws Exception {
    int port = freePort();
    ZeebeTestEngine engine = EmbeddedEngineFactory.create(port, rocksDbIn(parent));
    engine.start();
    try (ZeebeClient client = engine.createClient()) {
      assertThat(engine.getGatewayAddress()).endsWith(":" + port);
      assertThat(stateDirectories()).hasSize(1);
      client.newDeployResourceCommand().addProcessModel(WAIT_THEN_WORK, "w.bpmn").send().join();
      client
          .newWorker()
          .jobType("test.work")
          .handler(
              (jobs, job) ->
                  jobs.newCompleteCommand(job).variables(Map.of("done", true)).send().join())
          .open();
      long key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("wait-then-work")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      engine.waitForIdleState(Duration.ofSeconds(10));
      BpmnAssert.initRecordStream(RecordStream.of(engine.getRecordStreamSource()));
      var instance = BpmnAssert.assertThat(new InspectedProcessInstance(key));
      instance.isWaitingAtElements("WaitAnHourEvent");

      engine.increaseTime(Duration.ofHours(1));

      engine.waitForBusyState(Duration.ofSeconds(10));
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  instance
                      .isCompleted()
                      .hasPassedElement("WorkTask")
                      .hasVariableWithValue("done", true));
      assertThat(RecordStream.of(engine.getRecordStreamSource()).timerRecords())
          .filteredOn(timer -> timer.getIntent() == TimerIntent.TRIGGERED)
          .hasSize(1);
    } finally {
      engine.stop();
    }
    assertThat(stateDirectories()).isEmpty();
  }

  @Test
  void aStartThatFailsLeavesNoStateDirectory() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      ZeebeTestEngine engine =
          EmbeddedEngineFactory.create(taken.getLocalPort(), rocksDbIn(parent));
      assertThat(stateDirectories()).hasSize(1);

      assertThatThrownBy(engine::start).isInstanceOf(RuntimeException.class);

      assertThat(stateDirectories()).isEmpty();
      engine.stop(); // does nothing more, and returns at once
    }
  }

  @Test
  void aStateThatCannotBeCreatedLeavesNothingBehind() throws Exception {
    Path notADirectory = Files.createFile(parent.resolve("file"));

    assertThatThrownBy(() -> EmbeddedEngineFactory.create(freePort(), rocksDbIn(notADirectory)))
        .hasMessageContaining("state directory");
    assertThat(stateDirectories()).isEmpty();
  }

  @Test
  void aNewStateRemovesTheDirectoriesOfJvmsThatAreGoneAndKeepsTheOthers() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path abandoned =
        Files.createDirectory(
            parent.resolve(TemporaryRocksDbState.DIRECTORY_PREFIX + finished.pid() + "-123"));
    Files.writeString(abandoned.resolve("000001.sst"), "left by a halted training start");
    Path ofARunningJvm =
        Files.createDirectory(
            parent.resolve(
                TemporaryRocksDbState.DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-456"));
    Path notOurs = Files.createDirectory(parent.resolve("partnerflow-engine-notes"));

    ZeebeTestEngine engine = EmbeddedEngineFactory.create(freePort(), rocksDbIn(parent));
    try {
      assertThat(abandoned).doesNotExist();
      assertThat(ofARunningJvm).isDirectory();
      assertThat(notOurs).isDirectory();
      assertThat(stateDirectories()).hasSize(3); // the running JVM's, the new one, and "notes"
    } finally {
      engine.stop();
    }
  }

  private static EngineProperties.State rocksDbIn(Path parent) {
    return new EngineProperties.State(StateStore.ROCKSDB, parent, DataSize.ofMegabytes(64));
  }

  private List<Path> stateDirectories() throws IOException {
    try (Stream<Path> files = Files.list(parent)) {
      return files
          .filter(
              p -> p.getFileName().toString().startsWith(TemporaryRocksDbState.DIRECTORY_PREFIX))
          .toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
