package com.partnerflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tier's figures (issue 13, item 7): per scenario and kind of work item, the faults injected,
 * the items affected, and how many were lost or duplicated (both must be 0). Printed to the console
 * and written to {@code target/reliability/results.md} after every scenario, the rows of all
 * scenarios of this run together.
 */
final class ReliabilityFigures {

  /** One line of the table. */
  record Row(
      String scenario, String workItem, int faults, long affected, long lost, long duplicated) {}

  /**
   * What became of the expected work items: {@code lost} expected keys never observed, {@code
   * duplicated} observations beyond the first of a key plus observations of keys not expected.
   */
  record Tally(long expected, long lost, long duplicated, List<String> examples) {

    static Tally of(Collection<String> expected, Collection<String> observed) {
      Map<String, Integer> seen = new HashMap<>();
      observed.forEach(key -> seen.merge(key, 1, Integer::sum));
      Set<String> wanted = new HashSet<>(expected);
      List<String> examples = new ArrayList<>();
      long lost = 0;
      for (String key : wanted) {
        if (!seen.containsKey(key)) {
          lost++;
          if (examples.size() < 5) {
            examples.add("lost " + key);
          }
        }
      }
      long duplicated = 0;
      for (var entry : seen.entrySet()) {
        int extra = wanted.contains(entry.getKey()) ? entry.getValue() - 1 : entry.getValue();
        if (extra > 0) {
          duplicated += extra;
          if (examples.size() < 10) {
            examples.add(entry.getValue() + " × " + entry.getKey());
          }
        }
      }
      return new Tally(wanted.size(), lost, duplicated, List.copyOf(examples));
    }
  }

  private static final List<Row> ROWS = new ArrayList<>();

  private ReliabilityFigures() {}

  static synchronized void record(List<Row> rows) {
    ROWS.addAll(rows);
    String table = table();
    System.out.println("\n[reliability] figures\n" + table);
    Path file =
        Path.of(System.getProperty("reliability.directory", "target/reliability"))
            .resolve("results.md");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "# Reliability tier: figures of the run of "
              + Instant.now().truncatedTo(ChronoUnit.SECONDS)
              + "\n\n"
              + table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized String table() {
    var out = new StringBuilder();
    out.append(
        "| Scenario | Work item | Faults injected | Work items affected | Lost | Duplicated |\n");
    out.append("|---|---|---:|---:|---:|---:|\n");
    for (Row row : ROWS) {
      out.append(
          "| %s | %s | %d | %d | %d | %d |\n"
              .formatted(
                  row.scenario(),
                  row.workItem(),
                  row.faults(),
                  row.affected(),
                  row.lost(),
                  row.duplicated()));
    }
    return out.toString();
  }
}
