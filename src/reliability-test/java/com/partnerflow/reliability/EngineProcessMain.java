package com.partnerflow.reliability;

import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.EngineProperties;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.springframework.util.unit.DataSize;

/**
 * The remote engine of the reliability tier: the service's own embedded Zeebe engine, alone in a
 * JVM of its own, serving gRPC on the port given. The service instances reach it over gRPC only, as
 * they would reach a cluster's gateway. Its state is temporary (RocksDB in a new directory under
 * the one given, removed when the process ends by SIGTERM; a killed engine's directory is removed
 * by the next start in that directory).
 *
 * <p>Arguments: {@code <grpc-port> <state-directory>}. Prints {@link #READY} once it serves.
 */
public final class EngineProcessMain {

  public static final String READY = "PARTNERFLOW-RELIABILITY-ENGINE-READY";

  private EngineProcessMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    var state =
        new EngineProperties.State(
            EngineProperties.StateStore.ROCKSDB, Path.of(args[1]), DataSize.ofMegabytes(64));
    var engine = new EmbeddedZeebeEngine(port, state);
    Runtime.getRuntime().addShutdownHook(new Thread(engine::stop, "engine-shutdown"));
    engine.start();
    System.out.println(READY + " grpc=" + port);
    System.out.flush();
    new CountDownLatch(1).await(); // serves until the tier ends the process
  }
}
