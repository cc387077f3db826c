package com.partnerflow.bench;

import com.partnerflow.engine.EngineProperties;
import com.partnerflow.engine.internal.EmbeddedEngineFactory;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;

/**
 * The embedded engine alone, as the service creates it (same factory, same store settings), with
 * the project's {@code bpmn/} and {@code forms/} deployed and a client configured like the
 * service's (gRPC, job streaming, 8 worker threads).
 */
final class BareEngine implements AutoCloseable {

  final ZeebeTestEngine engine;
  final CamundaClient client;

  BareEngine(EngineProperties.StateStore store) {
    engine =
        EmbeddedEngineFactory.create(
            freePort(), new EngineProperties.State(store, null, DataSize.ofMegabytes(64)));
    engine.start();
    URI address = URI.create("http://" + engine.getGatewayAddress());
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .defaultJobWorkerStreamEnabled(true)
            .numJobWorkerExecutionThreads(8)
            .build();
    deployProjectResources();
  }

  private void deployProjectResources() {
    List<Path> files = files();
    var command = client.newDeployResourceCommand().addResourceFile(files.get(0).toString());
    for (Path file : files.subList(1, files.size())) {
      command = command.addResourceFile(file.toString());
    }
    command.send().join();
  }

  /** Everything in bpmn/ and forms/ of the project. */
  private static List<Path> files() {
    try (Stream<Path> bpmn = Files.list(Path.of("bpmn"));
        Stream<Path> forms = Files.list(Path.of("forms"))) {
      return Stream.concat(bpmn, forms)
          .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
  }
}
