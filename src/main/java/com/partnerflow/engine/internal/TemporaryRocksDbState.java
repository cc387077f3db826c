package com.partnerflow.engine.internal;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory.SharedRocksDbResources;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The engine's state in Zeebe's own RocksDB store (the one a broker uses), in a new directory that
 * {@link #release()} removes again. Unlike zeebe-process-test's in-memory store, whose every prefix
 * scan copies the whole state, a step costs about the same with 10 open instances as with 10,000.
 *
 * <p>The state is disposable like the in-memory one: no snapshots, no recovery, a new directory on
 * every start.
 */
final class TemporaryRocksDbState {

  static final String DIRECTORY_PREFIX = "partnerflow-engine-";

  private final Path directory;
  private final SharedRocksDbResources memory;
  private final ZeebeDb<ZbColumnFamilies> db;
  private final AtomicBoolean released = new AtomicBoolean();

  private TemporaryRocksDbState(
      Path directory, SharedRocksDbResources memory, ZeebeDb<ZbColumnFamilies> db) {
    this.directory = directory;
    this.memory = memory;
    this.db = db;
  }

  /**
   * Opens an empty store in a new directory under {@code parent}.
   *
   * @param memoryLimit bytes of native memory for RocksDB's block cache and write buffers
   */
  static TemporaryRocksDbState open(Path parent, long memoryLimit) {
    removeAbandoned(parent);
    Path directory = createDirectory(parent);
    try {
      // Allocated here rather than by the factory's short constructor, so that release() can
      // free the cache and write buffer manager, which closing the database leaves alone.
      SharedRocksDbResources memory = SharedRocksDbResources.allocate(memoryLimit);
      try {
        var factory =
            new ZeebeRocksDbFactory<ZbColumnFamilies>(
                new RocksDbConfiguration().setMemoryLimit(memoryLimit),
                new ConsistencyChecksSettings(),
                new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
                SimpleMeterRegistry::new,
                memory,
                1);
        return new TemporaryRocksDbState(directory, memory, factory.createDb(directory.toFile()));
      } catch (RuntimeException e) {
        memory.close();
        throw e;
      }
    } catch (RuntimeException e) {
      delete(directory);
      throw e;
    }
  }

  /**
   * Removes the state directories of JVMs that are gone: a killed service, or an AOT training start
   * that ends with {@code Runtime.halt}, never reaches {@link #release()}, and RocksDB's files
   * would otherwise pile up in the temporary directory. Directories of running JVMs stay.
   */
  static void removeAbandoned(Path parent) {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (Stream<Path> children = Files.list(parent)) {
      children
          .filter(Files::isDirectory)
          .filter(dir -> ownerPid(dir).filter(pid -> ProcessHandle.of(pid).isEmpty()).isPresent())
          .forEach(TemporaryRocksDbState::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the engine's state directories in " + parent, e);
    }
  }

  /** The pid in a name {@code partnerflow-engine-<pid>-<random>}, if the name has that form. */
  static Optional<Long> ownerPid(Path directory) {
    String name = directory.getFileName().toString();
    if (!name.startsWith(DIRECTORY_PREFIX)) {
      return Optional.empty();
    }
    String rest = name.substring(DIRECTORY_PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(rest.substring(0, dash)));
    } catch (NumberFormatException notOurs) {
      return Optional.empty();
    }
  }

  private static Path createDirectory(Path parent) {
    try {
      Files.createDirectories(parent);
      // The process id in the name tells whose directory it is should a killed JVM leave it.
      return Files.createTempDirectory(
          parent, DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the engine's state directory in " + parent, e);
    }
  }

  ZeebeDb<ZbColumnFamilies> db() {
    return db;
  }

  Path directory() {
    return directory;
  }

  /** Closes the database (unless the engine did already). */
  void closeDatabase() throws Exception {
    db.close();
  }

  /**
   * Frees RocksDB's memory and removes the directory. Call it after the database is closed, which
   * the engine's {@code stop()} does. Calling it again does nothing.
   */
  void release() {
    if (released.compareAndSet(false, true)) {
      memory.close();
      delete(directory);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the engine's state directory " + directory, e);
    }
  }
}
