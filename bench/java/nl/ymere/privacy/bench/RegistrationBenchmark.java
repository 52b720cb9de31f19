package nl.ymere.privacy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ymere.privacy.PrivacyApplication;
import nl.ymere.privacy.request.RequestRegistrationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registration benchmark of issue 4 (run with {@code mvn -B -Pbench verify}; never part of {@code mvn verify}).
 * Per database it boots the real application (profiles demo + bench, job executor and mail dispatcher off, random
 * port) and, after a warm-up, measures three phases one after the other with the same number of threads:
 * registrations through {@code POST /api/requests} (HTTP Basic, distinct requesters), the same registrations by a
 * direct {@link RequestRegistrationService} call (the breakdown), and starts of the one-task process
 * {@code bench-one-task} on the same engine (the baseline: same database, same history level). Afterwards it checks
 * which registrations really committed (RegistrationCheck) and counts only those. Prints requests per second,
 * p50/p95 latency, SQL statements per request and per bare start and the ratio of the rates, and writes the table to
 * {@code target/bench/registration.txt}. Fails only when an operation did not commit completely, never on speed.
 */
class RegistrationBenchmark {

  private static final Path REPORT = Path.of("target", "bench", "registration.txt");
  private static final String API_PHASE = "Requester";
  private static final String SERVICE_PHASE = "Service";
  private static final int WARMUP_ROUNDS = 3;
  /** Operations per phase whose statements are counted, in a pass after the timed one. */
  private static final int SQL_PASS = 100;

  @Test
  void registrationThroughputAgainstTheBareEngine() throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    List<BenchResult> results = new ArrayList<>();
    for (BenchDatabase database : settings.databases()) {
      results.add(run(database, settings));
    }
    String table = BenchResult.table(results, settings);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, table);
    System.out.println();
    System.out.println(table);
    System.out.println("Written to " + REPORT.toAbsolutePath());
    for (BenchResult result : results) {
      assertThat(result.api().counted()).as(result.database() + ": API registrations that committed completely")
          .isEqualTo(result.api().attempted());
      assertThat(result.service().counted()).as(result.database() + ": service registrations")
          .isEqualTo(result.service().attempted());
      assertThat(result.bare().counted()).as(result.database() + ": bare starts").isEqualTo(result.bare().attempted());
      assertThat(result.skeleton().counted()).as(result.database() + ": skeleton starts")
          .isEqualTo(result.skeleton().attempted());
      assertThat(result.httpFloor().counted()).as(result.database() + ": deadline GETs")
          .isEqualTo(result.httpFloor().attempted());
    }
  }

  /**
   * A timed phase: its samples, the CPU of this JVM and of the PostgreSQL server (-1 when not read), the JIT's time
   * and the JVM's CPU by thread group.
   */
  private record Timed(Load.Result load, long cpuNanos, long dbCpuNanos, long jitMillis,
      Map<String, Double> cpuMillisByThread) {
  }

  /** A counting pass: the statements of {@code operations} operations, in all and by SQL text. */
  private record Counted(StatementCounter.Snapshot sql, int operations, Map<String, Long> bySql) {
  }

  /** What a phase did: its timed samples, its CPU, and the statements of its separate counting pass. */
  private record Phase(Timed timed, Counted counted) {
  }

  private BenchResult run(BenchDatabase database, BenchSettings settings) throws Exception {
    StatementCounter counter = new StatementCounter(settings.sqlProfile());
    List<String> arguments = new ArrayList<>(database.prepareAndGetArguments());
    arguments.add("--server.port=0");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PrivacyApplication.class)
        .profiles(database.profiles())
        .initializers(c -> c.getBeanFactory().addBeanPostProcessor(counter))
        .run(arguments.toArray(String[]::new))) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      String historyLevel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getHistoryLevel().getName();
      RegistrationClient client = new RegistrationClient(port);
      ServiceRegistrations service = new ServiceRegistrations(context.getBean(RequestRegistrationService.class),
          context.getBean(IdentityService.class));
      BareEngineStarts bare = new BareEngineStarts(engine);
      bare.deploy();
      SkeletonStarts skeleton = new SkeletonStarts(engine);
      skeleton.deploy();

      // warm-up operations of every phase, numbered on across rounds (names and business keys stay unique)
      Load.Operation warmApi = n -> client.register("Warmup", n);
      Load.Operation warmService = n -> service.register("Warmup Service", n);
      Load.Operation warmBare = n -> bare.start("warmup", n);
      Load.Operation warmSkeleton = n -> skeleton.start("warmup", n);
      Load.Operation warmHttp = client::deadlines;
      // warm-up of every path (JIT, connection pool, deployment cache), in rounds in the order of the measured
      // phases: after one round alone the JIT still recompiles what the later phases' type profiles invalidated
      int perRound = Math.max(1, settings.warmup() / WARMUP_ROUNDS);
      for (int round = 0; round < WARMUP_ROUNDS; round++) {
        int offset = round * perRound;
        progress(database, "warm-up round " + (round + 1) + " of " + WARMUP_ROUNDS + ", " + perRound
            + " operations per phase");
        for (Load.Operation warm : List.of(warmApi, warmService, warmBare, warmSkeleton, warmHttp)) {
          Load.run(perRound, settings.clients(), settings.maxTime(), n -> warm.run(offset + n));
        }
      }

      // every timed phase first, then every counting pass: the counting proxies would otherwise change the JDBC
      // classes the JIT has seen between phases, and the next phase would pay for recompiling its JDBC paths.
      // Right before its timing, each phase runs once more untimed (settle): the phase before it has changed the
      // type profiles of shared code (HTTP, JSON, engine), and recompiling that would otherwise fall in the window
      int settleFrom = WARMUP_ROUNDS * perRound;
      Timed apiTime = time(database, "POST /api/requests", settings, n -> warmApi.run(settleFrom + n),
          n -> client.register(API_PHASE, n));
      Timed directTime = time(database, "service call", settings, n -> warmService.run(settleFrom + n),
          n -> service.register(SERVICE_PHASE, n));
      Timed startsTime = time(database, "bare start", settings, n -> warmBare.run(settleFrom + n),
          n -> bare.start("measured", n));
      Timed skeletonTime = time(database, "skeleton start", settings, n -> warmSkeleton.run(settleFrom + n),
          n -> skeleton.start("measured", n));
      Timed httpFloorTime = time(database, "GET /api/deadlines", settings, warmHttp, client::deadlines);
      progress(database, "counting statements, " + Math.min(SQL_PASS, settings.requests()) + " operations per phase");
      Phase api = new Phase(apiTime, count(counter, settings, n -> client.register("Sql", n)));
      Phase direct = new Phase(directTime, count(counter, settings, n -> service.register("Sql Service", n)));
      Phase starts = new Phase(startsTime, count(counter, settings, n -> bare.start("sql", n)));
      Phase skeletonStarts = new Phase(skeletonTime, count(counter, settings, n -> skeleton.start("sql", n)));
      Phase httpFloor = new Phase(httpFloorTime, count(counter, settings, client::deadlines));
      List<String> notes = new ArrayList<>();
      notes.add(threadLine("POST /api/requests", apiTime));
      notes.add(threadLine("service call", directTime));
      notes.add(threadLine("bare start", startsTime));
      notes.add(threadLine("skeleton start", skeletonTime));
      notes.add(threadLine("GET /api/deadlines", httpFloorTime));
      if (settings.sqlProfile()) {
        writeSqlProfile(database, "registration", api.counted());
        writeSqlProfile(database, "service", direct.counted());
        writeSqlProfile(database, "bare-start", starts.counted());
        writeSqlProfile(database, "skeleton", skeletonStarts.counted());
      }

      RegistrationCheck check = new RegistrationCheck(context.getBean(JdbcTemplate.class), engine);
      BenchResult.Measured apiFigures = registrations(API_PHASE, api, check, notes);
      BenchResult.Measured serviceFigures = registrations(SERVICE_PHASE, direct, check, notes);
      Set<String> waiting = bare.waitingAtTask();
      BenchResult.Measured bareFigures = figures(starts, waiting, notes, "bare start");
      BenchResult.Measured skeletonFigures = figures(skeletonStarts, skeleton.waitingAtTask(), notes, "skeleton");
      BenchResult.Measured httpFigures = figures(httpFloor, httpFloor.timed().load().samples().stream()
          .filter(Load.Sample::ok).map(Load.Sample::key).collect(Collectors.toSet()), notes, "deadlines GET");
      return new BenchResult(database.label(), historyLevel, apiFigures, serviceFigures, bareFigures,
          skeletonFigures, httpFigures, notes);
    }
  }

  /**
   * Runs {@code settle} as often as the phase is timed, then times {@code operation}: statement counting is off, as
   * it was during the warm-up.
   */
  private static Timed time(BenchDatabase database, String what, BenchSettings settings, Load.Operation settle,
      Load.Operation operation) throws Exception {
    progress(database, "settling and timing " + what + ", " + settings.requests() + " operations each");
    Load.run(settings.requests(), settings.clients(), settings.maxTime(), settle);
    boolean serverCpu = database == BenchDatabase.POSTGRES; // H2 runs inside this JVM
    long dbBefore = serverCpu ? DatabaseServerCpu.postgresNanos() : -1;
    long cpuBefore = ProcessCpu.nanos();
    long jitBefore = ProcessCpu.jitMillis();
    ThreadCpu.Snapshot threadsBefore = ThreadCpu.snapshot();
    Load.Result load = Load.run(settings.requests(), settings.clients(), settings.maxTime(), operation);
    long cpu = ProcessCpu.nanos() - cpuBefore;
    long jit = ProcessCpu.jitMillis() - jitBefore;
    long dbAfter = serverCpu ? DatabaseServerCpu.postgresNanos() : -1;
    long dbCpu = dbBefore < 0 || dbAfter < 0 ? -1 : dbAfter - dbBefore;
    return new Timed(load, cpu, dbCpu, jit, ThreadCpu.millisByGroup(threadsBefore, ThreadCpu.snapshot(), cpu));
  }

  /** Counts the statements of a separate, untimed pass of {@code operation}. */
  private static Counted count(StatementCounter counter, BenchSettings settings, Load.Operation operation)
      throws Exception {
    int operations = Math.min(SQL_PASS, settings.requests());
    counter.drainBySql();
    StatementCounter.Snapshot before = counter.snapshot();
    counter.counting(true);
    try {
      Load.run(operations, settings.clients(), settings.maxTime(), operation);
    } finally {
      counter.counting(false);
    }
    return new Counted(counter.snapshot().minus(before), operations, counter.drainBySql());
  }

  private static BenchResult.Measured registrations(String phase, Phase measured, RegistrationCheck check,
      List<String> notes) {
    Map<String, String> answered = new LinkedHashMap<>();
    for (Load.Sample sample : measured.timed().load().samples()) {
      if (sample.ok()) {
        answered.put(sample.key(), RegistrationClient.requesterName(phase, sample.number()));
      }
    }
    String prefix = RegistrationClient.requesterName(phase, 0).replaceAll("\\d+$", "");
    RegistrationCheck.Outcome outcome = check.check(answered, prefix);
    if (outcome.rowsWithBenchNames() != answered.size()) {
      notes.add(phase + ": " + outcome.rowsWithBenchNames() + " request rows with bench names for "
          + answered.size() + " successful registrations");
    }
    outcome.problems().entrySet().stream().limit(5)
        .forEach(p -> notes.add(phase + ": " + p.getKey() + ": " + p.getValue()));
    return figures(measured, outcome.counted(), notes, phase);
  }

  /** Figures over the samples whose key was verified. */
  private static BenchResult.Measured figures(Phase measured, Set<String> verified, List<String> notes,
      String what) {
    Timed timed = measured.timed();
    Counted sql = measured.counted();
    timed.load().samples().stream().filter(s -> !s.ok()).limit(5)
        .forEach(s -> notes.add(what + " " + s.number() + " failed: " + s.error()));
    List<Long> latencies = timed.load().samples().stream().filter(s -> s.ok() && verified.contains(s.key()))
        .map(Load.Sample::nanos).sorted().toList();
    int counted = latencies.size();
    return new BenchResult.Measured(timed.load().samples().size(), counted,
        counted / (timed.load().elapsedNanos() / 1e9), BenchResult.percentile(latencies, 50),
        BenchResult.percentile(latencies, 95), per(sql.sql().statements(), sql.operations()),
        per(sql.sql().roundTrips(), sql.operations()), per(timed.cpuNanos() / 1e6, counted),
        timed.dbCpuNanos() < 0 ? Double.NaN : per(timed.dbCpuNanos() / 1e6, counted), timed.jitMillis());
  }

  /** Statements per operation by SQL text, most frequent first. */
  private static void writeSqlProfile(BenchDatabase database, String phase, Counted measured) throws IOException {
    int operations = measured.operations();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s, %s: statements per operation by SQL text (%d operations, %.1f in all)",
        database.label(), phase, operations, measured.sql().statements() / (double) operations));
    measured.bySql().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> lines.add(String.format(Locale.ROOT, "%6.2f  %s", (double) e.getValue() / operations,
            e.getKey())));
    Path file = REPORT.resolveSibling(database.name().toLowerCase(Locale.ROOT) + "-" + phase + "-sql.txt");
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
  }

  /** CPU per operation by thread group: where the phase's CPU went (HTTP server, clients, JIT, GC). */
  private static String threadLine(String what, Timed phase) {
    int operations = Math.max(1, phase.load().samples().size());
    StringBuilder line = new StringBuilder("CPU ms per operation by thread, " + what + ":");
    phase.cpuMillisByThread().entrySet().stream().limit(8).forEach(e -> line.append(String.format(Locale.ROOT,
        " %s %.2f;", e.getKey(), e.getValue() / operations)));
    return line.toString();
  }

  /** A progress line on standard output, with the time: a run takes minutes. */
  private static void progress(BenchDatabase database, String step) {
    System.out.println(java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"))
        + " bench " + database.label() + ": " + step);
  }

  private static double per(double total, int count) {
    return count == 0 ? Double.NaN : total / count;
  }
}
