package nl.ymere.privacy.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.breach.BreachProcess.Elements;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The trust boundary of {@code data-breach} through {@code /engine-rest} and the webapps' engine API (DESIGN principle
 * 9, issue 18): an operator who moves a breach past its risk decision to the AP notification gets nothing recorded,
 * because the notification checks a confirmed decision in {@code privacy.breach}; a submit that brings its own
 * {@code riskDecision} or {@code riskDecider} is refused; the decider cannot confirm their own decision through either
 * door. Nothing changes in the product's or the engine's tables.
 */
@IntegrationTest
class BreachDecisionAttackTest {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired BreachTestSupport support;

  String marker;

  @BeforeEach
  void setUp() {
    marker = "aanval-" + (System.nanoTime() % 1_000_000);
    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-03T16:30+02:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String message(EngineDoors.Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }

  @Test
  void aBreachMovedPastItsDecisionRecordsNoNotification() throws Exception {
    String reference = support.report("facility", BreachTestSupport.report(marker,
        OffsetDateTime.parse("2026-04-03T16:00+02:00")));
    support.recordAwareness(reference, OffsetDateTime.parse("2026-04-03T16:00+02:00"), null);
    String pid = support.breach(reference).processInstanceId();
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    assertThat(admin.post("/process-instance/" + pid + "/modification", """
        {"instructions":[{"type":"startBeforeActivity","activityId":"%s"},{"type":"cancel","activityId":"%s"}]}"""
        .formatted(Elements.NOTIFY_AP, Elements.ASSESS_RISK)).status()).isEqualTo(204);
    String task = support.task(reference, Elements.NOTIFY_AP).getId();
    assertThat(EngineDoors.as(Door.WEBAPP, port, "officer").post("/task/" + task + "/claim",
        "{\"userId\":\"officer\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors.Response notice = EngineDoors.as(door, port, "officer").post("/task/" + task + "/submit-form", """
          {"variables":{"notifiedAt":{"value":"2026-04-03T16:20+02:00"},"apCaseNumber":{"value":"AP-1"},
            "notificationComplete":{"value":true}}}""");
      assertThat(notice.status()).as(door + " " + notice.body()).isEqualTo(403);
      assertThat(message(notice)).contains("bevestigd besluit");

      EngineDoors.Response forged = EngineDoors.as(door, port, "officer").post("/task/" + task + "/submit-form", """
          {"variables":{"notifiedAt":{"value":"2026-04-03T16:20+02:00"},"apCaseNumber":{"value":"AP-1"},
            "notificationComplete":{"value":true},"riskDecision":{"value":"RISK"},
            "riskDecider":{"value":"deskofficer"}}}""");
      assertThat(forged.status()).as(door + " " + forged.body()).isEqualTo(400);
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertThat(support.breach(reference).status()).isEqualTo("AWARE");
  }

  @Test
  void theDeciderCannotConfirmTheirOwnDecisionThroughTheEngineApi() throws Exception {
    OffsetDateTime awareness = OffsetDateTime.parse("2026-04-03T16:00+02:00");
    String reference = support.report("facility", BreachTestSupport.report(marker, awareness));
    support.recordAwareness(reference, awareness, null);
    support.assess(reference, Map.of(), marker);
    support.adviseFg(reference, marker);
    support.decide("officer", reference, "RISK", marker);
    String task = support.task(reference, Elements.CONFIRM_RISK).getId();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors.Response claim = EngineDoors.as(door, port, "officer").post("/task/" + task + "/claim",
          "{\"userId\":\"officer\"}");
      assertThat(claim.status()).as(door + " " + claim.body()).isEqualTo(403);
      EngineDoors.Response confirm = EngineDoors.as(door, port, "officer").post("/task/" + task + "/submit-form",
          "{\"variables\":{\"riskConfirmed\":{\"value\":true}}}");
      assertThat(confirm.status()).as(door + " " + confirm.body()).isEqualTo(403);
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertThat(support.breach(reference).confirmedBy()).isNull();
  }
}
