package nl.ymere.privacy.security.attacks;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, findings 1 and 4, for a manifestly unfounded or excessive request (REQ-3, four eyes): an admin in both
 * groups ({@code demo}: privacy desk, privacy officer, camunda-admin) proposes, deletes the task's REVOKE
 * authorization, names someone else as {@code unfoundedProposer} through the engine REST API (an operator's power,
 * recorded) and then claims and completes {@code UserTask_ConfirmUnfounded} with REFUSE. Who proposed is read from
 * {@code privacy.dsr_unfounded_proposal} and {@code privacy.four_eyes_step}, so both are refused (403): no decision, no
 * refusal letter, the request stays open. A privacy officer who did not propose still decides.
 */
@IntegrationTest
class UnfoundedSelfDecisionAttackTest {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 5);
  static final String GROUNDS = "Zesde gelijke verzoek in drie weken; de vorige antwoorden zijn ongelezen "
      + "teruggestuurd met dezelfde vraag.";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired TestRestTemplate rest;
  @Autowired RequestTestSupport support;
  @Autowired RequestRecords requests;

  String name;
  String email;

  @BeforeEach
  void setUp() {
    support.setNow(RECEIVED, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    name = "Olga Eigenbesluit" + n;
    email = "olga" + n + "@voorbeeld.nl";
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name, email, GROUNDS).hits()).isEmpty();
  }

  @Test
  void anAdminInBothGroupsCannotDecideTheirOwnProposalAfterEditingTheEngine() throws Exception {
    RequestRecord request = support.registerOnGenericPath(command(support.genericPathRight(), RECEIVED, name, email));
    String reference = request.reference();
    assertThat(propose("demo", reference).getStatusCode().value()).isEqualTo(202);
    String task = support.task(reference, "UserTask_ConfirmUnfounded").getId();
    EngineDoors demo = EngineDoors.as(Door.ENGINE_REST, port, "demo");

    JsonNode revokes = json.readTree(demo.get("/authorization?type=2&userIdIn=demo&resourceType=7&resourceId="
        + task).body());
    assertThat(revokes).isNotEmpty();
    for (JsonNode revoke : revokes) {
      assertThat(demo.delete("/authorization/" + revoke.path("id").asText()).status()).isEqualTo(204);
    }
    assertThat(demo.put("/process-instance/" + request.processInstanceId() + "/variables/unfoundedProposer",
        "{\"value\":\"officer\",\"type\":\"String\"}").status()).isEqualTo(204);
    assertThat(jdbc.queryForList("SELECT detail FROM privacy.operator_action WHERE user_id = 'demo' AND target = ? "
        + "AND operation = 'runtime.setVariable'", String.class, request.processInstanceId()))
        .contains("variabelen: unfoundedProposer");
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response claim = demo.post("/task/" + task + "/claim", "{\"userId\":\"demo\"}");
    EngineDoors.Response complete = demo.post("/task/" + task + "/submit-form",
        "{\"variables\":{\"unfoundedDecision\":{\"value\":\"REFUSE\"}}}");

    assertThat(claim.status()).as(claim.body()).isEqualTo(403);
    assertThat(message(claim)).contains("Vier ogen", "demo");
    assertThat(complete.status()).as(complete.body()).isEqualTo(403);
    assertThat(message(complete)).contains("Vier ogen", "demo");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT decision FROM privacy.dsr_unfounded_proposal WHERE request_id = ?",
        String.class, request.id())).isNull();
    assertThat(support.outbox(reference)).extracting(m -> m.get("template"))
        .doesNotContain("request-unfounded-refusal");
    assertThat(requests.getByReference(reference).status()).isNotEqualTo(RequestStatus.CLOSED);

    // the edited variable excluded nobody: officer, whom it names, decides as the real second pair of eyes
    support.complete("officer", reference, "UserTask_ConfirmUnfounded", Map.of("unfoundedDecision", "REFUSE"));
    assertThat(requests.getByReference(reference).status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).contains("request-unfounded-refusal");
  }

  private org.springframework.http.ResponseEntity<String> propose(String user, String reference) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/requests/" + reference + "/unfounded-proposal",
        HttpMethod.POST, new HttpEntity<>("{\"ground\":\"EXCESSIVE\",\"grounds\":\"" + GROUNDS + "\"}", headers),
        String.class);
  }

  private String message(EngineDoors.Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }
}
