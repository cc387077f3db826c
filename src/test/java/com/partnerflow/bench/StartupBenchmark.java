package com.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.FreePortsInitializer;
import com.partnerflow.UiSession;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start of the packaged service in its embedded mode to a healthy readiness probe, and the
 * resident memory of the idle service (targets of issue 2: ≤ 15 s, ≤ 700 MB on 2 cores).
 *
 * <p>Measured the way README.md tells to run the packaged service — extracted, with the classes of
 * a training run kept by the JVM: on JDK 25 and newer the AOT cache ({@code -XX:AOTCacheOutput} for
 * the training, {@code -XX:AOTCache} to start), on JDK 21 to 24 a CDS archive ({@code
 * -XX:ArchiveClassesAtExit}, {@code -XX:SharedArchiveFile}; the Docker image, on Java 21, does the
 * latter) — and, for information, as a plain {@code java -jar}. The labels of the results name the
 * flags that were used.
 */
@Tag("bench")
class StartupBenchmark {

  private static final Path APP = Path.of("target", "bench", "app");

  /**
   * How the JVM keeps a training run's classes: README.md's commands for this JDK. {@code
   * requireIt} is no tuning: it makes the JVM stop instead of starting without the archive (a stale
   * or unusable one is otherwise refused with a warning only), so that a plain start is never
   * reported under the archive's name.
   */
  record ClassArchive(String kind, String file, String train, String use, String requireIt) {

    /** JDK 25 keeps loaded and linked classes and method profiles (JEP 483, 514, 515). */
    static ClassArchive forThisJdk() {
      return Runtime.version().feature() >= 25
          ? new ClassArchive(
              "AOT cache",
              "partnerflow.aot",
              "-XX:AOTCacheOutput=",
              "-XX:AOTCache=",
              "-XX:AOTMode=on")
          : new ClassArchive(
              "CDS archive",
              "partnerflow.jsa",
              "-XX:ArchiveClassesAtExit=",
              "-XX:SharedArchiveFile=",
              "-Xshare:on");
    }

    /** E.g. "AOT cache: trained with -XX:AOTCacheOutput, run with -XX:AOTCache -XX:AOTMode=on". */
    String label() {
      return kind
          + ": trained with "
          + train.replace("=", "")
          + ", run with "
          + use.replace("=", "")
          + " "
          + requireIt
          + ", JDK "
          + Runtime.version().feature();
    }
  }

  private static final ClassArchive CACHE = ClassArchive.forThisJdk();

  /** README.md's heap flags of the fast start: G1 gives back heap the idle service does not use. */
  private static final String MIN_HEAP_FREE = "-XX:MinHeapFreeRatio=10";

  private static final String MAX_HEAP_FREE = "-XX:MaxHeapFreeRatio=30";

  /** After 5 s without a collection G1 runs one, which is when it gives memory back. */
  private static final String IDLE_COLLECTION = "-XX:G1PeriodicGCInterval=5000";

  private static final Path ARCHIVE = APP.resolve(CACHE.file());
  private static String java;
  private static Path jar;

  @BeforeAll
  static void packagedService() throws Exception {
    java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().matches("partnerflow-.*\\.jar"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("run ./mvnw verify -Pbench (needs the jar)"));
    }
    Files.createDirectories(APP);
    // The two preparation commands of README.md's "Start time" section.
    run(
        "extract",
        java,
        "-Djarmode=tools",
        "-jar",
        jar.toString(),
        "extract",
        "--force",
        "--destination",
        APP.toString());
    Files.deleteIfExists(ARCHIVE);
    List<String> training =
        new ArrayList<>(
            List.of(
                java,
                CACHE.train() + ARCHIVE,
                "-Dspring.context.exit=onRefresh",
                "-jar",
                APP.resolve(jar.getFileName()).toString()));
    training.addAll(freePortArguments());
    run("training", training.toArray(String[]::new));
    assertThat(ARCHIVE).exists();
  }

  @Test
  void coldStartWithTheClassesOfATrainingRun() throws Exception {
    List<Double> seconds = new ArrayList<>();
    List<Double> rssMb = new ArrayList<>();
    // The last of the three starts is then put under load (residentMemoryUnderLoad): one start
    // fewer in the benchmark's 15 minutes (issue 15).
    measure(
        fastStart(), CACHE.file(), 3, seconds, rssMb, StartupBenchmark::residentMemoryUnderLoad);
    double startP50 = BenchReport.percentile(seconds, 50);
    double rss = BenchReport.percentile(rssMb, 50);
    BenchReport.record(
        "embedded cold start to ready (extracted, " + CACHE.label() + ")",
        BenchReport.stats(seconds, "s"),
        "≤ 15 s",
        startP50 <= 15);
    BenchReport.record(
        "idle resident memory (extracted, "
            + CACHE.label()
            + ", "
            + MIN_HEAP_FREE
            + " "
            + MAX_HEAP_FREE
            + " "
            + IDLE_COLLECTION
            + ")",
        BenchReport.stats(rssMb, "MB"),
        "≤ 700 MB",
        rss <= 700);
    assertThat(seconds).hasSize(3);
  }

  @Test
  void coldStartOfAPlainJavaDashJar() throws Exception {
    List<Double> seconds = new ArrayList<>();
    List<Double> rssMb = new ArrayList<>();
    // For information only, so one start: each plain start costs about half a minute of the
    // benchmark's 15 (issue 15).
    measure(List.of(java, "-jar", jar.toString()), "plain", 1, seconds, rssMb, null);
    BenchReport.record(
        "embedded cold start to ready (plain java -jar, JDK " + Runtime.version().feature() + ")",
        String.format("%.1f s (one start)", seconds.getFirst()),
        "(for information)",
        true);
    BenchReport.record(
        "idle resident memory (plain java -jar, JDK " + Runtime.version().feature() + ")",
        String.format("%.0f MB (one start)", rssMb.getFirst()),
        "(for information)",
        true);
    assertThat(seconds).hasSize(1);
  }

  /**
   * The fast start under load, after its idle reading: the demo partner submits {@value
   * #LOAD_REQUESTS} MDF requests, 16 at a time, through the API while the resident memory is read
   * from the OS every 200 ms.
   */
  private static void residentMemoryUnderLoad(int port, Process service, double idle)
      throws Exception {
    ExecutorService load = Executors.newFixedThreadPool(16);
    try {
      UiSession alice = UiSession.signIn(port, "alice", "demo");
      alice.get("/mdf-requests/new");
      List<Future<Integer>> posted = new ArrayList<>();
      for (int i = 0; i < LOAD_REQUESTS; i++) {
        posted.add(
            load.submit(
                () ->
                    alice
                        .postJson(
                            "/api/mdf-requests",
                            PortalMdfLoad.request("1500.00"),
                            "/mdf-requests/new")
                        .statusCode()));
      }
      double peak = idle;
      while (!posted.stream().allMatch(Future::isDone)) {
        peak = Math.max(peak, residentMegabytes(service.pid()));
        Thread.sleep(200);
      }
      Map<Integer, Long> statuses = new TreeMap<>();
      for (Future<Integer> status : posted) {
        statuses.merge(status.get(), 1L, Long::sum);
      }
      // 201, or 503 when the engine did not start the request in time (nothing is kept then).
      assertThat(statuses.keySet()).isSubsetOf(201, 503).contains(201);
      Thread.sleep(5_000); // the engine works off what the requests started
      peak = Math.max(peak, residentMegabytes(service.pid()));
      BenchReport.record(
          "resident memory under load ("
              + LOAD_REQUESTS
              + " MDF requests through the API, 16 at a time; extracted, "
              + CACHE.label()
              + ")",
          String.format(
              "idle %.0f MB, peak %.0f MB, after %.0f MB; answers %s",
              idle, peak, residentMegabytes(service.pid()), statuses),
          "(for information; idle ≤ 700 MB above)",
          true);
    } finally {
      load.shutdownNow();
    }
  }

  /** What a start does once its idle memory is read, before the service is stopped. */
  @FunctionalInterface
  private interface AfterIdle {
    void run(int port, Process service, double idleMegabytes) throws Exception;
  }

  private static final int LOAD_REQUESTS = 300;

  /** README.md's fast start: the extracted jar with the training run's classes and heap flags. */
  private static List<String> fastStart() {
    return List.of(
        java,
        CACHE.use() + ARCHIVE,
        CACHE.requireIt(),
        MIN_HEAP_FREE,
        MAX_HEAP_FREE,
        IDLE_COLLECTION,
        "-jar",
        APP.resolve(jar.getFileName()).toString());
  }

  /** {@code afterLastIdle}: run on the last start after its idle reading, or {@code null}. */
  private static void measure(
      List<String> launch,
      String label,
      int runs,
      List<Double> seconds,
      List<Double> rssMb,
      AfterIdle afterLastIdle)
      throws Exception {
    for (int run = 0; run < runs; run++) {
      int port = FreePortsInitializer.freePort();
      List<String> command = new ArrayList<>(launch);
      command.add("--server.port=" + port);
      command.add("--partnerflow.engine.port=" + FreePortsInitializer.freePort());
      command.add("--spring.mail.port=" + FreePortsInitializer.freePort());
      Process service =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(new File("target/bench/startup-" + label + "-" + run + ".log"))
              .start();
      try {
        long start = System.nanoTime();
        awaitReady(port, service);
        seconds.add((System.nanoTime() - start) / 1e9);
        // Idle: no request for 15 s, time for G1's collection of an idle JVM (IDLE_COLLECTION).
        Thread.sleep(15_000);
        double idle = residentMegabytes(service.pid());
        rssMb.add(idle);
        if (afterLastIdle != null && run == runs - 1) {
          afterLastIdle.run(port, service, idle);
        }
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
  }

  private static List<String> freePortArguments() {
    return List.of(
        "--server.port=" + FreePortsInitializer.freePort(),
        "--partnerflow.engine.port=" + FreePortsInitializer.freePort(),
        "--spring.mail.port=" + FreePortsInitializer.freePort());
  }

  private static void run(String label, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/bench/" + label + ".log"))
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          label + " failed, see target/bench/" + label + ".log: " + String.join(" ", command));
    }
  }

  private static void awaitReady(int port, Process service) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline && service.isAlive()) {
      try {
        HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // the server is not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("service did not become ready (see target/bench/)");
  }

  private static double residentMegabytes(long pid) throws Exception {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024.0)
        .findFirst()
        .orElseThrow();
  }
}
