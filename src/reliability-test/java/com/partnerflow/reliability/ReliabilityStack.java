package com.partnerflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reliability scenario runs against, each part in a process of its own: the engine ({@link
 * EngineProcessMain}, gRPC only), a mail server ({@link SmtpProcessMain}), a fresh database on the
 * local MySQL-protocol server, and one or more instances of the packaged service ({@code java -jar
 * target/partnerflow-*.jar}, what we ship) in the cluster profile against all three.
 *
 * <p>{@link #close()} ends every process it started, by pid, and drops the database; a JVM shutdown
 * hook does the same if the test JVM is ended before. A part that cannot start fails the scenario
 * (nothing is skipped) after the parts already started are stopped.
 */
final class ReliabilityStack implements AutoCloseable {

  static final Duration ENGINE_START = Duration.ofSeconds(120);
  static final Duration SERVICE_START = Duration.ofSeconds(300);

  private final Path directory =
      Path.of(System.getProperty("reliability.directory", "target/reliability"));
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
  private final Thread shutdownHook = new Thread(this::closeAll, "reliability-stack-shutdown");
  private final List<ServiceInstance> services = new ArrayList<>();
  private ReliabilityDatabase database;
  private ChildProcess engine;
  private int enginePort;
  private ChildProcess smtp;
  private EngineLink link;
  private int serviceEnginePort;
  private int smtpPort;
  private int imapPort;

  private ReliabilityStack() {}

  /**
   * What a scenario needs besides the engine, mail server and database.
   *
   * @param instances how many service instances
   * @param engineLink whether the instances reach the engine through an {@link EngineLink} the
   *     scenario can cut
   * @param serviceArguments extra command-line arguments of every instance (Spring properties, e.g.
   *     {@code --partnerflow.engine.fault-injection.share=0.2})
   */
  record Options(int instances, boolean engineLink, List<String> serviceArguments) {

    static Options instances(int instances) {
      return new Options(instances, false, List.of());
    }

    Options throughAnEngineLink() {
      return new Options(instances, true, serviceArguments);
    }

    Options withServiceArguments(String... arguments) {
      return new Options(instances, engineLink, List.of(arguments));
    }
  }

  /** Starts the engine, the mail server, a new database and {@code instances} service instances. */
  static ReliabilityStack start(int instances) {
    return start(Options.instances(instances));
  }

  static ReliabilityStack start(Options options) {
    var stack = new ReliabilityStack();
    Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
    try {
      stack.startAll(options);
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(Options options) {
    database = ReliabilityDatabase.create();
    started.add(database);
    enginePort = freePort();
    engine =
        startProcess(
            "engine",
            List.of(
                java.toString(),
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=reliability-process-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                EngineProcessMain.class.getName(),
                String.valueOf(enginePort),
                directory.resolve("engine-state").toAbsolutePath().toString()),
            Map.of());
    smtpPort = freePort();
    imapPort = freePort();
    smtp =
        startProcess(
            "smtp",
            List.of(
                java.toString(),
                "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=reliability-process-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                SmtpProcessMain.class.getName(),
                String.valueOf(smtpPort),
                String.valueOf(imapPort)),
            Map.of(),
            true);
    engine.awaitLogLine(EngineProcessMain.READY, ENGINE_START);
    smtp.awaitLogLine(SmtpProcessMain.READY, ENGINE_START);
    serviceEnginePort = enginePort;
    if (options.engineLink()) {
      link = EngineLink.to(enginePort);
      started.add(link);
      serviceEnginePort = link.port();
    }
    // The instances start together against the empty database, as a scaled-out deployment does:
    // one of them migrates it (Flyway's lock), the other waits for it.
    for (int i = 1; i <= options.instances(); i++) {
      services.add(startService("service-" + i, serviceEnginePort, options.serviceArguments()));
    }
    services.forEach(ReliabilityStack::awaitReady);
  }

  private static void awaitReady(ServiceInstance service) {
    service
        .process()
        .awaitCondition(
            () -> isReady(service),
            "to report ready on " + service.management() + "/actuator/health/readiness",
            SERVICE_START);
    System.out.printf("[reliability] %s ready at %s%n", service.name(), service.base());
  }

  /**
   * Ends instance {@code index} with SIGKILL ({@code kill -9}: no shutdown hook, nothing finished)
   * and starts it again on the same ports with {@code arguments}, as an orchestrator restarts a
   * crashed pod; returns once it is ready.
   */
  ServiceInstance killAndRestart(int index, String restartedName, List<String> arguments) {
    ServiceInstance crashed = services.get(index);
    crashed.process().kill();
    System.out.printf(
        "[reliability] killed %s (pid %d) with SIGKILL%n", crashed.name(), crashed.process().pid());
    ServiceInstance restarted =
        launch(
            restartedName,
            crashed.base().getPort(),
            crashed.management().getPort(),
            serviceEnginePort,
            arguments);
    services.set(index, restarted);
    awaitReady(restarted);
    return restarted;
  }

  private ServiceInstance startService(String name, int grpcPort, List<String> arguments) {
    return launch(name, freePort(), freePort(), grpcPort, arguments);
  }

  private ServiceInstance launch(
      String name, int port, int managementPort, int grpcPort, List<String> arguments) {
    Path jar = Path.of(System.getProperty("reliability.jar", "target/partnerflow.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The packaged service "
              + jar
              + " is missing: run the tier with ./mvnw verify -Preliability");
    }
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "cluster");
    env.put("SERVER_PORT", String.valueOf(port));
    env.put("PARTNERFLOW_MANAGEMENT_PORT", String.valueOf(managementPort));
    env.put("PARTNERFLOW_DB_URL", database.jdbcUrl());
    env.put("PARTNERFLOW_DB_USER", database.user());
    env.put("PARTNERFLOW_DB_PASSWORD", database.password());
    env.put("PARTNERFLOW_SMTP_HOST", "127.0.0.1");
    env.put("PARTNERFLOW_SMTP_PORT", String.valueOf(smtpPort));
    env.put("CAMUNDA_GRPC_ADDRESS", "http://127.0.0.1:" + grpcPort);
    // The engine serves no REST API; nothing may use this address (see README, Configuration).
    env.put("CAMUNDA_REST_ADDRESS", "http://127.0.0.1:" + grpcPort);
    // Fund periods of a year: a request's activity starts tomorrow and must lie in the current
    // period, which a quarter would break on the last day of every quarter.
    env.put("PARTNERFLOW_FUND_PERIOD", "YEAR");
    List<String> command =
        new ArrayList<>(
            List.of(java.toString(), "-Xmx768m", "-jar", jar.toAbsolutePath().toString()));
    command.addAll(arguments);
    var process = startProcess(name, command, env);
    return new ServiceInstance(
        process,
        URI.create("http://127.0.0.1:" + port),
        URI.create("http://127.0.0.1:" + managementPort));
  }

  private ChildProcess startProcess(String name, List<String> command, Map<String, String> env) {
    return startProcess(name, command, env, false);
  }

  private ChildProcess startProcess(
      String name, List<String> command, Map<String, String> env, boolean input) {
    ChildProcess process =
        ChildProcess.start(
            name, command, env, directory.resolve("logs").resolve(name + ".log"), input);
    started.add(process);
    return process;
  }

  private static boolean isReady(ServiceInstance service) {
    try (var http = HttpClient.newHttpClient()) {
      var response =
          http.send(
              HttpRequest.newBuilder(service.management().resolve("/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  List<ServiceInstance> services() {
    return List.copyOf(services);
  }

  ReliabilityDatabase database() {
    return database;
  }

  ChildProcess engine() {
    return engine;
  }

  ChildProcess smtp() {
    return smtp;
  }

  /** The link between the instances and the engine; only with {@link Options#engineLink()}. */
  EngineLink engineLink() {
    if (link == null) {
      throw new IllegalStateException("This stack was started without an engine link");
    }
    return link;
  }

  /** Stops the SMTP service of the mail server (IMAP and the mailboxes stay): a mail outage. */
  void stopSmtp() {
    smtpCommand(SmtpProcessMain.STOP_SMTP, SmtpProcessMain.SMTP_STOPPED);
  }

  /** Starts the SMTP service again on its port, with the mailboxes it had. */
  void startSmtp() {
    smtpCommand(SmtpProcessMain.START_SMTP, SmtpProcessMain.SMTP_STARTED);
  }

  private void smtpCommand(String command, String acknowledgement) {
    long before = smtp.logLines(acknowledgement);
    smtp.send(command);
    smtp.awaitCondition(
        () -> smtp.logLines(acknowledgement) > before,
        "to acknowledge " + command,
        Duration.ofSeconds(30));
  }

  int imapPort() {
    return imapPort;
  }

  /** Every process and the database, newest first; each is ended even when another fails to. */
  @Override
  public void close() {
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to do
    }
  }

  private void closeAll() {
    List<AutoCloseable> parts;
    synchronized (started) {
      parts = new ArrayList<>(started);
      started.clear();
    }
    Collections.reverse(parts);
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        System.err.printf("[reliability] could not stop %s: %s%n", part, e);
      }
    }
  }

  static int freePort() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }
}
