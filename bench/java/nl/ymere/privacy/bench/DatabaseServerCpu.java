package nl.ymere.privacy.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the PostgreSQL server processes on this machine (every process named {@code postgres}: backends,
 * WAL writer, checkpointer), from {@code /proc} (Linux). The benchmark's database runs on the same two cores as the
 * application, so its CPU per operation is the other half of what an operation costs. Backends that exit during a
 * phase are not counted; the application's pooled connections live through the run.
 */
final class DatabaseServerCpu {

  private static final Path PROC = Path.of("/proc");

  private DatabaseServerCpu() {
  }

  /** Nanoseconds of CPU used so far by the local PostgreSQL processes, or -1 when none can be read. */
  static long postgresNanos() {
    long nanos = 0;
    boolean found = false;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC,
        p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
      for (Path process : processes) {
        try {
          String stat = Files.readString(process.resolve("stat"));
          if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("postgres")) {
            nanos += ThreadCpu.cpuNanos(stat);
            found = true;
          }
        } catch (IOException | RuntimeException e) {
          // the process ended while being read, or is not ours to read
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return found ? nanos : -1;
  }
}
