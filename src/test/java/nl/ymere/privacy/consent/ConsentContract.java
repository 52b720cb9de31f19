package nl.ymere.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.consent.ConsentWithdrawalProcess.Elements;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.processor.ProcessorTestSupport;
import nl.ymere.privacy.processor.RegisterAgreementCommand;
import nl.ymere.privacy.processor.SharingDecision;
import nl.ymere.privacy.processor.SharingGate;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * The consent register (issue 20) on H2 and PostgreSQL (its two subclasses): a parent consents for a 15-year-old and
 * the other parent withdraws (CON-3); a child alone and a purpose without a current text are refused; bad input is
 * 4xx problem+json and stores nothing; a withdrawal is effective at once in {@code findUsable} and the sharing gate
 * (CON-2) and {@code consent-withdrawal} passes it on to the source and the processor, escalates the late step with
 * the clock moved, erases the consent-only data and sends the confirmation. Every test ends with the personal-data
 * scan of the engine's tables.
 */
abstract class ConsentContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final LocalDate CHILD_BIRTH = LocalDate.of(2010, 11, 23);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport engine;
  @Autowired ProcessorTestSupport processors;
  @Autowired PersonalDataSources sources;
  @Autowired SharingGate gate;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired DataSource dataSource;

  String marker;
  String email;
  String child;
  String parent;
  String otherParent;

  @BeforeEach
  void setUp() {
    engine.setNow(TODAY, 10, 0);
    marker = Long.toString(System.nanoTime() % 100_000_000, 36);
    email = "tst." + marker + "@voorbeeld.nl";
    child = "Sanne Toestemming " + marker;
    parent = "Petra Toestemming " + marker;
    otherParent = "Karel Toestemming " + marker;
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    engine.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(email, child, parent, otherParent, "Jan Toestemming " + marker).dateOfBirth(CHILD_BIRTH)
        .hits()).isEmpty();
  }

  ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  String giveBody(String purpose, String givenBy, String givenByName, String dateOfBirth) {
    return """
        {"purpose":"%s","subject":{"name":"%s","dateOfBirth":%s,"email":"%s"},"channel":"DESK",
         "givenBy":"%s","givenByName":%s}""".formatted(purpose, child,
        dateOfBirth == null ? "null" : "\"" + dateOfBirth + "\"", email, givenBy,
        givenByName == null ? "null" : "\"" + givenByName + "\"");
  }

  long[] counts() {
    return new long[] {jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent_propagation", Long.class),
        runtime.createProcessInstanceQuery().processDefinitionKey(ConsentWithdrawalProcess.KEY).count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class)};
  }

  String giveForChild(String purpose) throws Exception {
    ResponseEntity<String> given = post("desk", "/api/consents",
        giveBody(purpose, "PARENTAL_AUTHORITY", parent, CHILD_BIRTH.toString()));
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    return json.readTree(given.getBody()).get("reference").asText();
  }

  void assertProblem(ResponseEntity<String> response, int status, String field) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    if (field != null) {
      JsonNode errors = json.readTree(response.getBody()).get("errors");
      assertThat(errors).as(response.getBody()).isNotNull();
      assertThat(errors.findValuesAsText("field")).contains(field);
    }
  }

  /** CON-3: the parent with gezag consents for a 15-year-old; the child's other parent withdraws. */
  @Test
  void parentConsentsForAFifteenYearOldAndTheOtherParentWithdraws() throws Exception {
    ResponseEntity<String> given = post("desk", "/api/consents",
        giveBody("NEWSLETTER", "PARENTAL_AUTHORITY", parent, CHILD_BIRTH.toString()));
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    JsonNode consent = json.readTree(given.getBody());
    String reference = consent.get("reference").asText();
    assertThat(reference).matches("TST-2026-\\d{6}");
    assertThat(given.getHeaders().getLocation()).hasToString("/api/consents/" + reference);
    assertThat(consent.get("status").asText()).isEqualTo("GIVEN");
    assertThat(consent.get("textVersion").asInt()).isEqualTo(1);
    assertThat(consent.get("givenBy").asText()).isEqualTo("PARENTAL_AUTHORITY");
    assertThat(consent.get("givenByName").asText()).isEqualTo(parent);

    ResponseEntity<String> withdrawn = post("officer", "/api/consents/" + reference + "/withdrawal", """
        {"channel":"PHONE","withdrawnBy":"PARENTAL_AUTHORITY","withdrawnByName":"%s"}""".formatted(otherParent));
    assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(200);
    JsonNode after = json.readTree(withdrawn.getBody());
    assertThat(after.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(after.get("withdrawnBy").asText()).isEqualTo("PARENTAL_AUTHORITY");
    assertThat(after.get("withdrawnByName").asText()).isEqualTo(otherParent);
    assertThat(after.get("withdrawalChannel").asText()).isEqualTo("PHONE");
    assertThat(after.get("propagationStatus").asText()).isEqualTo("PENDING");
    assertThat(after.get("propagation").findValuesAsText("target")).contains("marketing");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConsentWithdrawalProcess.KEY)
        .processInstanceBusinessKey(reference).count()).isEqualTo(1);

    ResponseEntity<String> read = rest.withBasicAuth("desk", "desk").getForEntity("/api/consents/" + reference,
        String.class);
    assertThat(json.readTree(read.getBody()).get("status").asText()).isEqualTo("WITHDRAWN");
    // a second withdrawal conflicts and changes nothing
    long[] before = counts();
    assertProblem(post("desk", "/api/consents/" + reference + "/withdrawal", "{\"channel\":\"DESK\"}"), 409, null);
    assertThat(counts()).containsExactly(before);
  }

  /** CON-3: under 16 the child cannot consent alone; nothing is stored. */
  @Test
  void refusesAChildsOwnConsentAndStoresNothing() throws Exception {
    long[] before = counts();
    assertProblem(post("desk", "/api/consents", giveBody("NEWSLETTER", "SELF", null, CHILD_BIRTH.toString())), 422,
        "givenBy");
    assertProblem(post("desk", "/api/consents", giveBody("NEWSLETTER", "PARENTAL_AUTHORITY", null,
        CHILD_BIRTH.toString())), 422, "givenByName");
    // parental authority only for a child under 16
    assertProblem(post("desk", "/api/consents", giveBody("NEWSLETTER", "PARENTAL_AUTHORITY", parent,
        "1990-01-01")), 422, "givenBy");
    assertThat(counts()).containsExactly(before);
  }

  /** Item 1: a purpose without a current consent text cannot be consented to. */
  @Test
  void refusesConsentForAPurposeWithoutACurrentText() throws Exception {
    long[] before = counts();
    ResponseEntity<String> response = post("desk", "/api/consents", giveBody("PHOTO_USE", "GUARDIANSHIP", parent,
        null));
    assertProblem(response, 422, "purpose");
    assertThat(json.readTree(response.getBody()).get("detail").asText()).contains("no current consent text");
    // a purpose on another legal basis (ROP-3) and an unknown one
    assertProblem(post("desk", "/api/consents", giveBody("TENANCY", "GUARDIANSHIP", parent, null)), 422, "purpose");
    assertProblem(post("desk", "/api/consents", giveBody("NO_SUCH_PURPOSE", "GUARDIANSHIP", parent, null)), 422,
        "purpose");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void answersBadInputWithProblemJsonAndStoresNothing() throws Exception {
    long[] before = counts();
    assertProblem(post("desk", "/api/consents", "{\"subject\":{\"email\":\"" + email + "\"},\"channel\":\"DESK\"}"),
        400, "purpose");
    assertProblem(post("desk", "/api/consents", "{\"purpose\":\"NEWSLETTER\",\"subject\":{\"email\":\"" + email
        + "\"},\"channel\":\"PIGEON\"}"), 400, "channel");
    assertProblem(post("desk", "/api/consents", "{\"purpose\":\"NEWSLETTER\",\"subject\":{\"name\":\"" + child
        + "\",\"dateOfBirth\":\"2010-02-30\"},\"channel\":\"DESK\"}"), 400, "subject.dateOfBirth");
    assertProblem(post("desk", "/api/consents", "{\"purpose\":\"NEWSLETTER\",\"subject\":{\"name\":\"" + child
        + "\"},\"channel\":\"DESK\"}"), 400, "subject");
    assertProblem(post("desk", "/api/consents", "{\"purpose\":\"NEWSLETTER\",\"subject\":{\"email\":\"geen-adres\"},"
        + "\"channel\":\"DESK\"}"), 400, "subject.email");
    assertProblem(post("desk", "/api/consents", "{\"purpose\":"), 400, null);
    assertProblem(post("desk", "/api/consents/TST-2026-999999/withdrawal", "{\"channel\":\"DESK\"}"), 404, null);
    String reference = giveForChild("NEWSLETTER");
    long[] given = counts();
    assertProblem(post("desk", "/api/consents/" + reference + "/withdrawal", "{\"channel\":\"FAX\"}"), 400,
        "channel");
    assertProblem(post("desk", "/api/consents/" + reference + "/withdrawal",
        "{\"channel\":\"DESK\",\"withdrawnBy\":\"MENTORSHIP\"}"), 422, "withdrawnByName");
    assertThat(counts()).containsExactly(given);
    assertThat(given[0]).isEqualTo(before[0] + 1);
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/api/consents/TST-2026-999999", String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  /**
   * CON-2 end to end: effective at once for findUsable and the gate; passed on to the source and the processor of
   * the purpose, the late processor step escalated when the clock passes its due time (1 working day), the
   * consent-only data erased and the person told.
   */
  @Test
  void withdrawalIsEffectiveAtOnceAndIsPassedOnEscalatedErasedAndConfirmed() throws Exception {
    String party = ProcessorTestSupport.uniqueCode("MAIL");
    String agreement = processors.start(new RegisterAgreementCommand(party, "Mailingdienst " + party,
        party.toLowerCase() + "@verwerker.example", "Verzenden van de nieuwsbrief", "Abonnees van de nieuwsbrief",
        List.of("NEWSLETTER"), List.of("CONTACT", "NAME"), "NL", LocalDate.of(2027, 6, 30), true, false, false,
        false)).reference();
    processors.approveProcessor(agreement);
    jdbc.update("INSERT INTO privacy.marketing_preference (email, subscriber_name, topic, opted_in, "
        + "consent_text_version, consent_given_at) VALUES (?,?,?,?,?,?)", email, child, "NIEUWSBRIEF", true, "1",
        Timestamp.from(RequestTestSupport.at(TODAY.minusDays(30), 9, 0, 0)));
    SubjectKey subject = SubjectKey.ofEmail(email);
    String reference = giveForChild("NEWSLETTER");

    assertThat(marketingItems(subject)).hasSize(1);
    assertThat(gate.check(party, "NEWSLETTER", List.of("CONTACT"), subject, "desk", reference).allowed()).isTrue();
    assertThat(gate.check(party, "NEWSLETTER", List.of("CONTACT"), "desk", reference).reason())
        .as("a consent-based purpose without the person").isEqualTo(SharingDecision.Reason.CONSENT_SUBJECT_REQUIRED);

    ResponseEntity<String> withdrawn = post("desk", "/api/consents/" + reference + "/withdrawal", """
        {"channel":"EMAIL","withdrawnBy":"PARENTAL_AUTHORITY","withdrawnByName":"%s"}""".formatted(otherParent));
    assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(200);

    // effective at once, before anything was passed on
    assertThat(marketingItems(subject)).isEmpty();
    assertThat(sources.source("marketing").find(subject)).as("still stored until erased").hasSize(1);
    SharingDecision refused = gate.check(party, "NEWSLETTER", List.of("CONTACT"), subject, "desk", reference);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.reason()).isEqualTo(SharingDecision.Reason.NO_CONSENT);

    // the gate's API answers the same for the person (POST /api/sharing-checks with "subject")
    ResponseEntity<String> apiCheck = post("desk", "/api/sharing-checks", """
        {"party":"%s","purpose":"NEWSLETTER","dataCategories":["CONTACT"],"subject":{"email":"%s"}}"""
        .formatted(party, email));
    assertThat(json.readTree(apiCheck.getBody()).get("reason").asText()).as(apiCheck.getBody())
        .isEqualTo("NO_CONSENT");

    List<Map<String, Object>> steps = jdbc.queryForList("SELECT p.id, p.target_kind, p.target_code "
        + "FROM privacy.consent_propagation p JOIN privacy.consent c ON c.id = p.consent_id WHERE c.reference = ? "
        + "ORDER BY p.id", reference);
    assertThat(steps).extracting(row -> row.get("TARGET_CODE") + "/" + row.get("TARGET_KIND"))
        .contains("marketing/SOURCE", party + "/PROCESSOR");
    assertThat(jdbc.queryForObject("SELECT due_at FROM privacy.consent_propagation WHERE id = ?", Timestamp.class,
        stepId(steps, "marketing")).toInstant())
        .as("1 working day after the withdrawal (Thursday -> Friday)")
        .isEqualTo(RequestTestSupport.at(TODAY.plusDays(1), 10, 0, 0));
    List<Task> tasks = confirmTasks(reference);
    assertThat(tasks).hasSize(steps.size());

    // the task's case (DESIGN principle 10): who, which purpose, every source and processor with its due time
    ResponseEntity<String> taskCase = rest.withBasicAuth("desk", "desk").getForEntity("/werkbank/taken/"
        + tasks.get(0).getId(), String.class);
    assertThat(taskCase.getStatusCode().value()).isEqualTo(200);
    assertThat(taskCase.getBody()).contains("id=\"consent-case\"").contains(reference).contains(email)
        .contains("Mailingdienst " + party).contains("Nieuwsbrief en informatie over wonen");

    // the form's checkbox is required: an unconfirmed completion is refused and changes nothing
    Task processorTask = taskOf(tasks, stepId(steps, party));
    assertThatThrownBy(() -> engine.as("desk", () -> {
      taskService.complete(processorTask.getId(), Map.of("propagationConfirmed", false));
      return null;
    })).isInstanceOf(ProcessEngineException.class);

    // every step but the processor's is confirmed in time
    for (Task task : tasks) {
      if (!task.getId().equals(processorTask.getId())) {
        confirm("desk", task);
      }
    }
    assertThat(outbox(reference, "consent-propagation-late")).isEmpty();

    // the due time passes: the processor's step is escalated to the privacy officers, the task stays open
    engine.setNow(TODAY.plusDays(1), 10, 1);
    assertThat(engine.executeDueTimers(reference)).isPositive();
    assertThat(outbox(reference, "consent-propagation-late")).isNotEmpty()
        .allSatisfy(row -> assertThat(row.get("RECIPIENT_ROLE")).isEqualTo("PRIVACY_OFFICERS"));
    assertThat(status(reference)).isEqualTo("LATE");
    assertThat(jdbc.queryForObject("SELECT escalated_at FROM privacy.consent_propagation WHERE id = ?",
        Timestamp.class, stepId(steps, party))).isNotNull();
    assertThat(confirmTasks(reference)).extracting(Task::getId).containsExactly(processorTask.getId());

    confirm("desk", processorTask);

    // item 7: the erasure list waits for a privacy officer's approval; nothing is erased before it
    assertThat(sources.source("marketing").find(subject)).hasSize(1);
    assertThat(jdbc.queryForList("SELECT i.decision FROM privacy.consent_erasure_item i JOIN privacy.consent c "
        + "ON c.id = i.consent_id WHERE c.reference = ?", String.class, reference)).containsExactly("ERASE");
    approveErasureList("officer", reference);

    // consent-only data erased through the source; the person gets the confirmation letter
    assertThat(sources.source("marketing").find(subject)).isEmpty();
    assertThat(status(reference)).isEqualTo("DONE");
    assertThat(jdbc.queryForObject("SELECT erased_items FROM privacy.consent WHERE reference = ?", Integer.class,
        reference)).isEqualTo(1);
    List<Map<String, Object>> letters = outbox(reference, "consent-withdrawal-confirmation");
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).get("RECIPIENT")).isEqualTo(email);
    assertThat(letters.get(0).get("BODY_HTML").toString()).contains("Nieuwsbrief en informatie over wonen")
        .contains("Mailingdienst " + party);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
  }

  /**
   * REQ-1: a request of kind CONSENT_WITHDRAWAL withdraws through the same service and ends in the same state as the
   * desk's withdrawal (WITHDRAWN, propagation PENDING, consent-withdrawal started); only the subject's own consents.
   */
  @Test
  void aConsentWithdrawalRequestEndsInTheSameStateAsTheApi() throws Exception {
    String adult = "Jan Toestemming " + marker;
    ResponseEntity<String> given = post("desk", "/api/consents", """
        {"purpose":"SATISFACTION_SURVEY","subject":{"name":"%s","email":"%s"},"channel":"WEB_FORM"}"""
        .formatted(adult, email));
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    String consent = json.readTree(given.getBody()).get("reference").asText();
    String viaApi = giveForChild("SATISFACTION_SURVEY");
    String request = engine.register(RequestTestSupport.command(nl.ymere.privacy.request.RequestRight
        .CONSENT_WITHDRAWAL, TODAY, adult, email)).reference();

    // before the identity step nothing is withdrawn
    long[] before = counts();
    assertProblem(post("desk", "/api/requests/" + request + "/consent-withdrawal",
        "{\"consents\":[\"" + consent + "\"]}"), 409, null);
    engine.identityVerified(request);
    // bad input, another person's consent: refused, nothing stored
    assertProblem(post("desk", "/api/requests/" + request + "/consent-withdrawal", "{\"consents\":[]}"), 400,
        "consents");
    assertProblem(post("desk", "/api/requests/" + request + "/consent-withdrawal", "{\"consents\":[\"X\"]}"), 400,
        "consents[0]");
    assertProblem(post("desk", "/api/requests/AVG-2026-999999/consent-withdrawal",
        "{\"consents\":[\"" + consent + "\"]}"), 404, null);
    String someoneElse = giveForOther();
    assertProblem(post("desk", "/api/requests/" + request + "/consent-withdrawal",
        "{\"consents\":[\"" + consent + "\",\"" + someoneElse + "\"]}"), 422, "consents[1]");
    assertThat(counts()[1]).isEqualTo(before[1]);
    assertThat(status(consent)).isEqualTo("NONE");

    ResponseEntity<String> done = post("desk", "/api/requests/" + request + "/consent-withdrawal",
        "{\"consents\":[\"" + consent + "\"]}");
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
    JsonNode viaRequest = json.readTree(done.getBody()).get("consents").get(0);
    assertThat(viaRequest.get("withdrawalChannel").asText()).isEqualTo("DATA_SUBJECT_REQUEST");
    assertThat(viaRequest.get("requestReference").asText()).isEqualTo(request);

    JsonNode viaDesk = json.readTree(post("desk", "/api/consents/" + viaApi + "/withdrawal",
        "{\"channel\":\"DESK\",\"withdrawnBy\":\"PARENTAL_AUTHORITY\",\"withdrawnByName\":\"" + otherParent
            + "\"}").getBody());
    for (JsonNode withdrawn : List.of(viaRequest, viaDesk)) {
      assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
      assertThat(withdrawn.get("propagationStatus").asText()).isEqualTo("PENDING");
      assertThat(withdrawn.get("propagation").findValuesAsText("target")).containsExactly("contacts");
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConsentWithdrawalProcess.KEY)
          .processInstanceBusinessKey(withdrawn.get("reference").asText()).count()).isEqualTo(1);
    }
    assertThat(jdbc.queryForList("SELECT e.type FROM privacy.dsr_event e JOIN privacy.dsr_request r ON "
        + "r.id = e.request_id WHERE r.reference = ?", String.class, request)).contains("CONSENT_WITHDRAWN");
  }

  /**
   * Trust boundary: a start of consent-withdrawal through the engine REST API for a consent that was not withdrawn
   * (as the admin, who may start anything) moves nothing: the consent stays in force, no step, no instance, no mail.
   */
  @Test
  void anEngineApiStartForAConsentInForceChangesNothing() throws Exception {
    String reference = giveForChild("NEWSLETTER");
    long[] before = counts();
    for (String body : List.of("""
        {"businessKey":"%s","variables":{"reference":{"value":"%s"}}}""".formatted(reference, reference), "{}")) {
      ResponseEntity<String> started = post("demo", "/engine-rest/process-definition/key/"
          + ConsentWithdrawalProcess.KEY + "/start", body);
      assertThat(started.getStatusCode().is2xxSuccessful()).as(started.getBody()).isFalse();
    }
    assertThat(counts()).containsExactly(before);
    assertThat(status(reference)).isEqualTo("NONE");
  }

  /**
   * Item 7 (Art 7(3), ERA-1, four eyes): the list of data held only on the withdrawn consent is approved by a privacy
   * officer who confirmed none of the withdrawal's steps; the same user is refused and nothing is erased, another
   * privacy officer's approval erases the list's items.
   */
  @Test
  void theErasureListIsApprovedByASecondPrivacyOfficerBeforeErasure() throws Exception {
    jdbc.update("INSERT INTO privacy.marketing_preference (email, subscriber_name, topic, opted_in, "
        + "consent_text_version, consent_given_at) VALUES (?,?,?,?,?,?)", email, child, "NIEUWSBRIEF", true, "1",
        Timestamp.from(RequestTestSupport.at(TODAY.minusDays(30), 9, 0, 0)));
    SubjectKey subject = SubjectKey.ofEmail(email);
    String reference = giveForChild("NEWSLETTER");
    assertThat(post("desk", "/api/consents/" + reference + "/withdrawal",
        "{\"channel\":\"EMAIL\",\"withdrawnBy\":\"PARENTAL_AUTHORITY\",\"withdrawnByName\":\"" + otherParent + "\"}")
        .getStatusCode().value()).isEqualTo(200);
    for (Task task : confirmTasks(reference)) {
      confirm("deskofficer", task);
    }
    Task approval = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.APPROVE_ERASURE_LIST).singleResult();
    assertThat(approval).as("the approval task for the privacy officers").isNotNull();
    assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting(link -> link.getGroupId())
        .contains("privacy-officers");

    // the one who confirmed the steps cannot approve; an unticked box is refused too
    assertThatThrownBy(() -> approveErasureList("deskofficer", reference)).isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> engine.as("officer", () -> {
      taskService.complete(approval.getId(), Map.of(ConsentWithdrawalProcess.Variables.ERASURE_LIST_APPROVED, false));
      return null;
    })).isInstanceOf(ProcessEngineException.class);
    assertThat(sources.source("marketing").find(subject)).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT erasure_list_approved_by FROM privacy.consent WHERE reference = ?",
        String.class, reference)).isNull();

    approveErasureList("officer", reference);
    assertThat(sources.source("marketing").find(subject)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT erasure_list_approved_by FROM privacy.consent WHERE reference = ?",
        String.class, reference)).isEqualTo("officer");
    assertThat(status(reference)).isEqualTo("DONE");
  }

  void approveErasureList(String user, String reference) {
    Task approval = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.APPROVE_ERASURE_LIST).singleResult();
    engine.as(user, () -> {
      taskService.complete(approval.getId(), Map.of(ConsentWithdrawalProcess.Variables.ERASURE_LIST_APPROVED, true));
      return null;
    });
  }

  String giveForOther() throws Exception {
    ResponseEntity<String> given = post("desk", "/api/consents", """
        {"purpose":"SATISFACTION_SURVEY","subject":{"tenancyNumber":"HC-%s"},"channel":"LETTER"}""".formatted(marker));
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    return json.readTree(given.getBody()).get("reference").asText();
  }

  List<PersonalDataItem> marketingItems(SubjectKey subject) {
    return sources.findUsable(subject).stream().filter(item -> item.system().equals("marketing")).toList();
  }

  List<Task> confirmTasks(String reference) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.CONFIRM_PROPAGATION).list();
  }

  Task taskOf(List<Task> tasks, long stepId) {
    return tasks.stream().filter(task -> Long.toString(stepId).equals(
        taskService.getVariable(task.getId(), ConsentWithdrawalProcess.Variables.PROPAGATION_STEP)))
        .findFirst().orElseThrow();
  }

  static long stepId(List<Map<String, Object>> steps, String target) {
    return steps.stream().filter(row -> target.equals(row.get("TARGET_CODE")))
        .map(row -> ((Number) row.get("ID")).longValue()).findFirst().orElseThrow();
  }

  void confirm(String user, Task task) {
    engine.as(user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), Map.of("propagationConfirmed", true));
      return null;
    });
  }

  String status(String reference) {
    return jdbc.queryForObject("SELECT propagation_status FROM privacy.consent WHERE reference = ?", String.class,
        reference);
  }

  List<Map<String, Object>> outbox(String reference, String template) {
    return engine.outbox(reference).stream().filter(row -> template.equals(row.get("TEMPLATE"))).toList();
  }
}
