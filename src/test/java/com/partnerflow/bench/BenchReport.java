package com.partnerflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Percentiles, and the results under target/bench/: {@code results.md} for people (the README's
 * table is copied from it) and {@code results.json} for tools, one object per result with the
 * machine it was measured on.
 */
final class BenchReport {

  private BenchReport() {}

  static double percentile(List<Double> samples, double p) {
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  static String stats(List<Double> samples, String unit) {
    return String.format(
        "n=%d  p50=%.1f %s  p95=%.1f %s  max=%.1f %s",
        samples.size(),
        percentile(samples, 50),
        unit,
        percentile(samples, 95),
        unit,
        Arrays.stream(samples.toArray(Double[]::new)).mapToDouble(d -> d).max().orElse(0),
        unit);
  }

  /** Milliseconds as {@code n=… p50=… p95=… p99=… max=…}. */
  static String latencies(List<Double> millis) {
    return String.format(
        "n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms",
        millis.size(),
        percentile(millis, 50),
        percentile(millis, 95),
        percentile(millis, 99),
        percentile(millis, 100));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Appends one result to target/bench/results.md and results.json and prints it. */
  static void record(String benchmark, String measured, String target, boolean met) {
    recordMarkdown(benchmark, measured, target, met);
    recordJson(benchmark, measured, target, met);
  }

  private static void recordMarkdown(
      String benchmark, String measured, String target, boolean met) {
    String row =
        String.format(
            "| %s | %s | %s | %s |%n", benchmark, measured, target, met ? "met" : "MISSED");
    System.out.print("BENCH " + row);
    try {
      Path file = Path.of("target", "bench", "results.md");
      Files.createDirectories(file.getParent());
      if (Files.notExists(file)) {
        Files.writeString(file, "| benchmark | measured | target | |\n|---|---|---|---|\n");
      }
      Files.writeString(file, row, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites results.json with the new result appended: a valid JSON array after every row. */
  private static synchronized void recordJson(
      String benchmark, String measured, String target, boolean met) {
    try {
      Path file = Path.of("target", "bench", "results.json");
      ArrayNode results =
          Files.exists(file) ? (ArrayNode) JSON.readTree(file.toFile()) : JSON.createArrayNode();
      ObjectNode result = results.addObject();
      result.put("benchmark", benchmark);
      result.put("measured", measured);
      result.put("target", target);
      result.put("met", met);
      result.put("recordedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      result.put("cores", Runtime.getRuntime().availableProcessors());
      result.put("java", System.getProperty("java.version"));
      result.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      result.put(
          "loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
