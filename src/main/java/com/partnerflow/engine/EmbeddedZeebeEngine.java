package com.partnerflow.engine;

import com.partnerflow.engine.internal.EmbeddedEngineFactory;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The real Zeebe workflow engine running in this JVM with a gRPC gateway, for the embedded mode.
 * Its state is temporary (by default RocksDB in a new directory that stopping removes, see {@link
 * EngineProperties.State}): a restart starts from an empty engine.
 *
 * <p>The phase puts it before the Camunda client's lifecycle (which opens workers and deploys) and
 * before the web server, so it starts first and stops last.
 */
public class EmbeddedZeebeEngine implements SmartLifecycle, DisposableBean {

  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
  private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);

  private final int port;
  private final ClassLoader bootClassLoader;
  private final EngineProperties.State state;
  private volatile CompletableFuture<ZeebeTestEngine> booting;
  private volatile ZeebeTestEngine engine;
  private volatile SynchronizedRecordStream records;
  private final EngineClock clock = new EngineClock();

  /** With the default state: RocksDB in the temporary directory, 64 MB. */
  public EmbeddedZeebeEngine(int port) {
    this(port, EngineProperties.State.defaults());
  }

  public EmbeddedZeebeEngine(int port, EngineProperties.State state) {
    this(port, state, applicationClassLoader());
  }

  /** With another context class loader for the engine's threads: tests reproduce a broken jar. */
  EmbeddedZeebeEngine(int port, EngineProperties.State state, ClassLoader bootClassLoader) {
    this.port = port;
    this.state = state;
    this.bootClassLoader = bootClassLoader;
  }

  /**
   * Boots the engine on another thread, so it comes up while the rest of the service initialises;
   * {@link #start()} waits for it.
   *
   * <p>The boot thread carries the application's class loader as its context class loader, and the
   * engine's actor threads inherit it from there. In an executable Spring Boot jar only that loader
   * sees the nested jars: on a thread with the system loader (such as the common {@code
   * ForkJoinPool}'s) the decision engine's service lookups find no FEEL value mapper, and every
   * business rule task fails.
   */
  public synchronized void startInBackground() {
    if (booting == null) {
      var future = new CompletableFuture<ZeebeTestEngine>();
      Thread boot =
          new Thread(
              () -> {
                try {
                  future.complete(boot());
                } catch (Throwable e) {
                  future.completeExceptionally(e);
                }
              },
              "embedded-engine-boot");
      boot.setContextClassLoader(bootClassLoader);
      boot.setDaemon(true);
      boot.start();
      booting = future;
    }
  }

  static ClassLoader applicationClassLoader() {
    return EmbeddedZeebeEngine.class.getClassLoader();
  }

  private ZeebeTestEngine boot() {
    ensurePortFree();
    ZeebeTestEngine booted = EmbeddedEngineFactory.create(port, state);
    booted.start(); // removes the state directory itself when it fails
    return booted;
  }

  @Override
  public void start() {
    startInBackground();
    try {
      engine = booting.join();
      records = new SynchronizedRecordStream(engine.getRecordStreamSource());
      engine.increaseTime(clock.offset());
    } catch (CompletionException e) {
      booting = null;
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    log.warn(
        "Embedded Zeebe engine started on gRPC port {}. Its state is TEMPORARY ({}):"
            + " process instances and tasks are gone when the service stops.",
        port,
        state.store() == EngineProperties.StateStore.ROCKSDB
            ? "RocksDB under " + state.directoryOrDefault() + ", removed on stop"
            : "in memory");
  }

  private void ensurePortFree() {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new EnginePortInUseException(port, e);
    }
  }

  @Override
  public void stop() {
    if (engine == null && booting != null) {
      // Booted but never started (the context failed): stop what the background thread made.
      engine = booting.exceptionally(e -> null).join();
    }
    booting = null;
    records = null;
    if (engine != null) {
      engine.stop();
      engine = null;
      log.info("Embedded Zeebe engine stopped");
    }
  }

  /** Also stops an engine that booted while the service failed to start. */
  @Override
  public void destroy() {
    stop();
  }

  @Override
  public boolean isRunning() {
    return engine != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** The running engine, for tests that read its record stream or move its clock. */
  public ZeebeTestEngine engine() {
    if (engine == null) {
      throw new IllegalStateException("The embedded engine is not running");
    }
    return engine;
  }

  /**
   * The engine's record stream, safe to read from several threads (the library's own source is
   * not): the service watches it for stuck instances while tests assert on it.
   */
  public RecordStreamSource recordStream() {
    return records();
  }

  SynchronizedRecordStream records() {
    SynchronizedRecordStream current = records;
    if (current == null) {
      throw new IllegalStateException("The embedded engine is not running");
    }
    return current;
  }

  /**
   * The records after the log position ({@code -1}: from the first); none while the engine is not
   * running. A reader that keeps the position of the last record it read reads only the records
   * that arrived since; nothing keeps them for it.
   */
  public List<Record<?>> recordsAfter(long position) {
    SynchronizedRecordStream current = records;
    return current == null ? List.of() : current.after(position);
  }

  public int port() {
    return port;
  }

  /**
   * The service's business clock: the system time plus every move of this engine's clock, so what
   * the service computes from "now" agrees with the engine's timers and due dates.
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Moves the engine's clock and the service's clock forward together, e.g. past a boundary timer.
   * Moving the engine alone ({@code engine().increaseTime}) would leave fund periods, deadlines and
   * "today" of the service behind the engine's timers.
   */
  public synchronized void increaseTime(Duration duration) {
    ZeebeTestEngine running = engine();
    // The service's clock first: a worker that a fired timer triggers already sees the new time.
    clock.advance(duration);
    running.increaseTime(duration);
  }

  /**
   * Lets business time start at {@code instant} instead of now ({@code
   * partnerflow.engine.start-instant}): the service's clock moves there at once, the engine's when
   * it starts. Both then run on from there. Only before {@link #start()}, and only forward.
   */
  public synchronized void startAt(Instant instant) {
    if (engine != null) {
      throw new IllegalStateException("The start instant is set before the engine starts");
    }
    Duration ahead = Duration.between(clock.instant(), instant);
    if (ahead.isNegative()) {
      throw new IllegalArgumentException(
          "The start instant "
              + instant
              + " lies in the past: the engine's clock only moves forward");
    }
    clock.advance(ahead);
  }
}
