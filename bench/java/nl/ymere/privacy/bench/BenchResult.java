package nl.ymere.privacy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one database, and the tables they are printed in. */
record BenchResult(String database, String historyLevel, Measured api, Measured service, Measured bare,
    Measured skeleton, Measured httpFloor, List<String> notes) {

  /** Target of issue 4: registration rate at least 0.3 of the bare-engine start rate on PostgreSQL. */
  static final double TARGET_RATIO = 0.3;

  /**
   * One measured phase.
   *
   * @param attempted operations sent
   * @param counted operations whose outcome was verified afterwards
   * @param perSecond counted operations per second of the phase's wall-clock time
   * @param p50Millis median latency of the counted operations
   * @param p95Millis 95th percentile latency
   * @param sqlPerOp statements (JDBC batch entries included) per counted operation
   * @param tripsPerOp execute/executeBatch calls per counted operation
   * @param cpuMillisPerOp this JVM's CPU time per counted operation
   * @param dbCpuMillisPerOp the local PostgreSQL server's CPU time per counted operation (NaN on H2, which runs in
   *     this JVM, or when the server's processes cannot be read)
   * @param jitMillis time the JIT compilers spent during the phase (a sign the warm-up was too short)
   */
  record Measured(int attempted, int counted, double perSecond, double p50Millis, double p95Millis, double sqlPerOp,
      double tripsPerOp, double cpuMillisPerOp, double dbCpuMillisPerOp, long jitMillis) {
  }

  /**
   * Target of issue 15 item 7: a registration through the API costs at most 2.5 times the CPU of the required model's
   * skeleton start, in the same run (JVM CPU plus the PostgreSQL server's CPU per operation).
   */
  static final double TARGET_SKELETON_CPU_RATIO = 2.5;

  /** CPU of one operation: this JVM's plus, on PostgreSQL, the database server's. */
  static double totalCpu(Measured m) {
    return m.cpuMillisPerOp() + (Double.isNaN(m.dbCpuMillisPerOp()) ? 0 : m.dbCpuMillisPerOp());
  }

  /** Registration CPU through the API divided by the skeleton start's CPU. */
  double skeletonCpuRatio() {
    return totalCpu(api) / totalCpu(skeleton);
  }

  /** Registrations per second through the API divided by bare-engine starts per second. */
  double ratio() {
    return bare.perSecond() == 0 ? 0 : api.perSecond() / bare.perSecond();
  }

  static double percentile(List<Long> sortedNanos, double percent) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.size());
    return sortedNanos.get(Math.max(0, rank - 1)) / 1_000_000.0;
  }

  static String table(List<BenchResult> results, BenchSettings settings) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Registration benchmark: POST /api/requests with %d clients, %d measured "
        + "requests per database after %d warm-up; bare engine: %s started %d times with %d threads",
        settings.clients(), settings.requests(), settings.warmup(), BareEngineStarts.KEY, settings.requests(),
        settings.clients()));
    lines.add(String.format(Locale.ROOT, "%-11s %-18s %9s %10s %7s %7s %8s %8s %12s %9s %6s",
        "database", "history level", "counted", "requests/s", "p50 ms", "p95 ms", "SQL/req", "CPU/req",
        "bare start/s", "SQL/start", "ratio"));
    for (BenchResult r : results) {
      lines.add(String.format(Locale.ROOT, "%-11s %-18s %4d/%-4d %10.1f %7.1f %7.1f %8.1f %8.2f %12.1f %9.1f %6.2f",
          r.database(), r.historyLevel(), r.api().counted(), r.api().attempted(), r.api().perSecond(),
          r.api().p50Millis(), r.api().p95Millis(), r.api().sqlPerOp(), r.api().cpuMillisPerOp(),
          r.bare().perSecond(), r.bare().sqlPerOp(), r.ratio()));
    }
    results.stream().filter(r -> r.database().equals(BenchDatabase.POSTGRES.label())).findFirst()
        .ifPresent(r -> lines.add(String.format(Locale.ROOT, "Target ratio >= %.2f on PostgreSQL: %s (%.2f)",
            TARGET_RATIO, r.ratio() >= TARGET_RATIO ? "met" : "NOT met", r.ratio())));
    lines.add(String.format(Locale.ROOT, "Authorization groups kept as authenticated (AuthorizationGroupsPlugin): %s",
        System.getProperty("privacy.engine.keep-authenticated-groups", "true")));
    for (BenchResult r : results) {
      lines.add(String.format(Locale.ROOT, "%s: registration CPU %.2f ms / skeleton CPU %.2f ms = %.2f; target <= %.1f:"
          + " %s", r.database(), totalCpu(r.api()), totalCpu(r.skeleton()), r.skeletonCpuRatio(),
          TARGET_SKELETON_CPU_RATIO, r.skeletonCpuRatio() <= TARGET_SKELETON_CPU_RATIO ? "met" : "NOT met"));
    }
    lines.add("");
    lines.add("Breakdown per operation (same threads, same database):");
    lines.add(String.format(Locale.ROOT, "%-11s %-32s %9s %9s %7s %7s %7s %7s %8s %8s %7s", "database",
        "operation", "counted", "per s", "p50 ms", "p95 ms", "SQL", "trips", "CPU ms", "DB CPU", "JIT ms"));
    for (BenchResult r : results) {
      breakdown(lines, r.database(), "POST /api/requests", r.api());
      breakdown(lines, r.database(), "RequestRegistrationService call", r.service());
      breakdown(lines, r.database(), "bare start " + BareEngineStarts.KEY, r.bare());
      breakdown(lines, r.database(), "skeleton start " + SkeletonStarts.KEY, r.skeleton());
      breakdown(lines, r.database(), "GET /api/deadlines (HTTP floor)", r.httpFloor());
    }
    lines.add("counted = verified afterwards: a registration's request row, events, acknowledgement document and "
        + "outbox row are committed and its identity-verification instance waits at " + RegistrationCheck.FIRST_TASK
        + "; a bare start waits at its task. Timed phases run without statement counting; SQL = statements (JDBC "
        + "batch entries included) and trips = execute/executeBatch calls per operation come from a separate "
        + "counting pass of the same operation. CPU = this JVM's CPU time (application, HTTP client and in-process "
        + "H2; not the PostgreSQL server), DB CPU = the local PostgreSQL server's CPU time (all its processes; on H2 "
        + "it is part of CPU), JIT = milliseconds the JIT compilers worked during the phase (wall time of "
        + "their compilations). ratio = requests/s through the API / bare starts/s.");
    for (BenchResult r : results) {
      double skeleton = r.skeleton().perSecond() / r.bare().perSecond();
      double http = r.httpFloor().perSecond() / r.bare().perSecond();
      lines.add(String.format(Locale.ROOT, "%s: floors, as ratios to the bare start rate: the required model's skeleton "
          + "alone (fork into a standing task, a timer and a call activity whose instance waits at its task; no code, "
          + "no variables, no HTTP) %.2f; the cheapest authenticated API call (GET /api/deadlines: the password and "
          + "group check of HTTP Basic, no other database work) %.2f; both in one operation, their costs added: "
          + "at most %.2f", r.database(), skeleton, http, 1 / (1 / skeleton + 1 / http)));
    }
    for (BenchResult r : results) {
      r.notes().forEach(note -> lines.add(r.database() + ": " + note));
    }
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  private static void breakdown(List<String> lines, String database, String operation, Measured m) {
    lines.add(String.format(Locale.ROOT, "%-11s %-32s %4d/%-4d %9.1f %7.1f %7.1f %7.1f %7.1f %8.2f %8s %7d",
        database, operation, m.counted(), m.attempted(), m.perSecond(), m.p50Millis(), m.p95Millis(), m.sqlPerOp(),
        m.tripsPerOp(), m.cpuMillisPerOp(), Double.isNaN(m.dbCpuMillisPerOp()) ? "-"
            : String.format(Locale.ROOT, "%.2f", m.dbCpuMillisPerOp()), m.jitMillis()));
  }
}
