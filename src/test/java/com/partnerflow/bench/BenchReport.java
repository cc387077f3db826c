package com.partnerflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/** Percentiles and a markdown results file under target/bench/. */
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

  /** Appends one result row to target/bench/results.md and prints it. */
  static void record(String benchmark, String measured, String target, boolean met) {
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
}
