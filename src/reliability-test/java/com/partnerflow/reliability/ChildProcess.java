package com.partnerflow.reliability;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One process the tier started (engine, mail server, service instance), its output in a log file.
 * It is only ever ended through its own {@link ProcessHandle}, by pid: the tier never signals a
 * process by name, so another engineer's services on the machine stay untouched.
 */
final class ChildProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path log;
  private Writer input;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log) {
    return start(name, command, env, log, false);
  }

  /** As {@link #start(String, List, Map, Path)}; with {@code input} the tier can {@link #send}. */
  static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path log, boolean input) {
    try {
      Files.createDirectories(log.getParent());
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      if (!input) {
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      }
      builder.environment().putAll(env);
      Process process = builder.start();
      System.out.printf("[reliability] started %s, pid %d, log %s%n", name, process.pid(), log);
      var child = new ChildProcess(name, process, log);
      if (input) {
        child.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      }
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  /** Writes one line to the process's standard input (only of one started with input). */
  void send(String line) {
    if (input == null) {
      throw new IllegalStateException(name + " was started without input");
    }
    try {
      input.write(line + "\n");
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to " + name, e);
    }
  }

  /** How often the log holds {@code marker}. */
  long logLines(String marker) {
    return logText().lines().filter(line -> line.contains(marker)).count();
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the log holds {@code marker}; fails at once if the process ends before. */
  void awaitLogLine(String marker, Duration timeout) {
    awaitCondition(() -> logText().contains(marker), "to print " + marker, timeout);
  }

  /** Waits until {@code ready} holds; fails at once if the process ends before. */
  void awaitCondition(BooleanSupplier ready, String what, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with status " + process.exitValue() + " before " + what + tail());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            name + " did not manage " + what + " in " + timeout + tail());
      }
      pause(Duration.ofMillis(250));
    }
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    List<String> lines = logText().lines().toList();
    return "\n--- last lines of "
        + log
        + " ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /**
   * SIGTERM (the process's shutdown hooks run: the engine removes its state), then SIGKILL after
   * {@link #STOP_GRACE}. Children of the process first, by their pids. Stopping again does nothing.
   */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    System.out.printf("[reliability] stopped %s (pid %d)%n", name, process.pid());
  }

  /** SIGKILL, as {@code kill -9 <pid>}: no shutdown hook runs. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
