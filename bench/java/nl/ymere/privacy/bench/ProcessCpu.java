package nl.ymere.privacy.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM (all threads): less disturbed by other processes on the machine than wall-clock rates. */
final class ProcessCpu {

  private ProcessCpu() {
  }

  static long nanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
