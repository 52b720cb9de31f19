package nl.ymere.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.StaffBrowser;
import nl.ymere.privacy.support.StaffBrowser.Page;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The owner group's review screen of a destruction list (issue 17 item 2; RET-3): the desk sees its part, a keep-back
 * without a reason is a Dutch error that changes nothing, with reason and date the item is kept back, another group
 * gets 404, and completing the review records the reviewer (who then may not approve). The engine clock (ClockUtil)
 * is set to 2032; the sweep is ended after the test, so nothing is destroyed.
 */
@IntegrationTest
class RetentionReviewScreenTest {

  static final LocalDate TODAY = LocalDate.of(2032, 6, 16);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired LegalHolds legalHolds;
  @Autowired RetentionSweeps sweeps;

  String marker;
  String reference;
  final List<Long> holds = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(java.util.Date.from(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC)));
    marker = "RV" + System.nanoTime() % 1_000_000;
    // the shared demo data stay as they are: their subjects are held while this test lists them (RET-4)
    for (String tenancy : List.of("HV-100234", "HV-100235")) {
      holds.add(legalHolds.holdSubject(null, tenancy, "Testbewaarplicht demo", null, "officer"));
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    holds.forEach(id -> legalHolds.release(id, "fg"));
    if (reference != null) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
          .forEach(i -> ProductCalls.run(() -> engine.getRuntimeService().deleteProcessInstance(i.getId(),
              "test ended")));
    }
    assertThat(PersonalDataScan.of(dataSource).text("Lekkage " + marker, "Garantie " + marker).hits()).isEmpty();
  }

  @Test
  void theDeskKeepsAnItemBackOnTheScreenAndCompletesItsReview() throws Exception {
    long repair = repair(TODAY.minusYears(3));
    reference = start();
    String item = "repair-" + repair;
    long lineId = jdbc.queryForObject("SELECT i.id FROM privacy.retention_sweep_item i JOIN privacy.retention_sweep s "
        + "ON s.id = i.sweep_id WHERE s.reference = ? AND i.item_id = ?", Long.class, reference, item);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(RetentionSweepProcess.Elements.REVIEW_PART).taskCandidateGroup(Groups.PRIVACY_DESK)
        .singleResult();
    String path = "/werkbank/taken/" + task.getId() + "/bewaarlijst";

    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    assertThat(desk.get("/werkbank/taken/" + task.getId()).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo(path);
    Page screen = desk.get(path);
    assertThat(screen.status()).isEqualTo(200);
    assertThat(screen.byId("line-" + lineId).text()).contains(item, "repairs / repairs", "Vernietigen");
    assertThat(StaffBrowser.logIn(port, "facility").get(path).status()).isEqualTo(404);

    // no reason: a Dutch error, nothing changes
    Page refused = desk.submit(screen.byId("line-" + lineId).selectFirst("form"),
        List.of(Map.entry("reason", ""), Map.entry("reviewOn", TODAY.plusMonths(2).toString())));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.byId("line-" + lineId).selectFirst(".field-error").text()).contains("reden");
    assertThat(decision(lineId)).isEqualTo("DESTROY");

    Page kept = desk.submit(screen.byId("line-" + lineId).selectFirst("form"),
        List.of(Map.entry("reason", "Garantie " + marker), Map.entry("reviewOn", TODAY.plusMonths(2).toString())));
    assertThat(kept.status()).isEqualTo(302);
    assertThat(decision(lineId)).isEqualTo("KEPT_BACK");
    assertThat(desk.follow(kept).byId("line-" + lineId).text()).contains("Garantie " + marker, "Tegengehouden");

    Page done = desk.submit(desk.get(path).byId("complete").selectFirst("form"), List.of());
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(jdbc.queryForObject("SELECT reviewed_by FROM privacy.retention_sweep_review r JOIN "
        + "privacy.retention_sweep s ON s.id = r.sweep_id WHERE s.reference = ? AND r.owner_group = ?", String.class,
        reference, Groups.PRIVACY_DESK)).isEqualTo("desk");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(desk.get(path).status()).as("the task is done").isEqualTo(404);
  }

  private String start() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> started = rest.withBasicAuth("officer", "officer").exchange("/api/retention-sweeps",
        HttpMethod.POST, new HttpEntity<>(null, headers), String.class);
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
    return json.readTree(started.getBody()).get("sweep").get("reference").asText();
  }

  private long repair(LocalDate completedOn) {
    String tenancy = "HV-" + marker;
    jdbc.update("INSERT INTO privacy.repair_request (tenancy_number, reporter_name, contact_phone, address, "
            + "description, reported_on, completed_on, contractor) VALUES (?,?,?,?,?,?,?,?)", tenancy,
        "Melder " + marker, "06-99999999", "Teststraat 1", "Lekkage " + marker,
        Date.valueOf(completedOn.minusDays(5)), Date.valueOf(completedOn), "Aannemer");
    return jdbc.queryForObject("SELECT MAX(id) FROM privacy.repair_request WHERE tenancy_number = ?", Long.class,
        tenancy);
  }

  private String decision(long lineId) {
    return jdbc.queryForObject("SELECT decision FROM privacy.retention_sweep_item WHERE id = ?", String.class, lineId);
  }
}
