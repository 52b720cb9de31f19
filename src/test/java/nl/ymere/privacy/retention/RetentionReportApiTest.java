package nl.ymere.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/retention/report?year=}, its CSV and its page (issue 17 item 6): per category the items destroyed,
 * anonymised, kept back with reasons and held in the sweeps of that year; the running holds; the next sweep. A bad
 * year is a 400 problem. The engine clock (ClockUtil, which the product's Clock follows) is set to 2035.
 */
@IntegrationTest
class RetentionReportApiTest {

  static final LocalDate SWEPT = LocalDate.of(2034, 3, 1);

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired LegalHolds legalHolds;

  long hold;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2035-06-01T10:00:00Z")));
    hold = legalHolds.holdSubject(null, "HV-RAPPORT", "Procedure", null, "officer");
  }

  @AfterEach
  void tearDown() {
    legalHolds.release(hold, "fg");
    ClockUtil.reset();
  }

  @Test
  void theReportCountsTheYearsSweepsPerCategoryWithReasonsHoldsAndTheNextSweep() throws Exception {
    long entry = jdbc.queryForObject("SELECT MIN(id) FROM privacy.retention_schedule WHERE source_system = 'repairs'",
        Long.class);
    jdbc.update("INSERT INTO privacy.retention_sweep (reference, swept_on, status) VALUES ('BEW-2034-0901', ?, "
        + "'DONE')", Date.valueOf(SWEPT));
    long sweep = jdbc.queryForObject("SELECT id FROM privacy.retention_sweep WHERE reference = 'BEW-2034-0901'",
        Long.class);
    Timestamp done = Timestamp.from(Instant.parse("2034-03-05T10:00:00Z"));
    line(sweep, "repair-90001", entry, "DESTROY", null, done);
    line(sweep, "repair-90002", entry, "DESTROY", null, done);
    line(sweep, "repair-90003", entry, "DESTROY", null, null); // not executed: not counted as destroyed
    line(sweep, "repair-90004", entry, "KEPT_BACK", "Garantieclaim loopt nog", null);
    line(sweep, "repair-90005", entry, "HELD", null, null);

    ResponseEntity<String> answer = rest.withBasicAuth("fg", "fg").getForEntity("/api/retention/report?year=2034",
        String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode report = json.readTree(answer.getBody());
    assertThat(report.get("year").asInt()).isEqualTo(2034);
    JsonNode repairs = null;
    for (JsonNode category : report.get("categories")) {
      if (category.get("system").asText().equals("repairs")) {
        repairs = category;
      }
    }
    assertThat(repairs).isNotNull();
    assertThat(repairs.get("destroyed").asLong()).isEqualTo(2);
    assertThat(repairs.get("anonymised").asLong()).isZero();
    assertThat(repairs.get("keptBack").asLong()).isEqualTo(1);
    assertThat(repairs.get("held").asLong()).isEqualTo(1);
    assertThat(repairs.get("keptBackReasons").get(0).get("reason").asText()).isEqualTo("Garantieclaim loopt nog");
    assertThat(repairs.get("keptBackReasons").get(0).get("sweep").asText()).isEqualTo("BEW-2034-0901");
    // every schedule category is on the report, also one without anything this year
    assertThat(report.get("categories").findValuesAsText("system")).contains("tenancy", "complaint", "breach");
    assertThat(report.get("openHolds").findValuesAsText("id")).contains(String.valueOf(hold));
    // the sweep's timer (Camunda cron "0 0 2 1 * ?") runs in the engine's time zone, the JVM's (Europe/Amsterdam in
    // production, see application.yml privacy.retention.sweep-cycle)
    ZonedDateTime next = Instant.parse(report.get("nextSweep").asText()).atZone(ZoneId.systemDefault());
    assertThat(next.getDayOfMonth()).isEqualTo(1);
    assertThat(next.getHour()).isEqualTo(2);

    // another year shows none of it
    JsonNode other = json.readTree(rest.withBasicAuth("officer", "officer")
        .getForEntity("/api/retention/report?year=2033", String.class).getBody());
    for (JsonNode category : other.get("categories")) {
      if (category.get("system").asText().equals("repairs")) {
        assertThat(category.get("destroyed").asLong()).isZero();
      }
    }

    ResponseEntity<String> csv = rest.withBasicAuth("officer", "officer")
        .getForEntity("/api/retention/report.csv?year=2034", String.class);
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("jaar;systeem;categorie;vernietigd;geanonimiseerd;tegengehouden;")
        .contains("2034;repairs;repairs;2;0;1;1;repair-90004: Garantieclaim loopt nog (tot 2034-06-01)");

    ResponseEntity<String> page = rest.withBasicAuth("officer", "officer")
        .getForEntity("/werkbank/bewaarrapport?year=2034", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Bewaarrapport", "2034", "Garantieclaim loopt nog", "Download als CSV");
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/api/retention/report?year=2034", String.class)
        .getStatusCode().value()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1999", "2036", "20x4", "-1"})
  void aBadYearIsA400Problem(String year) {
    ResponseEntity<String> answer = rest.withBasicAuth("officer", "officer")
        .getForEntity("/api/retention/report?year=" + year, String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity("/api/retention/report.csv?year=" + year,
        String.class).getStatusCode().value()).isEqualTo(400);
  }

  private void line(long sweep, String item, long entry, String decision, String reason, Timestamp executed) {
    jdbc.update("INSERT INTO privacy.retention_sweep_item (sweep_id, source_system, category, item_id, "
            + "schedule_entry_id, owner_group, trigger_year, decision, keep_reason, review_on, kept_back_by, "
            + "executed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", sweep, "repairs", "repairs", item, entry,
        "privacy-desk", 2031, decision, reason, reason == null ? null : Date.valueOf(SWEPT.plusMonths(3)),
        reason == null ? null : "desk", executed);
  }
}
