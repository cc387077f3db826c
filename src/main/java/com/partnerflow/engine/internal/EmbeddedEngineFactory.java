package com.partnerflow.engine.internal;

import com.partnerflow.engine.EngineProperties;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.ExternalStateEngineAssembly;
import java.nio.file.Path;

/**
 * Creates the in-process Zeebe engine of the embedded mode: zeebe-process-test's engine (gRPC
 * gateway, in-memory log, controlled clock, record stream) with its state in the store the settings
 * name.
 */
public final class EmbeddedEngineFactory {

  private EmbeddedEngineFactory() {}

  /**
   * An engine that is not started yet, its gateway on {@code port}. With the RocksDB store its
   * {@code stop()} also removes the state directory; call it after a failed {@code start()} too.
   */
  public static ZeebeTestEngine create(int port, EngineProperties.State settings) {
    return switch (settings.store()) {
      case IN_MEMORY -> EngineFactory.create(port);
      case ROCKSDB ->
          withRocksDbState(port, settings.directoryOrDefault(), settings.memoryLimit().toBytes());
    };
  }

  private static ZeebeTestEngine withRocksDbState(int port, Path parent, long memoryLimit) {
    TemporaryRocksDbState state = TemporaryRocksDbState.open(parent, memoryLimit);
    try {
      return new EngineWithTemporaryState(
          ExternalStateEngineAssembly.assemble(port, state.db()), state);
    } catch (RuntimeException | Error e) {
      try {
        state.closeDatabase();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      state.release();
      throw e;
    }
  }
}
