package nl.ymere.privacy.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM (all threads): less disturbed by other processes on the machine than wall-clock rates. */
final class ProcessCpu {

  private ProcessCpu() {
  }

  /** Milliseconds the JIT compilers have spent so far (they run on the same cores as the measured work). */
  static long jitMillis() {
    return ManagementFactory.getCompilationMXBean() == null ? -1
        : ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  static long nanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
