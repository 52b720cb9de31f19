package nl.ymere.privacy.objection;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.objection.ObjectionProcess.Elements;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
import nl.ymere.privacy.request.IdentityStatus;
import nl.ymere.privacy.request.ObjectionScope;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
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
 * dsr-objection (issue 5 build item 6): OBJ-2 without a human task, OBJ-3 balanced four-eyes, SD-7, SD-8, RES-3, the
 * desk step when the scope is unknown, and the objection through {@code POST /api/requests}, the Tasklist start form
 * and the main process. Run on H2 and PostgreSQL by its two subclasses.
 */
abstract class ObjectionProcessContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final String REASONS = "Het werkdossier is nodig voor de lopende huurovereenkomst en weegt zwaarder.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RequestTestSupport support;
  @Autowired RequestRecords requests;
  @Autowired PersonalDataSources sources;
  @Autowired ObjectionService objections;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  Tenant tenant;
  String reference;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Bram Bezwaarmaker" + n, "bram" + n + "@voorbeeld.nl", "HV-7" + n,
        "NL91ABNA06" + String.format("%08d", n));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource)
        .text(tenant.name(), tenant.email(), tenant.tenancyNumber(), tenant.iban(), REASONS)
        .dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  // ---- dsr-objection started on its own (the main process of the request waits at identity) -------------------

  @Test
  void shouldStopDirectMarketingAtOnceWithoutAHumanTask() {
    registerRequest();
    assertThat(restricted("marketing", tenant.preference())).isFalse();

    ProcessInstance instance = start("DIRECT_MARKETING");

    // OBJ-2: absolute, no balancing: the instance ended in the starting transaction, no task was ever created
    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.STOP_DIRECT_MARKETING, Elements.SEND_LETTER);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(outcome(instance)).isEqualTo("GRANTED");
    assertThat(restricted("marketing", tenant.preference())).isTrue();
    // SD-8: the suppression entry keeps the objection working; legitimate-interest items are not touched
    assertThat(objections.suppressed(tenant.email())).isTrue();
    assertThat(restricted("contacts", tenant.contact())).isFalse();
    assertThat(letter("request-objection-result")).contains("direct gestopt", "geen direct marketing",
        "stopped at once").doesNotContain("rechtbank");
  }

  @Test
  void shouldRestrictPendingTheDecisionAndKeepItStoppedWhenUpheldFourEyes() {
    registerRequest();
    ProcessInstance instance = start("LEGITIMATE_INTEREST");
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.WEIGH_OBJECTION);

    weigh("deskofficer", false);
    // SD-7: restricted until the decision, including what the tenancy number found
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    assertThat(support.task(reference, Elements.CONFIRM_BALANCE).getDescription())
        .contains("worknotes/" + tenant.workNote() + " BEPERKT");
    assertThat(restricted("marketing", tenant.preference())).isFalse();

    // OBJ-3 four eyes: the weigher cannot confirm
    assertThatThrownBy(() -> confirm("deskofficer")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("deskofficer");
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.KEEP_STOPPED);
    assertThat(outcome(instance)).isEqualTo("GRANTED");
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    assertThat(letter("request-objection-result")).contains("gegrond", "upheld");
    assertThat(jdbc.queryForObject("SELECT weighed_by || '/' || confirmed_by FROM privacy.objection_case "
        + "WHERE reference = ?", String.class, reference)).isEqualTo("deskofficer/officer");
  }

  @Test
  void shouldLiftTheRestrictionAfterANoticeWhenRejectedAndSendTheRefusalLetter() {
    registerRequest();
    ProcessInstance instance = start("LEGITIMATE_INTEREST");

    weigh("deskofficer", true);
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    assertThatThrownBy(() -> confirm("deskofficer")).isInstanceOf(ProcessEngineException.class);
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.LIFT_RESTRICTION);
    assertThat(outcome(instance)).isEqualTo("REFUSED");
    assertThat(restricted("worknotes", tenant.workNote())).isFalse();
    // Art 18(3): the notice is queued before the refusal letter
    List<String> templates = support.outbox(reference).stream().map(m -> (String) m.get("template"))
        .filter(t -> t.startsWith("request-restriction") || t.startsWith("request-objection")).toList();
    assertThat(templates).containsExactly("request-restriction-lift-notice", "request-objection-result");
    assertThat(letter("request-objection-result")).contains("afgewezen", REASONS, "Autoriteit Persoonsgegevens",
        "rechtbank", "zes weken");
  }

  @Test
  void shouldLetTheDeskRecordTheScopeWhenTheIntakeDidNotSayAndRefuseAnUnknownCode() {
    registerRequest();
    ProcessInstance instance = start(null);
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.RECORD_SCOPE);

    // bad input: refused, nothing changed
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.RECORD_SCOPE,
        Map.of("objectionScope", "EVERYTHING"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("direct marketing");
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.RECORD_SCOPE);
    assertThat(requests.objectionScope(reference)).isEmpty();
    assertThat(restricted("marketing", tenant.preference())).isFalse();

    support.complete("desk", reference, Elements.RECORD_SCOPE, Map.of("objectionScope", "DIRECT_MARKETING"));

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.STOP_DIRECT_MARKETING);
    assertThat(requests.objectionScope(reference)).contains(ObjectionScope.DIRECT_MARKETING);
    assertThat(restricted("marketing", tenant.preference())).isTrue();
    assertThat(support.eventTypes(reference)).contains("OBJECTION_SCOPE_RECORDED_DIRECT_MARKETING");
  }

  @Test
  void shouldRefuseAWeighingWithoutDocumentedReasonsAndChangeNothing() {
    registerRequest();
    start("LEGITIMATE_INTEREST");
    Map<String, Object> form = new HashMap<>();
    form.put("compellingGrounds", true);
    form.put("balancingReasons", "te kort");
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.WEIGH_OBJECTION, form))
        .hasMessageContaining("20");
    assertThat(support.task(reference, Elements.WEIGH_OBJECTION)).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.objection_case WHERE reference = ? "
        + "AND weighed_by IS NOT NULL", Integer.class, reference)).isZero();
  }

  @Test
  void shouldSendTheBalanceBackWhenTheOfficerDoesNotConfirm() {
    registerRequest();
    ProcessInstance instance = start("LEGITIMATE_INTEREST");
    weigh("desk", true);
    support.complete("officer", reference, Elements.CONFIRM_BALANCE, Map.of("objectionBalanceConfirmed", false));

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.WEIGH_OBJECTION);
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
  }

  // ---- through the API, the Tasklist start form and data-subject-request -----------------------------------------

  /**
   * Acceptance (issue 5): "objection to direct marketing needs no human task and takes effect immediately". Through
   * {@code POST /api/requests}: no identity task (ID-1, proportionate: see IdentityCheckService.open), no balancing
   * (OBJ-2), marketing blocked and suppressed (SD-8), the request closed with its confirmation letter, all before
   * the 201 answer.
   */
  @Test
  void shouldTakeEffectImmediatelyWithoutAnyHumanTaskWhenRegisteredThroughTheApi() throws Exception {
    ResponseEntity<String> response = postRequest("""
        {"right":"OBJECTION","objectionScope":"DIRECT_MARKETING","channel":"EMAIL","receivedAt":"2026-03-05",
         "requester":{"name":"%s","email":"%s","dateOfBirth":"1980-05-17"},
         "description":"Ik wil geen nieuwsbrief en aanbiedingen meer."}""".formatted(tenant.name(), tenant.email()));
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    reference = json.readTree(response.getBody()).get("reference").asText();

    RequestRecord request = requests.getByReference(reference);
    assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(request.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(request.identityStatus()).isEqualTo(IdentityStatus.NOT_REQUIRED);
    assertThat(requests.objectionScope(reference)).contains(ObjectionScope.DIRECT_MARKETING);
    assertThat(restricted("marketing", tenant.preference())).isTrue();
    assertThat(objections.suppressed(tenant.email())).isTrue();
    assertThat(restricted("contacts", tenant.contact())).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.processInstanceId())
        .activityId(DataSubjectRequestProcess.Elements.FULFIL_RIGHT).finished().count()).isEqualTo(1);
    // no human task at all: none was ever created for this request, not even the optional deadline extension
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).count())
        .isZero();
    assertThat(letter("request-objection-result")).contains("direct gestopt", "geen direct marketing");

    JsonNode view = json.readTree(rest.withBasicAuth("demo", "demo")
        .getForEntity("/api/requests/" + reference, String.class).getBody());
    assertThat(view.get("objectionScope").asText()).isEqualTo("DIRECT_MARKETING");
    assertThat(view.get("documents").findValuesAsText("type")).contains("ACKNOWLEDGEMENT", "OBJECTION_RESULT");
    assertThat(view.get("events").findValuesAsText("type")).contains("IDENTITY_NOT_REQUIRED",
        "DIRECT_MARKETING_STOPPED", "CLOSED");
  }

  /** Without a scope the objection is checked for identity first (ID-1), then the desk records the scope. */
  @Test
  void shouldVerifyIdentityAndAskTheDeskWhenAnApiObjectionHasNoScope() throws Exception {
    ResponseEntity<String> response = postRequest("""
        {"right":"OBJECTION","channel":"EMAIL","receivedAt":"2026-03-05",
         "requester":{"name":"%s","email":"%s","dateOfBirth":"1980-05-17"}}""".formatted(tenant.name(),
        tenant.email()));
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    reference = json.readTree(response.getBody()).get("reference").asText();
    assertThat(support.task(reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD)).isNotNull();

    support.complete("desk", reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "KNOWN_CONTACT", "identityBasis", "KNOWN_EMAIL", "identityResult", "VERIFIED"));
    support.complete("desk", reference, Elements.RECORD_SCOPE, Map.of("objectionScope", "LEGITIMATE_INTEREST"));
    assertThat(support.task(reference, Elements.WEIGH_OBJECTION)).isNotNull();
    assertThat(requests.objectionScope(reference)).contains(ObjectionScope.LEGITIMATE_INTEREST);
    assertThat(json.readTree(rest.withBasicAuth("demo", "demo").getForEntity("/api/requests/" + reference,
        String.class).getBody()).get("objectionScope").asText()).isEqualTo("LEGITIMATE_INTEREST");
  }

  /** The Tasklist start form carries the scope too; it is stored with the request and reaches dsr-objection. */
  @Test
  void shouldTakeTheScopeFromTheTasklistStartForm() {
    ProcessInstance started = support.as("desk", () -> engine.getFormService().submitStartForm(definitionId(),
        Map.of("intakeKind", "REQUEST", "right", "OBJECTION", "objectionScope", "DIRECT_MARKETING",
            "channel", "PHONE", "receivedAt", "2026-03-05", "requesterName", tenant.name(),
            "requesterEmail", tenant.email(), "requesterDateOfBirth", "1980-05-17", "representation", "SELF")));
    reference = started.getBusinessKey();
    assertThat(requests.objectionScope(reference)).contains(ObjectionScope.DIRECT_MARKETING);
    assertThat(requests.getByReference(reference).status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(restricted("marketing", tenant.preference())).isTrue();
  }

  @Test
  void shouldRefuseAnUnknownScopeOnTheTasklistStartFormAndStoreNothing() {
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> support.as("desk", () -> engine.getFormService().submitStartForm(definitionId(),
        Map.of("intakeKind", "REQUEST", "right", "OBJECTION", "objectionScope", "EVERYTHING", "channel", "PHONE",
            "requesterName", tenant.name(), "requesterEmail", tenant.email()))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ObjectionScope");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_name = ?",
        Integer.class, tenant.name())).isZero();
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private void registerRequest() {
    reference = support.register(command(RequestRight.OBJECTION, TODAY, tenant.name(), tenant.email()))
        .reference();
  }

  private String definitionId() {
    return engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DataSubjectRequestProcess.KEY).latestVersion().singleResult().getId();
  }

  private ResponseEntity<String> postRequest(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("desk", "desk").exchange("/api/requests", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  private ProcessInstance start(String scope) {
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    if (scope != null) {
      variables.put("objectionScope", scope);
    }
    return support.as("demo",
        () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(ObjectionProcess.KEY, reference,
            variables)));
  }

  private void weigh(String user, boolean compellingGrounds) {
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenant.tenancyNumber());
    form.put("compellingGrounds", compellingGrounds);
    form.put("balancingReasons", REASONS);
    support.complete(user, reference, Elements.WEIGH_OBJECTION, form);
  }

  private void confirm(String user) {
    support.complete(user, reference, Elements.CONFIRM_BALANCE, Map.of("objectionBalanceConfirmed", true));
  }

  private boolean restricted(String system, String itemId) {
    return sources.source(system).item(itemId).orElseThrow().restricted();
  }

  private String outcome(ProcessInstance instance) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("outcome").singleResult().getValue();
  }

  private String letter(String template) {
    List<Map<String, Object>> letters = support.outbox(reference).stream()
        .filter(m -> template.equals(m.get("template"))).toList();
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
