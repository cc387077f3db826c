package com.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.FreePortsInitializer;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start of the packaged service in its embedded mode to a healthy readiness probe, and the
 * resident memory of the idle service (targets of issue 2: ≤ 15 s, ≤ 700 MB on 2 cores).
 */
@Tag("bench")
class StartupBenchmark {

  @Test
  void coldStartToHealthyAndIdleMemory() throws Exception {
    Path jar =
        Files.list(Path.of("target"))
            .filter(p -> p.getFileName().toString().matches("partnerflow-.*\\.jar"))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("run ./mvnw verify -Pbench (needs the jar)"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Double> seconds = new ArrayList<>();
    List<Double> rssMb = new ArrayList<>();
    Files.createDirectories(Path.of("target", "bench"));
    for (int run = 0; run < 3; run++) {
      int port = FreePortsInitializer.freePort();
      Process service =
          new ProcessBuilder(
                  java,
                  "-jar",
                  jar.toString(),
                  "--server.port=" + port,
                  "--partnerflow.engine.port=" + FreePortsInitializer.freePort(),
                  "--spring.mail.port=" + FreePortsInitializer.freePort())
              .redirectErrorStream(true)
              .redirectOutput(new File("target/bench/startup-" + run + ".log"))
              .start();
      try {
        long start = System.nanoTime();
        awaitReady(port);
        seconds.add((System.nanoTime() - start) / 1e9);
        Thread.sleep(5_000);
        rssMb.add(residentMegabytes(service.pid()));
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
    double startP50 = BenchReport.percentile(seconds, 50);
    double rss = BenchReport.percentile(rssMb, 50);
    BenchReport.record(
        "embedded cold start to ready", BenchReport.stats(seconds, "s"), "≤ 15 s", startP50 <= 15);
    BenchReport.record(
        "idle resident memory", BenchReport.stats(rssMb, "MB"), "≤ 700 MB", rss <= 700);
    assertThat(seconds).hasSize(3);
  }

  private static void awaitReady(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // the server is not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("service did not become ready within 120 s");
  }

  private static double residentMegabytes(long pid) throws Exception {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024.0)
        .findFirst()
        .orElseThrow();
  }
}
