package com.partnerflow.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the engine wiring.
 *
 * @param embedded whether to run the Zeebe engine in this JVM (the embedded profile sets it)
 * @param port gRPC port of the in-process engine (embedded mode only)
 * @param deploymentResources resource patterns deployed to the engine at startup
 * @param deploymentTimeout how long the startup deployment keeps retrying while the engine is
 *     unavailable or slow to answer (a rejected file fails at once)
 * @param state where the in-process engine keeps its state (embedded mode only)
 */
@ConfigurationProperties("partnerflow.engine")
public record EngineProperties(
    boolean embedded,
    @DefaultValue("26500") int port,
    @DefaultValue({
          "classpath*:bpmn/**/*.bpmn",
          "classpath*:bpmn/**/*.dmn",
          "classpath*:forms/**/*.form"
        })
        java.util.List<String> deploymentResources,
    @DefaultValue("PT2M") Duration deploymentTimeout,
    @DefaultValue State state) {

  /**
   * The in-process engine's state. Either way it is temporary: empty on every start, gone when the
   * service stops.
   *
   * @param store {@code rocksdb}: Zeebe's RocksDB store in a new directory, removed on stop; {@code
   *     in-memory}: zeebe-process-test's own store, whose every step gets slower with the number of
   *     open instances (for comparison, or where RocksDB's native library cannot load)
   * @param directory where the RocksDB store creates its directory; the system's temporary
   *     directory when unset
   * @param memoryLimit native memory of the RocksDB store (block cache and write buffers)
   */
  public record State(
      @DefaultValue("rocksdb") StateStore store,
      Path directory,
      @DefaultValue("64MB") DataSize memoryLimit) {

    /** RocksDB in the temporary directory with 64 MB, the default. */
    public static State defaults() {
      return new State(StateStore.ROCKSDB, null, DataSize.ofMegabytes(64));
    }

    public Path directoryOrDefault() {
      return directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
    }
  }

  /** The store behind the in-process engine's state. */
  public enum StateStore {
    ROCKSDB,
    IN_MEMORY
  }
}
