package nl.ymere.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import nl.ymere.privacy.PrivacyApplication;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.PostgresTestServer;
import nl.ymere.privacy.support.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 17 "a crash in the middle (killed JVM, restarted) leaves no item half-deleted and resumes" (RET-2, RET-3),
 * with the real product: the application runs in a child JVM on a PostgreSQL database of its own (dropped and
 * created here, named after the test database); the test generates a few thousand expired repair requests over
 * JDBC, starts a sweep through {@code POST /api/retention-sweeps}, has every owner group review its part and a privacy
 * officer who reviewed nothing approve the list through the engine REST API as Tasklist does (the demo users), and
 * kills the child with SIGKILL ({@link Process#destroyForcibly()}) while the destruction job is halfway. Then: every
 * line marked executed is gone from the source, every other item is still there with all its columns. A second child
 * on the same database takes the job over and finishes the sweep: every item gone exactly once, the anonymous counts
 * equal the number generated, the certificate issued. Runs in Failsafe; skipped without PostgreSQL, failed when
 * CI=true.
 */
@RequiresPostgres
class RetentionSweepCrashIT {

  static final int ITEMS = 2500;
  static final String TENANCY = "HV-CRASH1";
  /** Kill when this many lines are done: well inside the list, so both children do a real part. */
  static final int KILL_AFTER = ITEMS / 2;
  static final Duration START_LIMIT = Duration.ofSeconds(240);
  static final Duration SWEEP_LIMIT = Duration.ofSeconds(240);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> children = new ArrayList<>();
  private Path work;
  private String database;
  private JdbcTemplate jdbc;

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
        child.waitFor();
      }
    }
  }

  @Test
  void aKilledSweepLeavesNoItemHalfDeletedAndResumesOnTheNextNode() throws Exception {
    database = PostgresTestServer.testDatabaseName() + "_retention_crash";
    PostgresTestServer.recreateDatabase(database);
    jdbc = new JdbcTemplate(new DriverManagerDataSource(PostgresTestServer.urlOf(database), PostgresTestServer.USER,
        PostgresTestServer.PASSWORD));
    work = Files.createDirectories(Path.of("target", "retention-crash-it"));

    Child first = start("crash-it-1");
    // the demo subjects are held meanwhile, as in RetentionSweepVolumeTest: the list is (almost) only ours
    hold(first, Map.of("tenancyNumber", "HV-100234"));
    hold(first, Map.of("tenancyNumber", "HV-100235"));
    hold(first, Map.of("email", "jan.devries@example.org"));
    hold(first, Map.of("email", "fatma.yilmaz@example.org"));
    Map<Long, Map<String, Object>> generated = generate();

    String reference = json.readTree(first.call("officer", "POST", "/api/retention-sweeps", "", 201))
        .path("sweep").path("reference").asText();
    assertThat(reference).startsWith("BEW-");
    long sweepId = jdbc.queryForObject("SELECT id FROM privacy.retention_sweep WHERE reference = ?", Long.class,
        reference);
    Set<String> ours = generated.keySet().stream().map(id -> "repair-" + id).collect(Collectors.toSet());
    assertThat(jdbc.queryForList("SELECT item_id FROM privacy.retention_sweep_item WHERE sweep_id = ? "
        + "AND decision = 'DESTROY'", String.class, sweepId)).containsAll(ours);
    int listed = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_sweep_item WHERE sweep_id = ? "
        + "AND decision IN ('DESTROY', 'ANONYMISE')", Integer.class, sweepId);

    reviewEveryPart(first, reference);
    approve(first, reference);

    // the destruction job runs on the first child; kill it in the middle
    waitUntil(first, Duration.ofSeconds(60), "the destruction job to start", () -> executed(sweepId) >= KILL_AFTER);
    first.process().destroyForcibly();
    first.process().waitFor();
    int executedAtKill = executed(sweepId);
    assertThat(executedAtKill).as("killed in the middle; more items if the sweep finished first").isLessThan(listed);
    assertThat(jdbc.queryForObject("SELECT status FROM privacy.retention_sweep WHERE id = ?", String.class, sweepId))
        .isEqualTo("APPROVED");

    // no item half-deleted: executed lines are gone from the source, the others are there with every column
    Set<String> marked = new HashSet<>(jdbc.queryForList("SELECT item_id FROM privacy.retention_sweep_item "
        + "WHERE sweep_id = ? AND executed_at IS NOT NULL", String.class, sweepId));
    Map<Long, Map<String, Object>> remaining = rows(generated.keySet());
    int gone = 0;
    for (Map.Entry<Long, Map<String, Object>> item : generated.entrySet()) {
      if (marked.contains("repair-" + item.getKey())) {
        assertThat(remaining).as("item %s marked executed", item.getKey()).doesNotContainKey(item.getKey());
        gone++;
      } else {
        assertThat(remaining.get(item.getKey())).as("item %s not marked executed", item.getKey())
            .isEqualTo(item.getValue());
      }
    }
    assertThat(remaining).hasSize(ITEMS - gone);

    // a second node on the same database takes the job over once the dead node's lock has expired
    long restarted = System.nanoTime();
    Child second = start("crash-it-2");
    waitUntil(second, SWEEP_LIMIT, "the sweep to be done with its certificate",
        () -> Boolean.TRUE.equals(jdbc.queryForObject("SELECT status = 'DONE' AND certificate IS NOT NULL "
            + "FROM privacy.retention_sweep WHERE id = ?", Boolean.class, sweepId)));
    long resumedSeconds = (System.nanoTime() - restarted) / 1_000_000_000;

    assertThat(rows(generated.keySet())).as("generated items left").isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_sweep_item WHERE sweep_id = ? "
        + "AND decision IN ('DESTROY', 'ANONYMISE') AND executed_at IS NULL", Integer.class, sweepId)).isZero();
    assertThat(executed(sweepId)).isEqualTo(listed);
    // each item once: one line per item, and the anonymous count (written once, when the sweep is done) equals them
    assertThat(jdbc.queryForObject("SELECT COUNT(*) - COUNT(DISTINCT item_id) FROM privacy.retention_sweep_item "
        + "WHERE sweep_id = ?", Integer.class, sweepId)).isZero();
    int trigger = LocalDate.now().minusYears(3).getYear();
    assertThat(jdbc.queryForObject("SELECT SUM(item_count) FROM privacy.retention_statistic WHERE "
        + "source_system = 'repairs' AND end_action = 'DESTROY' AND trigger_year = ?", Long.class, trigger))
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_sweep_item WHERE sweep_id = ? AND "
            + "source_system = 'repairs' AND decision = 'DESTROY' AND trigger_year = ? AND executed_at IS NOT NULL",
            Long.class, sweepId, trigger))
        .isGreaterThanOrEqualTo(ITEMS);
    assertThat(jdbc.queryForObject("SELECT SUM(item_count) FROM privacy.retention_statistic", Long.class))
        .isEqualTo(listed);
    byte[] certificate = second.bytes("fg", "/api/retention-sweeps/" + reference + "/certificate");
    assertThat(RetentionSweepProcessContract.pdfText(certificate)).contains("Vernietigingsverklaring " + reference,
        "Goedgekeurd door officer");
    JsonNode instance = json.readTree(second.call("demo", "GET", "/engine-rest/history/process-instance?"
        + "processInstanceBusinessKey=" + reference, null, 200));
    assertThat(instance).hasSize(1);
    assertThat(instance.get(0).path("state").asText()).isEqualTo("COMPLETED");

    System.out.printf("RETENTION SWEEP CRASH: %d generated items (%d on the list), %d executed when the first node "
            + "was killed, sweep done %d s after the second node was started%n", ITEMS, listed, executedAtKill,
        resumedSeconds);
  }

  /** Expired repair requests of one tenancy (as RetentionSweepVolumeTest), with each row as it was written. */
  private Map<Long, Map<String, Object>> generate() {
    LocalDate completed = LocalDate.now().minusYears(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      rows.add(new Object[] {TENANCY, "Huurder " + i, "06-" + i, "Straat " + i, "Reparatie " + i,
          Date.valueOf(completed.minusDays(3)), Date.valueOf(completed), "Aannemer"});
    }
    jdbc.batchUpdate("INSERT INTO privacy.repair_request (tenancy_number, reporter_name, contact_phone, address, "
        + "description, reported_on, completed_on, contractor) VALUES (?,?,?,?,?,?,?,?)", rows);
    Map<Long, Map<String, Object>> written = new HashMap<>();
    jdbc.query(ROW + " WHERE tenancy_number = ?", rs -> {
      written.put(rs.getLong("id"), row(rs));
    }, TENANCY);
    assertThat(written).hasSize(ITEMS);
    return written;
  }

  private static final String ROW = "SELECT id, tenancy_number, reporter_name, contact_phone, address, description, "
      + "reported_on, completed_on, contractor FROM privacy.repair_request";

  private static Map<String, Object> row(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, Object> row = new HashMap<>();
    for (String column : List.of("tenancy_number", "reporter_name", "contact_phone", "address", "description",
        "reported_on", "completed_on", "contractor")) {
      row.put(column, rs.getObject(column));
    }
    return row;
  }

  /** The rows with these ids still in the source, whatever their columns now hold. */
  private Map<Long, Map<String, Object>> rows(Set<Long> ids) {
    long from = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    long to = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
    Map<Long, Map<String, Object>> found = new HashMap<>();
    jdbc.query(ROW + " WHERE id BETWEEN ? AND ?", rs -> {
      if (ids.contains(rs.getLong("id"))) {
        found.put(rs.getLong("id"), row(rs));
      }
    }, from, to);
    return found;
  }

  private int executed(long sweepId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_sweep_item WHERE sweep_id = ? "
        + "AND executed_at IS NOT NULL", Integer.class, sweepId);
  }

  private void hold(Child child, Map<String, String> scope) throws Exception {
    Map<String, Object> body = Map.of("kind", "LITIGATION", "reason", "Crashtest bewaartermijncontrole", "scope",
        scope);
    child.call("officer", "POST", "/api/legal-holds", json.writeValueAsString(body), 201);
  }

  /** Every owner group's part, as a member of the group would in Tasklist: claim, then complete the form. */
  private void reviewEveryPart(Child child, String reference) throws Exception {
    JsonNode reviews = tasks(child, reference, RetentionSweepProcess.Elements.REVIEW_PART);
    assertThat(reviews).isNotEmpty();
    for (JsonNode task : reviews) {
      String id = task.path("id").asText();
      String group = null;
      for (JsonNode link : json.readTree(child.call("demo", "GET", "/engine-rest/task/" + id
          + "/identity-links?type=candidate", null, 200))) {
        group = link.path("groupId").isTextual() ? link.path("groupId").asText() : group;
      }
      complete(child, id, reviewerOf(group), "{}");
    }
  }

  private void approve(Child child, String reference) throws Exception {
    JsonNode approval = tasks(child, reference, RetentionSweepProcess.Elements.APPROVE_LIST);
    assertThat(approval).hasSize(1);
    complete(child, approval.get(0).path("id").asText(), "officer", "{\"destructionApproved\":{\"value\":true}}");
  }

  private JsonNode tasks(Child child, String reference, String element) throws Exception {
    return json.readTree(child.call("demo", "GET", "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + element, null, 200));
  }

  private void complete(Child child, String taskId, String user, String variables) throws Exception {
    child.call(user, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}", 204);
    child.call(user, "POST", "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variables + "}",
        204, 200);
  }

  /** A demo user of the owner group who is no privacy officer (the approver must have reviewed nothing). */
  private static String reviewerOf(String group) {
    return switch (Objects.requireNonNull(group, "review task without candidate group")) {
      case Groups.PRIVACY_DESK -> "desk";
      case Groups.NUISANCE_TEAM -> "nuisance";
      case Groups.HOUSING_ADAPTATION -> "adaptation";
      case Groups.FACILITY -> "facility";
      default -> throw new IllegalStateException("no demo reviewer for owner group " + group);
    };
  }

  // ------------------------------------------------------------------------------------------------ child JVMs

  /** One node of the product in its own JVM. */
  private record Child(Process process, String base, Path log, RetentionSweepCrashIT test) {

    String call(String user, String method, String path, String body, int... expected) throws Exception {
      HttpResponse<String> response = test.http.send(request(user, path).method(method, body == null
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
        fail("%s %s as %s: %d %s", method, path, user, response.statusCode(), response.body());
      }
      return response.body();
    }

    byte[] bytes(String user, String path) throws Exception {
      HttpResponse<byte[]> response = test.http.send(request(user, path).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
      return response.body();
    }

    private HttpRequest.Builder request(String user, String path) {
      // the demo users' passwords are their names
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").header("Authorization", "Basic "
              + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * Starts the application (profiles demo and postgres, as .ci/operaton-switch-over does) on the test's database and
   * a free port, and waits until it is healthy. The classpath is this JVM's without the test classes, so no test
   * configuration is scanned into the product.
   */
  private Child start(String node) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
    Path log = work.resolve(node + ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a server in UTC: main makes privacy.time-zone (Europe/Amsterdam) the JVM's zone, as in production
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-cp", classpath,
        PrivacyApplication.class.getName(),
        "--spring.profiles.active=demo,postgres",
        "--server.port=" + port,
        "--privacy.demo.smtp-port=0",
        "--privacy.node-id=" + node,
        "--spring.datasource.url=" + PostgresTestServer.urlOf(database),
        // The engine's normal recovery from a dead node: the job it had locked becomes acquirable again when the
        // lock expires (default 5 minutes), and another node executes it. Only shortened here, so the second node
        // takes the job over as soon as it is up; an idle node looks for due jobs at least every 5 s (default up to
        // 60 s). Not shorter: a lock that expires while its own node still runs the job lets a node take the job a
        // second time (harmless here, every item has its done mark, but the loser's failure fills the log); the
        // rest of the list takes about 10 s on a busy 2-core machine.
        "--camunda.bpm.job-execution.lock-time-in-millis=30000",
        "--camunda.bpm.job-execution.max-wait=5000");
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    children.add(process);
    Child child = new Child(process, "http://127.0.0.1:" + port, log, this);
    waitUntil(child, START_LIMIT, node + " to be healthy", () -> healthy(child));
    return child;
  }

  private boolean healthy(Child child) {
    try {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(child.base() + "/actuator/health"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Polls an external process (no engine clock to drive here), bounded; fails with the child's log tail. */
  private void waitUntil(Child child, Duration limit, String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (!child.process().isAlive()) {
        fail("the child JVM ended while waiting for %s:%n%s", what, tail(child.log()));
      }
      if (System.nanoTime() > deadline) {
        fail("no %s after %d s:%n%s", what, limit.toSeconds(), tail(child.log()));
      }
      Thread.sleep(25);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
