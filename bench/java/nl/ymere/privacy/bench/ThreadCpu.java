package nl.ymere.privacy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per thread of this JVM from {@code /proc/self/task} (Linux), including the threads Java does not list
 * (JIT compilers, GC): shows where a phase's CPU went. Threads are grouped by name without digits
 * ("http-nio-auto-#-exec-#"); CPU of threads that ended during a phase is reported as "(ended threads)".
 */
final class ThreadCpu {

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on Linux

  private ThreadCpu() {
  }

  /** CPU nanoseconds per live thread id, with its name. */
  record Snapshot(Map<String, Long> nanosByThread, Map<String, String> nameByThread) {
  }

  static Snapshot snapshot() {
    Map<String, Long> nanos = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return new Snapshot(nanos, names);
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(task -> {
        try {
          String id = task.getFileName().toString();
          long cpu = cpuNanos(Files.readString(task.resolve("stat")));
          String name = Files.readString(task.resolve("comm")).strip();
          nanos.put(id, cpu); // both or neither: the thread may end between the two reads
          names.put(id, name);
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      });
    } catch (IOException e) {
      return new Snapshot(nanos, names);
    }
    return new Snapshot(nanos, names);
  }

  /** User plus system CPU time from the text of a {@code /proc/.../stat} file. */
  static long cpuNanos(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return (long) (ticks * NANOS_PER_TICK);
  }

  /** Milliseconds per thread group between two snapshots, largest first; the rest of the process total as ended. */
  static Map<String, Double> millisByGroup(Snapshot before, Snapshot after, long processNanos) {
    Map<String, Double> groups = new HashMap<>();
    double live = 0;
    for (Map.Entry<String, Long> thread : after.nanosByThread().entrySet()) {
      long delta = thread.getValue() - before.nanosByThread().getOrDefault(thread.getKey(), 0L);
      if (delta > 0) {
        groups.merge(after.nameByThread().get(thread.getKey()).replaceAll("\\d+", "#"), delta / 1e6, Double::sum);
        live += delta;
      }
    }
    if (processNanos > live) {
      groups.merge("(ended threads)", (processNanos - live) / 1e6, Double::sum);
    }
    Map<String, Double> sorted = new LinkedHashMap<>();
    groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
