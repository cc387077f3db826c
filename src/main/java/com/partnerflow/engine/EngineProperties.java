package com.partnerflow.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * @param startInstant where the business time of the embedded mode starts (the service's clock and
 *     the engine's), e.g. to run the tests on the last day of a quarter; unset: now. It must not
 *     lie in the past, because the engine's clock only moves forward
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
    Instant startInstant,
    @DefaultValue State state) {

  public EngineProperties {
    if (startInstant != null && !embedded) {
      throw new IllegalArgumentException(
          "partnerflow.engine.start-instant sets the clock of the embedded engine only;"
              + " a cluster keeps its own time. Remove the setting.");
    }
    if (startInstant != null && startInstant.isBefore(Instant.now())) {
      throw new IllegalArgumentException(
          "partnerflow.engine.start-instant "
              + startInstant
              + " lies in the past (now: "
              + Instant.now()
              + "): the engine's clock only moves forward. Choose a later instant or remove"
              + " the setting to start at the current time.");
    }
  }

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
