package nl.ymere.privacy.unfounded;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Elements;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Manifestly unfounded or excessive requests (issue 5 item 9; REQ-3, LET-3, LET-4): a handler's proposal with
 * grounds through the API, a privacy officer who is not the proposer decides in the non-interrupting event
 * sub-process of data-subject-request while handling goes on; refuse, fee (withdrawn, paid, lapsed) or reject. Run on
 * H2 and PostgreSQL (the test profile configures a fee of 25.00).
 */
abstract class UnfoundedRequestProcessContract {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 5);
  static final String GROUNDS = "Vierde gelijke inzageverzoek in twee maanden; er is sinds het vorige antwoord "
      + "van 2 februari niets veranderd in het dossier.";

  @Autowired ProcessEngine engine;
  @Autowired RequestTestSupport support;
  @Autowired RequestRecords requests;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  String name;
  String email;
  String reference;
  RequestRecord request;
  ProcessInstance main;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(RECEIVED, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    name = "Herman Herhaler" + n;
    email = "herman" + n + "@voorbeeld.nl";
    // the generic decision task stands for any right's handling (REQ-3 is the same for every right)
    request = support.registerOnGenericPath(command(support.genericPathRight(), RECEIVED, name, email));
    reference = request.reference();
    main = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.processInstanceId())
        .singleResult();
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name, email, GROUNDS).dateOfBirth(LocalDate.of(1980, 5, 17))
        .hits()).isEmpty();
  }

  @Test
  void shouldRefuseAfterADifferentOfficerConfirmsAndCloseTheRequestRefused() throws Exception {
    assertThat(propose("deskofficer", "EXCESSIVE", GROUNDS).getStatusCode().value()).isEqualTo(202);
    // non-interrupting: the identity check goes on while the officer decides
    ProcessAssertions.assertThat(main).isWaitingAt(DataSubjectRequestProcess.Elements.VERIFY_IDENTITY, Elements.CONFIRM);
    assertThat(support.task(reference, Elements.CONFIRM).getDescription())
        .isEqualTo("Gronden van het voorstel: GET /api/requests/" + reference + "/unfounded-proposal");

    // four eyes: the proposer cannot decide, and nothing changes
    assertThatThrownBy(() -> decide("deskofficer", "REFUSE")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("deskofficer");
    assertThat(proposal().get("decision").isNull()).isTrue();
    ProcessAssertions.assertThat(main).isWaitingAt(Elements.CONFIRM);

    decide("officer", "REFUSE");

    ProcessAssertions.assertThat(main).isEnded();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .count()).as("identity-verification ended with the request").isZero();
    RequestRecord closed = requests.getByReference(reference);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(letter("request-unfounded-refusal")).contains("niet uit", "buitensporig", GROUNDS,
        "Autoriteit Persoonsgegevens", "rechtbank", "zes weken", "excessive", "six weeks");
    JsonNode view = proposal();
    assertThat(view.get("decision").asText()).isEqualTo("REFUSE");
    assertThat(view.get("proposedBy").asText() + "/" + view.get("decidedBy").asText())
        .isEqualTo("deskofficer/officer");
    assertThat(documents()).contains("UNFOUNDED_REFUSAL");
    // REQ-3 "four eyes with the FG": the officer decided, the FG is informed (codes and user ids only)
    assertThat(support.outbox(reference)).filteredOn(m -> "request-unfounded-informed".equals(m.get("template")))
        .isNotEmpty().allMatch(m -> "FG".equals(m.get("recipient_role")))
        .allMatch(m -> !((String) m.get("body_html")).contains(GROUNDS));
  }

  @Test
  void shouldHoldHandlingUntilTheFeeIsPaidAfterTheFeeNotice() throws Exception {
    propose("desk", "MANIFESTLY_UNFOUNDED", GROUNDS);
    decide("officer", "FEE");

    assertThat(letter("request-fee-notice")).contains("kennelijk ongegrond", "€ 25,00", "EUR 25.00", GROUNDS,
        "trekt het verzoek in", "beperkt het verzoek", "5 april 2026", "withdraw the request");
    assertThat(proposal().get("feeRespondBy").asText()).isEqualTo("2026-04-05");
    verifyDirectly();
    // REQ-3: the handling of the right waits while the fee is pending
    ProcessAssertions.assertThat(main).isWaitingAt(Elements.NO_FEE_PENDING, Elements.AWAIT_FEE_RESPONSE);
    assertThat(support.task(reference, DataSubjectRequestProcess.Elements.DECIDE_AND_ANSWER)).isNull();

    assertThat(feeResponse("desk", "PAID").getStatusCode().value()).isEqualTo(200);

    ProcessAssertions.assertThat(main).isWaitingAt(DataSubjectRequestProcess.Elements.DECIDE_AND_ANSWER);
    assertThat(proposal().get("feeResponse").asText()).isEqualTo("PAID");
    support.complete("desk", reference, DataSubjectRequestProcess.Elements.DECIDE_AND_ANSWER,
        Map.of("outcome", "GRANTED"));
    assertThat(requests.getByReference(reference).outcome()).isEqualTo(Outcome.GRANTED);
  }

  @Test
  void shouldCloseTheRequestWithdrawnWhenThePersonWithdrawsAfterTheFeeNotice() throws Exception {
    propose("desk", "EXCESSIVE", GROUNDS);
    decide("officer", "FEE");

    feeResponse("desk", "WITHDRAWN");

    ProcessAssertions.assertThat(main).isEnded();
    RequestRecord closed = requests.getByReference(reference);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.WITHDRAWN);
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).doesNotContain(
        "request-unfounded-refusal");
    // the person gets a confirmation: closed, nothing charged, a new request is always possible
    assertThat(letter("request-withdrawal-confirmation")).contains("ingetrokken", "U betaalt niets",
        "nieuw verzoek", reference, "withdraw", "You pay nothing");
    assertThat(support.eventTypes(reference)).contains("WITHDRAWAL_CONFIRMATION_QUEUED");
  }

  @Test
  void shouldRefuseWhenTheFeePeriodLapsesWithoutAnswer() throws Exception {
    propose("desk", "EXCESSIVE", GROUNDS);
    decide("officer", "FEE");
    Job timer = support.timer(reference, Elements.FEE_PERIOD_LAPSED);
    assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(RequestTestSupport.at(LocalDate.of(2026, 4, 5),
        23, 59, 59)));

    support.setNow(LocalDate.of(2026, 4, 6), 9, 0);
    support.execute(timer);

    ProcessAssertions.assertThat(main).isEnded();
    assertThat(requests.getByReference(reference).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(letter("request-unfounded-refusal")).contains("niet betaald", "rechtbank");
    assertThat(proposal().get("feeResponse").asText()).isEqualTo("NO_REPLY");
  }

  @Test
  void shouldContinueHandlingWhenTheOfficerRejectsTheProposal() throws Exception {
    propose("desk", "EXCESSIVE", GROUNDS);
    decide("officer", "REJECT");

    ProcessAssertions.assertThat(main).isWaitingAt(DataSubjectRequestProcess.Elements.VERIFY_IDENTITY)
        .hasPassed(Elements.PROPOSAL_REJECTED);
    verifyDirectly();
    ProcessAssertions.assertThat(main).isWaitingAt(DataSubjectRequestProcess.Elements.DECIDE_AND_ANSWER);
    assertThat(proposal().get("decision").asText()).isEqualTo("REJECT");
    // a new proposal is possible once the previous one is decided
    assertThat(propose("desk", "EXCESSIVE", GROUNDS).getStatusCode().value()).isEqualTo(202);
  }

  @Test
  void shouldRefuseBadProposalsWithProblemJsonAndChangeNothing() throws Exception {
    long tasks = support.openTasks(reference).size();
    assertBadRequest(propose("desk", "EXCESSIVE", "te kort"), 400, "grounds");
    assertBadRequest(propose("desk", "BORING", GROUNDS), 400, "ground");
    assertBadRequest(propose("desk", null, GROUNDS), 400, "ground");
    assertBadRequest(post("desk", "/api/requests/AVG-1999-000000/unfounded-proposal",
        "{\"ground\":\"EXCESSIVE\",\"grounds\":\"" + GROUNDS + "\"}"), 404, null);
    assertBadRequest(feeResponse("desk", "PAID"), 409, null);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_unfounded_proposal WHERE request_id = ?",
        Integer.class, request.id())).isZero();
    assertThat(support.openTasks(reference)).hasSize((int) tasks);

    propose("desk", "EXCESSIVE", GROUNDS);
    assertBadRequest(propose("desk", "EXCESSIVE", GROUNDS), 409, null);
    assertBadRequest(feeResponse("desk", "MAYBE"), 400, "response");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_unfounded_proposal WHERE request_id = ?",
        Integer.class, request.id())).isEqualTo(1);
    assertThat(support.openTasks(reference)).extracting(t -> t.getTaskDefinitionKey()).containsOnlyOnce(
        Elements.CONFIRM);
  }

  @Test
  void shouldRefuseAnUnknownDecisionInTheTaskAndChangeNothing() throws Exception {
    propose("desk", "EXCESSIVE", GROUNDS);
    assertThatThrownBy(() -> decide("officer", "MAYBE")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Kies");
    ProcessAssertions.assertThat(main).isWaitingAt(Elements.CONFIRM);
    assertThat(proposal().get("decision").isNull()).isTrue();
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).containsExactly(
        "request-acknowledgement");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private void verifyDirectly() {
    support.complete("desk", reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "KNOWN_CONTACT", "identityBasis", "KNOWN_EMAIL", "identityResult", "VERIFIED"));
  }

  void decide(String user, String decision) {
    support.complete(user, reference, Elements.CONFIRM, Map.of("unfoundedDecision", decision));
  }

  ResponseEntity<String> propose(String user, String ground, String grounds) {
    String body = "{" + (ground == null ? "" : "\"ground\":\"" + ground + "\",") + "\"grounds\":\"" + grounds + "\"}";
    return post(user, "/api/requests/" + reference + "/unfounded-proposal", body);
  }

  private ResponseEntity<String> feeResponse(String user, String response) {
    return post(user, "/api/requests/" + reference + "/fee-response", "{\"response\":\"" + response + "\"}");
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private void assertBadRequest(ResponseEntity<String> response, int status, String field) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody())
        .isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    if (field != null) {
      assertThat(json.readTree(response.getBody()).get("errors")
          .findValuesAsText("field")).contains(field);
    }
  }

  JsonNode proposal() throws Exception {
    return json.readTree(rest.withBasicAuth("desk", "desk")
        .getForEntity("/api/requests/" + reference + "/unfounded-proposal", String.class).getBody());
  }

  private List<String> documents() throws Exception {
    return json.readTree(rest.withBasicAuth("desk", "desk").getForEntity("/api/requests/" + reference, String.class)
        .getBody()).get("documents").findValuesAsText("type");
  }

  private String letter(String template) {
    List<Map<String, Object>> letters = support.outbox(reference).stream()
        .filter(m -> template.equals(m.get("template"))).toList();
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
