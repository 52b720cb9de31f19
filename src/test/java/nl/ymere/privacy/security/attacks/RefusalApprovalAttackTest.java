package nl.ymere.privacy.security.attacks;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.request.DataSubjectRequestProcess.Elements;
import nl.ymere.privacy.request.Outcome;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 for the generic refusal of a request (REQ-5, LET-3, four eyes): the drafted refusal and its approval are
 * records in {@code privacy.dsr_answer_draft}. An operator who starts the letter step by a process instance
 * modification (also claiming the outcome is GRANTED) sends nothing, and the drafter, in both groups, cannot approve
 * their own refusal after the operator renamed {@code answerDrafter} and removed the task's REVOKE authorization. An
 * officer who did not draft it approves, and only then the refusal letter goes out.
 */
@IntegrationTest
class RefusalApprovalAttackTest {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 5);
  static final String REASONS = "Het verzoek gaat uitsluitend over gegevens van de bovenburen, niet over de "
      + "verzoeker zelf.";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport support;
  @Autowired RequestRecords requests;

  String name;
  String email;
  RequestRecord request;
  String reference;

  @BeforeEach
  void setUp() {
    support.setNow(RECEIVED, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    name = "Wim Weigering" + n;
    email = "wim" + n + "@voorbeeld.nl";
    request = support.registerOnGenericPath(command(support.genericPathRight(), RECEIVED, name, email));
    reference = request.reference();
    support.complete("desk", reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "KNOWN_CONTACT", "identityBasis", "KNOWN_EMAIL", "identityResult", "VERIFIED"));
    support.complete("deskofficer", reference, Elements.DECIDE_AND_ANSWER,
        Map.of("outcome", "REFUSED", "answerReasons", REASONS));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name, email, REASONS).hits()).isEmpty();
  }

  @Test
  void anOperatorCannotSendAnUnapprovedRefusalByStartingTheLetterStep() throws Exception {
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    for (String variables : new String[] {"{}", "{\"outcome\":{\"value\":\"GRANTED\"}}"}) {
      DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

      EngineDoors.Response modification = admin.post("/process-instance/" + request.processInstanceId()
          + "/modification", """
          {"skipCustomListeners":true,"instructions":[{"type":"startBeforeActivity",
            "activityId":"Task_SendAnswerLetter","variables":%s}]}""".formatted(variables));

      // refused with the product's Dutch reason (the operators' door passes it on as an engine error, 500, today)
      assertThat(modification.status()).as(modification.body()).isGreaterThanOrEqualTo(400);
      assertThat(message(modification)).contains("Geen weigeringsbrief", reference, "vier ogen");
      assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.OPERATOR_ACTION")).isEmpty();
      assertNothingSent();
    }
  }

  @Test
  void theDrafterCannotApproveTheirOwnRefusalAfterAnOperatorEditedTheEngine() throws Exception {
    String task = support.task(reference, Elements.APPROVE_REFUSAL).getId();
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    JsonNode revokes = json.readTree(admin.get("/authorization?type=2&userIdIn=deskofficer&resourceType=7"
        + "&resourceId=" + task).body());
    assertThat(revokes).isNotEmpty();
    for (JsonNode revoke : revokes) {
      assertThat(admin.delete("/authorization/" + revoke.path("id").asText()).status()).isEqualTo(204);
    }
    assertThat(admin.put("/process-instance/" + request.processInstanceId() + "/variables/answerDrafter",
        "{\"value\":\"desk\",\"type\":\"String\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors drafter = EngineDoors.as(door, port, "deskofficer");
      EngineDoors.Response claim = drafter.post("/task/" + task + "/claim", "{\"userId\":\"deskofficer\"}");
      EngineDoors.Response complete = drafter.post("/task/" + task + "/submit-form",
          "{\"variables\":{\"refusalApproved\":{\"value\":true}}}");
      assertThat(claim.status()).as(door + " " + claim.body()).isEqualTo(403);
      assertThat(complete.status()).as(door + " " + complete.body()).isEqualTo(403);
      assertThat(message(complete)).contains("Vier ogen", "deskofficer");
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNothingSent();

    support.complete("officer", reference, Elements.APPROVE_REFUSAL, Map.of("refusalApproved", true));
    RequestRecord closed = requests.getByReference(reference);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).contains("request-refusal");
    assertThat(jdbc.queryForMap("SELECT outcome, drafted_by, review, reviewed_by FROM privacy.dsr_answer_draft "
        + "WHERE request_id = ?", request.id())).containsValues("REFUSED", "deskofficer", "APPROVED", "officer");
  }

  private void assertNothingSent() {
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).doesNotContain("request-refusal",
        "request-answer");
    assertThat(requests.getByReference(reference).status()).isNotEqualTo(RequestStatus.CLOSED);
    assertThat(jdbc.queryForObject("SELECT review FROM privacy.dsr_answer_draft WHERE request_id = ?", String.class,
        request.id())).isNull();
  }

  private String message(EngineDoors.Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }
}
