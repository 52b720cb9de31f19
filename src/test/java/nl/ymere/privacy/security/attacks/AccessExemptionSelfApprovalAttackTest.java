package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.access.AccessRequestProcess;
import nl.ymere.privacy.access.AccessRequestProcess.Elements;
import nl.ymere.privacy.access.AccessTestSupport;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 finding 3 (ACC-3, ACC-4, LET-3): the user who withheld or redacted items through the access review API
 * could approve the exemptions, because only the review task's completer was excluded, and the letter then said two
 * people assessed it. Here {@code deskofficer} (privacy desk and privacy officer) decides the flagged items, one of
 * them redacted, and {@code desk} completes the review; {@code deskofficer} is refused the approval through
 * {@code /engine-rest} and the webapps' engine API, an operator's modification to the dossier or letter step is
 * refused too, and nothing changes in the product's tables, the engine's tables or the outbox. Only the approval of a
 * privacy officer who decided nothing ({@code officer}) lets the letter say "twee medewerkers".
 */
@IntegrationTest
class AccessExemptionSelfApprovalAttackTest {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired RequestTestSupport support;
  @Autowired AccessTestSupport access;

  String reference;
  String task;

  @BeforeEach
  void setUp() {
    support.setNow(RECEIVED, 10, 0);
    reference = access.startAccess(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL, RECEIVED);
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of("tenancyNumber", AccessTestSupport.TENANCY));
    // the work note withheld by desk; the flagged items (the nuisance file names the neighbour: redacted) by
    // deskofficer, who is also a privacy officer
    access.decideDemoTenantItems(reference, "desk", "deskofficer");
    support.complete("desk", reference, Elements.REVIEW_ITEMS, Map.of());
    task = support.task(reference, Elements.APPROVE_EXEMPTIONS).getId();
    assertThat(jdbc.queryForList("SELECT decided_by FROM privacy.access_item_decision WHERE request_reference = ? "
        + "AND decision = 'REDACT'", String.class, reference)).contains("deskofficer");
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        AccessTestSupport.TENANCY, AccessTestSupport.NEIGHBOUR).hits()).isEmpty();
  }

  @Test
  void whoRedactedAnItemCannotApproveTheExemptionsThroughEitherDoor() throws Exception {
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    // the task is hidden from the decider (a REVOKE authorization, as from the review's completer)
    for (Door door : Door.values()) {
      EngineDoors decider = EngineDoors.as(door, port, "deskofficer");
      assertThat(decider.post("/task/" + task + "/claim", "{\"userId\":\"deskofficer\"}").status()).isEqualTo(403);
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();

    // finding 4 as well: an operator deletes the REVOKE; the decision still rests on the product's tables
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    JsonNode revokes = json.readTree(admin.get("/authorization?type=2&userIdIn=deskofficer&resourceType=7"
        + "&resourceId=" + task).body());
    assertThat(revokes).isNotEmpty();
    for (JsonNode revoke : revokes) {
      assertThat(admin.delete("/authorization/" + revoke.path("id").asText()).status()).isEqualTo(204);
    }
    before = DatabaseFingerprint.of(dataSource);
    for (Door door : Door.values()) {
      EngineDoors decider = EngineDoors.as(door, port, "deskofficer");
      EngineDoors.Response claim = decider.post("/task/" + task + "/claim", "{\"userId\":\"deskofficer\"}");
      EngineDoors.Response complete = decider.post("/task/" + task + "/submit-form",
          "{\"variables\":{\"exemptionsApproved\":{\"value\":true}}}");
      assertThat(claim.status()).as(door + " " + claim.body()).isEqualTo(403);
      assertThat(message(claim)).contains("Vier ogen", "deskofficer");
      assertThat(complete.status()).as(door + " " + complete.body()).isEqualTo(403);
      assertThat(message(complete)).contains("Vier ogen");
    }

    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNoAnswer();
  }

  @Test
  void anOperatorCannotReachTheDossierOrTheLetterWithoutTheApproval() throws Exception {
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(AccessRequestProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult().getId();
    for (Door door : Door.values()) {
      EngineDoors admin = EngineDoors.as(door, port, "demo");
      for (String step : new String[] {Elements.COMPILE_DOSSIER, Elements.SEND_LETTER}) {
        DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
        EngineDoors.Response modification = admin.post("/process-instance/" + instance + "/modification", """
            {"skipCustomListeners":true,"instructions":[{"type":"startBeforeActivity","activityId":"%s",
              "variables":{"exemptionsApproved":{"value":true}}}]}""".formatted(step));

        assertThat(modification.status()).as(door + " " + step + " " + modification.body()).isEqualTo(403);
        assertThat(message(modification)).contains(reference, "tweede medewerker", "ACC-4");
        assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.OPERATOR_ACTION")).isEmpty();
      }
    }
    assertNoAnswer();
  }

  @Test
  void aPrivacyOfficerWhoDecidedNothingApprovesAndOnlyThenTheLetterSaysTwoPeopleAssessedIt() {
    support.complete("officer", reference, Elements.APPROVE_EXEMPTIONS, Map.of("exemptionsApproved", true));

    assertThat(jdbc.queryForObject("SELECT decided_by FROM privacy.access_exemption_approval WHERE "
        + "request_reference = ? AND verdict = 'APPROVED'", String.class, reference)).isEqualTo("officer");
    assertThat(support.outbox(reference)).filteredOn(m -> "access-answer".equals(m.get("template")))
        .extracting(m -> (String) m.get("body_html")).singleElement().asString()
        .contains("gedeeltelijk toegewezen", "Dit besluit is door twee medewerkers beoordeeld",
            "Two members of staff have assessed this decision");
  }

  private void assertNoAnswer() {
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).doesNotContain("access-answer");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.access_dossier WHERE request_reference = ?",
        Long.class, reference)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.access_exemption_approval WHERE "
        + "request_reference = ?", Long.class, reference)).isZero();
  }

  private String message(EngineDoors.Response response) throws Exception {
    JsonNode body = json.readTree(response.body());
    return body.path("message").asText();
  }
}
