package com.partnerflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM's threads by what they do, read from the JVM between two moments: where a
 * measured stretch spent its time (the engine's actor thread, the job workers, the web requests,
 * gRPC, the service's schedulers, the benchmark's own client), as a share of the wall-clock time. A
 * share of 100 % is one core kept busy the whole time. The Java threads are not all of it: the
 * JVM's JIT compilers and garbage collector run on threads the management API does not list, so
 * their CPU is read from Linux's {@code /proc} (compiler threads the JVM ends meanwhile take their
 * time with them), beside the whole process's and the machine's busy share.
 */
final class ThreadCpu {

  private static final Map<String, String> GROUPS = new LinkedHashMap<>();
  private static final String JIT = "JIT compilers";
  private static final String GC = "garbage collection";

  /** Linux's USER_HZ: the unit of the CPU times in /proc. */
  private static final double CLOCK_TICKS_PER_SECOND = 100;

  static {
    GROUPS.put("zb-actors", "engine actors");
    GROUPS.put("zb-fs-workers", "engine actors");
    GROUPS.put("pool-", "job workers");
    // Web requests and @Scheduled tasks run on virtual threads, which the JVM counts to the
    // platform threads that carry them.
    GROUPS.put("ForkJoinPool-", "virtual threads (web requests, schedulers)");
    GROUPS.put("grpc", "gRPC");
    GROUPS.put("HttpClient", "benchmark client");
    GROUPS.put("bench", "benchmark client");
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> startCpu = cpuByThread();
  private final long startProcessCpu = processCpuNanos();
  private final Map<String, Long> startNative = nativeThreadTicks();
  private final long[] startMachine = machineTicks();
  private final long startNanos = System.nanoTime();

  /** Starts measuring now. */
  static ThreadCpu start() {
    return new ThreadCpu();
  }

  /**
   * The share of wall-clock time each group of threads spent on a CPU since the start, largest
   * first, e.g. {@code engine actors 84 %, job workers 40 %}. Threads that ended meanwhile are not
   * counted.
   */
  String shares() {
    double wall = System.nanoTime() - startNanos;
    Map<String, Long> byGroup = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      if (now < 0) {
        continue;
      }
      long used = now - startCpu.getOrDefault(info.getThreadId(), 0L);
      byGroup.merge(group(info.getThreadName()), used, Long::sum);
    }
    return byGroup.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> String.format("%s %.0f %%", e.getKey(), 100 * e.getValue() / wall))
            .collect(Collectors.joining(", "))
        + String.format(
            "; the whole JVM process %.0f %%, of which the JIT compilers %.0f %% and garbage"
                + " collection %.0f %%; the machine %.0f %% of its %d cores busy",
            100 * (processCpuNanos() - startProcessCpu) / wall,
            nativeShare(JIT, wall),
            nativeShare(GC, wall),
            machineBusyShare(),
            Runtime.getRuntime().availableProcessors());
  }

  /** The share of one core the JIT compilers used since the start, in percent. */
  double jitCompilers() {
    return nativeShare(JIT, System.nanoTime() - startNanos);
  }

  /** The share of the machine's CPU time that was not idle since the start ({@code /proc/stat}). */
  private double machineBusyShare() {
    long[] now = machineTicks();
    long total = now[0] - startMachine[0];
    return total <= 0 ? Double.NaN : 100.0 * (total - (now[1] - startMachine[1])) / total;
  }

  /** All ticks and idle ticks (idle + iowait) of the machine's CPUs, zeros where unreadable. */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long total = 0;
      // user, nice, system, idle, iowait, irq, softirq, steal (guest time is in user already)
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** Share of one core the JVM's own threads of a kind used since the start. */
  private double nativeShare(String kind, double wallNanos) {
    long ticks = nativeThreadTicks().getOrDefault(kind, 0L) - startNative.getOrDefault(kind, 0L);
    return 100.0 * ticks * (1e9 / CLOCK_TICKS_PER_SECOND) / wallNanos;
  }

  /**
   * CPU ticks (user + system) of the JVM's compiler and collector threads, which the Java
   * management API does not show, read from {@code /proc/self/task/<tid>/stat}; empty elsewhere.
   */
  private static Map<String, Long> nativeThreadTicks() {
    Map<String, Long> ticks = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
          continue;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        String kind =
            name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                ? JIT
                : name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC : null;
        if (kind == null) {
          continue;
        }
        // After the name: state, then fields 4 on; utime and stime are fields 14 and 15.
        String[] fields = stat.substring(close + 2).split(" ");
        ticks.merge(kind, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return ticks;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private Map<Long, Long> cpuByThread() {
    Map<Long, Long> cpu = new LinkedHashMap<>();
    for (long id : threads.getAllThreadIds()) {
      cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    return cpu;
  }

  private static String group(String threadName) {
    return GROUPS.entrySet().stream()
        .filter(e -> threadName.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("other");
  }
}
