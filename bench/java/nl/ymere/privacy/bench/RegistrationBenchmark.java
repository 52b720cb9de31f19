package nl.ymere.privacy.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
 * port), registers requests through {@code POST /api/requests} with concurrent clients, then starts the one-task
 * process {@code bench-one-task} the same number of times on the same engine with as many threads, and checks
 * afterwards which registrations really committed (RegistrationCheck). Prints requests per second, p50/p95
 * latency, SQL statements per request and per bare start and the ratio of the two rates, and writes the table to
 * {@code target/bench/registration.txt}. Fails only when a registration did not commit completely, not on speed.
 */
class RegistrationBenchmark {

  private static final Path REPORT = Path.of("target", "bench", "registration.txt");

  @Test
  void registrationThroughputAgainstTheBareEngine() throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    List<BenchResult> results = new ArrayList<>();
    for (BenchDatabase database : settings.databases()) {
      BenchResult result = run(database, settings);
      results.add(result);
      System.out.println(BenchResult.table(List.of(result), settings));
    }
    String table = BenchResult.table(results, settings);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, table);
    System.out.println();
    System.out.println(table);
    System.out.println("Written to " + REPORT.toAbsolutePath());
    for (BenchResult result : results) {
      assertThat(result.counted()).as(result.database() + ": registrations that committed completely")
          .isEqualTo(result.attempted());
      assertThat(result.bareStarted()).as(result.database() + ": bare starts").isEqualTo(settings.requests());
    }
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
      BareEngineStarts bare = new BareEngineStarts(engine);
      bare.deploy();

      // warm-up: JIT, connection pool, deployment cache, authorization caches
      Load.run(settings.warmup(), settings.clients(), settings.maxTime(), n -> client.register("Warmup", n));
      Load.run(settings.warmup(), settings.clients(), settings.maxTime(), n -> bare.start("warmup", n));

      counter.drainBySql();
      StatementCounter.Snapshot before = counter.snapshot();
      long cpuBefore = ProcessCpu.nanos();
      Load.Result registrations = Load.run(settings.requests(), settings.clients(), settings.maxTime(),
          n -> client.register("Requester", n));
      StatementCounter.Snapshot registrationSql = counter.snapshot().minus(before);
      long registrationCpu = ProcessCpu.nanos() - cpuBefore;
      Map<String, Long> registrationProfile = counter.drainBySql();

      before = counter.snapshot();
      cpuBefore = ProcessCpu.nanos();
      Load.Result starts = Load.run(settings.requests(), settings.clients(), settings.maxTime(),
          n -> bare.start("measured", n));
      StatementCounter.Snapshot startSql = counter.snapshot().minus(before);
      long startCpu = ProcessCpu.nanos() - cpuBefore;
      Map<String, Long> startProfile = counter.drainBySql();
      if (settings.sqlProfile()) {
        writeSqlProfile(database, "registration", registrationProfile, registrations.samples().size());
        writeSqlProfile(database, "bare-start", startProfile, starts.samples().size());
      }

      return result(database, historyLevel, registrations, registrationSql, registrationCpu, starts, startSql, startCpu,
          new RegistrationCheck(context.getBean(JdbcTemplate.class), engine), bare);
    }
  }

  private static BenchResult result(BenchDatabase database, String historyLevel, Load.Result registrations,
      StatementCounter.Snapshot registrationSql, long registrationCpu, Load.Result starts,
      StatementCounter.Snapshot startSql, long startCpu,
      RegistrationCheck check, BareEngineStarts bare) {
    List<String> notes = new ArrayList<>();
    Map<String, String> answered = new LinkedHashMap<>();
    for (Load.Sample sample : registrations.samples()) {
      if (sample.ok()) {
        answered.put(sample.key(), RegistrationClient.requesterName("Requester", sample.number()));
      } else if (notes.size() < 5) {
        notes.add("request " + sample.number() + " failed: " + sample.error());
      }
    }
    RegistrationCheck.Outcome outcome = check.check(answered, "Bench Requester ");
    if (outcome.rowsWithBenchNames() != answered.size()) {
      notes.add(outcome.rowsWithBenchNames() + " request rows with bench names for " + answered.size()
          + " answers 201");
    }
    outcome.problems().entrySet().stream().limit(5).forEach(p -> notes.add(p.getKey() + ": " + p.getValue()));
    List<Long> latencies = registrations.samples().stream().filter(s -> outcome.counted().contains(s.key()))
        .map(Load.Sample::nanos).sorted().toList();

    Set<String> waiting = bare.waitingAtTask();
    List<Long> startLatencies = starts.samples().stream().filter(s -> s.ok() && waiting.contains(s.key()))
        .map(Load.Sample::nanos).sorted().toList();
    starts.samples().stream().filter(s -> !s.ok()).limit(5)
        .forEach(s -> notes.add("bare start " + s.number() + " failed: " + s.error()));

    int counted = latencies.size();
    int started = startLatencies.size();
    return new BenchResult(database.label(), historyLevel, registrations.samples().size(), counted,
        perSecond(counted, registrations.elapsedNanos()), BenchResult.percentile(latencies, 50),
        BenchResult.percentile(latencies, 95), per(registrationSql.statements(), counted),
        per(registrationSql.roundTrips(), counted), per(registrationCpu / 1e6, counted), started,
        perSecond(started, starts.elapsedNanos()), BenchResult.percentile(startLatencies, 50),
        per(startSql.statements(), started), per(startSql.roundTrips(), started), per(startCpu / 1e6, started), notes);
  }

  /** Statements per operation by SQL text, most frequent first. */
  private static void writeSqlProfile(BenchDatabase database, String phase, Map<String, Long> bySql, int operations)
      throws java.io.IOException {
    List<String> lines = bySql.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%6.2f  %s", (double) e.getValue() / operations, e.getKey()))
        .collect(Collectors.toList());
    lines.add(0, String.format(Locale.ROOT, "%s, %s: statements per operation by SQL text (%d operations, %.1f in all)",
        database.label(), phase, operations, bySql.values().stream().mapToLong(Long::longValue).sum()
            / (double) operations));
    Path file = REPORT.resolveSibling(database.name().toLowerCase() + "-" + phase + "-sql.txt");
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
  }

  private static double perSecond(int count, long nanos) {
    return count / (nanos / 1e9);
  }

  private static double per(double total, int count) {
    return count == 0 ? Double.NaN : (double) total / count;
  }
}
