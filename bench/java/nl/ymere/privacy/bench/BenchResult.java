package nl.ymere.privacy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one database, and the table they are printed in. */
record BenchResult(String database, String historyLevel, int attempted, int counted, double requestsPerSecond,
    double p50Millis, double p95Millis, double statementsPerRequest, double roundTripsPerRequest,
    double cpuMillisPerRequest, int bareStarted, double bareStartsPerSecond, double bareP50Millis,
    double statementsPerStart, double roundTripsPerStart, double cpuMillisPerStart, List<String> notes) {

  /** Target of issue 4: registration rate at least 0.3 of the bare-engine start rate on PostgreSQL. */
  static final double TARGET_RATIO = 0.3;

  double ratio() {
    return bareStartsPerSecond == 0 ? 0 : requestsPerSecond / bareStartsPerSecond;
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
    lines.add(String.format(Locale.ROOT, "Registration benchmark: POST /api/requests, %d clients, %d measured requests "
        + "per database after %d warm-up; bare engine: %s started with %d threads", settings.clients(),
        settings.requests(), settings.warmup(), BareEngineStarts.KEY, settings.clients()));
    lines.add(String.format(Locale.ROOT, "%-11s %-18s %9s %11s %7s %7s %8s %9s %8s %12s %9s %10s %6s",
        "database", "history level", "counted", "requests/s", "p50 ms", "p95 ms", "SQL/req", "trips/req", "CPU/req",
        "bare start/s", "SQL/start", "CPU/start", "ratio"));
    for (BenchResult r : results) {
      lines.add(String.format(Locale.ROOT,
          "%-11s %-18s %4d/%-4d %11.1f %7.1f %7.1f %8.1f %9.1f %8.2f %12.1f %9.1f %10.2f %6.2f",
          r.database(), r.historyLevel(), r.counted(), r.attempted(), r.requestsPerSecond(), r.p50Millis(),
          r.p95Millis(), r.statementsPerRequest(), r.roundTripsPerRequest(), r.cpuMillisPerRequest(),
          r.bareStartsPerSecond(), r.statementsPerStart(), r.cpuMillisPerStart(), r.ratio()));
    }
    lines.add("counted = registrations whose rows, acknowledgement outbox row and process instance (waiting at "
        + RegistrationCheck.FIRST_TASK + ") are committed; SQL = statements incl. JDBC batch entries, "
        + "trips = execute/executeBatch calls; CPU = ms of this JVM's CPU time per operation (app, HTTP client and "
        + "in-process H2; not the PostgreSQL server); ratio = requests/s / bare start/s");
    results.stream().filter(r -> r.database().equals("PostgreSQL")).findFirst().ifPresent(r -> lines.add(
        String.format(Locale.ROOT, "Target ratio >= %.2f on PostgreSQL: %s (%.2f)", TARGET_RATIO,
            r.ratio() >= TARGET_RATIO ? "met" : "NOT met", r.ratio())));
    for (BenchResult r : results) {
      r.notes().forEach(note -> lines.add(r.database() + ": " + note));
    }
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }
}
