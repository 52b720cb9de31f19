package nl.ymere.privacy.rectification;

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
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.RightsTestData;
import nl.ymere.privacy.personaldata.RightsTestData.Tenant;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.rectification.RectificationProcess.Elements;
import nl.ymere.privacy.request.RequestRight;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * dsr-rectification (issue 5 build item 3): REC-1 (correct, complete, statement instead of rewriting an opinion),
 * REC-2 (restriction while checking), SEC-1 on flagged items (logged), REQ-6 recipients, LET-5 and LET-3 letters, four
 * eyes on a refusal. Runs on H2 ({@link RectificationProcessTest}) and PostgreSQL
 * ({@link RectificationProcessPostgresTest}).
 */
abstract class RectificationProcessContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 12);
  static final String NEW_PHONE = "06-55443322";
  static final String STATEMENT = "Ik draaide die nacht geen muziek; ik was met vakantie in Zeeland.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
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
    tenant = RightsTestData.seed(jdbc, "Rik Rectificatie" + n, "rik" + n + "@voorbeeld.nl", "HV-5" + n);
    reference = support.register(command(RequestRight.RECTIFICATION, TODAY, tenant.name(), tenant.email()))
        .reference();
  }

  /** DESIGN principle 2: no name, e-mail, phone (old or new), statement or tenancy number in the engine. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.phone(),
        tenant.tenancyNumber(), NEW_PHONE, STATEMENT).dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldCorrectAttachAStatementTellRecipientsAndSendTheLetter() throws Exception {
    ProcessInstance instance = start();
    ResponseEntity<String> phone = record("desk", "{\"system\":\"tenancy\",\"itemId\":\"" + tenant.contract()
        + "\",\"kind\":\"CORRECT\",\"field\":\"phone\",\"value\":\"" + NEW_PHONE + "\",\"tenancyNumber\":\""
        + tenant.tenancyNumber() + "\",\"restrictWhileChecking\":true}");
    assertThat(phone.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // REC-2: blocked while the accuracy is checked
    assertThat(restricted("tenancy", tenant.contract())).isTrue();
    // REC-1: a witness statement is not rewritten; the person's own statement is attached
    assertThat(record("desk", "{\"system\":\"nuisance\",\"itemId\":\"" + tenant.nuisanceReport()
        + "\",\"kind\":\"STATEMENT\",\"value\":\"" + STATEMENT + "\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(support.task(reference, Elements.RECORD_CHANGES).getDescription()).isNotNull();

    support.complete("desk", reference, Elements.RECORD_CHANGES, Map.of());
    assertThat(support.task(reference, Elements.APPLY_CHANGES).getDescription())
        .contains("tenancy/" + tenant.contract() + " CORRECT phone PROPOSED", "STATEMENT")
        .doesNotContain(NEW_PHONE, "vakantie");

    // SEC-1: the desk sees the statement on the nuisance report hidden, the nuisance team sees it; both reads logged
    JsonNode deskView = view("desk");
    assertThat(change(deskView, "nuisance").get("valueHidden").asBoolean()).isTrue();
    assertThat(change(deskView, "nuisance").get("value").isNull()).isTrue();
    assertThat(change(deskView, "tenancy").get("value").asText()).isEqualTo(NEW_PHONE);
    JsonNode teamView = view("nuisance");
    assertThat(change(teamView, "nuisance").get("value").asText()).isEqualTo(STATEMENT);
    assertThat(accessLog("desk", false)).isPositive();
    assertThat(accessLog("nuisance", true)).isPositive();

    support.complete("nuisance", reference, Elements.APPLY_CHANGES, Map.of("changesChecked", true));

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.INFORM_RECIPIENTS, Elements.SEND_LETTER)
        .hasNotPassed(Elements.CONFIRM_REFUSAL);
    assertThat(outcome(instance)).isEqualTo("GRANTED");
    // the effect in the sources: corrected, the report itself unchanged, the REC-2 block lifted after the letter
    assertThat(sources.source("tenancy").export(tenant.contract())).containsEntry("phone", NEW_PHONE);
    assertThat(sources.source("nuisance").export(tenant.nuisanceReport())).containsEntry("content",
        "Harde muziek na middernacht");
    assertThat(restricted("tenancy", tenant.contract())).isFalse();
    // REQ-6, Art 19: the privacy officers are told to inform each recipient; field names, no values
    List<Map<String, Object>> notices = mails("rectification-recipients-notice");
    assertThat(notices).isNotEmpty().allSatisfy(m -> assertThat((String) m.get("body_html"))
        .contains("tenancy/" + tenant.contract(), "veld phone", "Gemeente (woonruimteverdeling)",
            "verklaring toegevoegd", "Politie Amsterdam")
        .doesNotContain(NEW_PHONE, STATEMENT, tenant.name()));
    // LET-5 in Dutch, then English
    String letter = letter();
    assertThat(letter).contains("uitgevoerd", "Wat wij hebben gecorrigeerd of aangevuld", "phone", "gecorrigeerd",
        "Uw verklaring toegevoegd", "Overlastmelding", "Autoriteit woningcorporaties (toezicht)", "Politie Amsterdam",
        "artikel 19 AVG", "beperking nu opheffen", "carried out")
        .doesNotContain(NEW_PHONE, "Wat wij niet hebben gewijzigd");
    assertThat(letter.indexOf("Beste")).isLessThan(letter.indexOf("Dear"));
    assertThat(support.eventTypes(reference)).contains("RECTIFICATION_CHANGE_RECORDED_RESTRICTED",
        "RECTIFICATION_CHANGES_RECORDED", "RECTIFICATION_CHANGES_APPLIED", "RECTIFICATION_RECIPIENTS_NOTICE_QUEUED",
        "RECTIFICATION_RESTRICTION_LIFTED", "RECTIFICATION_LETTER_QUEUED_GRANTED");
  }

  @Test
  void shouldRefuseTheDeskApplyingAChangeToAFlaggedItem() {
    start();
    record("desk", "{\"system\":\"nuisance\",\"itemId\":\"" + tenant.nuisanceReport() + "\",\"kind\":\"CORRECT\","
        + "\"field\":\"sharedWith\",\"value\":\"Politie Amsterdam\",\"tenancyNumber\":\"" + tenant.tenancyNumber()
        + "\"}");
    support.complete("desk", reference, Elements.RECORD_CHANGES, Map.of());
    String taskId = support.task(reference, Elements.APPLY_CHANGES).getId();

    // the apply task belongs to the nuisance team and privacy officers; even when handed to the desk, SEC-1 holds
    support.as("demo", () -> {
      engine.getTaskService().setAssignee(taskId, "desk");
      return null;
    });
    assertThatThrownBy(() -> support.as("desk", () -> {
      engine.getTaskService().complete(taskId, Map.of("changesChecked", true));
      return null;
    })).hasMessageContaining("desk");
    assertThat(sources.source("nuisance").export(tenant.nuisanceReport())).containsEntry("sharedWith",
        "Politie Amsterdam; Gemeente (handhaving)");
    assertThat(accessLog("desk", false)).isPositive();
  }

  @Test
  void shouldHaveARefusalConfirmedByASecondUserAndExplainItInTheLetter() {
    ProcessInstance instance = start();
    record("desk", "{\"system\":\"tenancy\",\"itemId\":\"" + tenant.contract() + "\",\"kind\":\"CORRECT\","
        + "\"field\":\"phone\",\"value\":\"" + NEW_PHONE + "\"}");
    record("desk", "{\"system\":\"marketing\",\"itemId\":\"" + tenant.preference() + "\",\"kind\":\"CORRECT\","
        + "\"field\":\"email\",\"value\":\"ander-adres@voorbeeld.nl\"}");
    support.complete("desk", reference, Elements.RECORD_CHANGES, Map.of());
    long marketingChange = change(view("desk"), "marketing").get("id").asLong();

    ResponseEntity<String> shortReason = refuse("deskofficer", marketingChange, "{\"reason\":\"nee\"}");
    assertThat(shortReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(shortReason.getBody()).contains("reason");
    assertThat(refuse("deskofficer", marketingChange, "{\"reason\":\"Het opgegeven adres is niet bevestigd via de "
        + "bevestigingsmail van de nieuwsbrief.\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    support.complete("deskofficer", reference, Elements.APPLY_CHANGES, Map.of("changesChecked", true));
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_REFUSAL);
    assertThat(sources.source("tenancy").export(tenant.contract())).containsEntry("phone", NEW_PHONE);

    // four eyes: who applied and refused may not confirm the refusal
    assertThatThrownBy(() -> confirm("deskofficer", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("deskofficer");
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_REFUSAL);
    // not confirmed: back to the department, the change is a proposal again
    confirm("officer", false);
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.APPLY_CHANGES);
    assertThat(change(view("desk"), "marketing").get("status").asText()).isEqualTo("PROPOSED");

    refuse("deskofficer", marketingChange, "{\"reason\":\"Het opgegeven adres is niet bevestigd via de "
        + "bevestigingsmail van de nieuwsbrief.\"}");
    support.complete("deskofficer", reference, Elements.APPLY_CHANGES, Map.of("changesChecked", true));
    confirm("officer", true);

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(outcome(instance)).isEqualTo("PARTIALLY_GRANTED");
    assertThat(sources.source("marketing").export(tenant.preference())).containsEntry("email", tenant.email());
    assertThat(letter()).contains("gedeeltelijk uitgevoerd", "Wat wij niet hebben gewijzigd, en waarom",
        "niet bevestigd via de bevestigingsmail", "door twee medewerkers", "Autoriteit Persoonsgegevens",
        "rechtbank", "zes weken", "six weeks", "Autoriteit woningcorporaties (toezicht)")
        // Art 19 concerns carried-out changes: the mailing service of the refused change is not told
        .doesNotContain("Mailingdienst");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.CONFIRM_REFUSAL).finished().list())
        .extracting(t -> t.getAssignee()).contains("officer").doesNotContain("deskofficer");
  }

  @Test
  void shouldRefuseTheRefusalsAuthorAsConfirmerEvenWhenSomeoneElseApplied() {
    ProcessInstance instance = start();
    record("desk", "{\"system\":\"marketing\",\"itemId\":\"" + tenant.preference() + "\",\"kind\":\"CORRECT\","
        + "\"field\":\"email\",\"value\":\"ander-adres@voorbeeld.nl\"}");
    support.complete("desk", reference, Elements.RECORD_CHANGES, Map.of());
    long id = change(view("desk"), "marketing").get("id").asLong();
    refuse("deskofficer", id, "{\"reason\":\"Het opgegeven adres is niet bevestigd via de bevestigingsmail.\"}");
    support.complete("officer", reference, Elements.APPLY_CHANGES, Map.of("changesChecked", true));

    // LET-3 four eyes: the author of the refusal is the first pair of eyes too, not only the applier
    assertThatThrownBy(() -> confirm("deskofficer", true)).hasMessageContaining("weigering opgesteld");
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_REFUSAL);
    assertThat(mails("request-rectification-result")).isEmpty();
    String taskId = support.task(reference, Elements.CONFIRM_REFUSAL).getId();
    support.as("demo", () -> {
      engine.getTaskService().setAssignee(taskId, null);
      return null;
    });
    // the applier is refused by the four-eyes listener; a third user confirms
    assertThatThrownBy(() -> confirm("officer", true)).hasMessageContaining("officer");
    confirm("demo", true);
    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(outcome(instance)).isEqualTo("REFUSED");
    assertThat(letter()).contains("niet uitgevoerd", "niet bevestigd via de bevestigingsmail", "rechtbank");
  }

  @Test
  void shouldRejectBadInputWithAProblemAndChangeNothing() {
    ProcessInstance instance = start();
    String contract = "\"system\":\"tenancy\",\"itemId\":\"" + tenant.contract() + "\"";

    assertBadRequest(record("desk", "{" + contract + ",\"kind\":\"STATEMENT\",\"field\":\"phone\",\"value\":\"x\"}"),
        "field");
    assertBadRequest(record("desk", "{\"system\":\"nuisance\",\"itemId\":\"" + tenant.nuisanceReport()
        + "\",\"kind\":\"CORRECT\",\"field\":\"content\",\"value\":\"anders\",\"tenancyNumber\":\""
        + tenant.tenancyNumber() + "\"}"), "STATEMENT");
    assertBadRequest(record("desk", "{\"system\":\"tenancy\",\"itemId\":\"contract-999999\",\"kind\":\"CORRECT\","
        + "\"field\":\"phone\",\"value\":\"06-1\"}"), "itemId");
    assertBadRequest(record("desk", "{" + contract + ",\"kind\":\"CORRECT\",\"field\":\"phone\"}"), "value");
    assertBadRequest(record("desk", "{" + contract + ",\"kind\":\"REWRITE\",\"field\":\"phone\",\"value\":\"1\"}"),
        "kind");
    assertBadRequest(record("desk", "{" + contract + ",\"kind\":\"CORRECT\",\"field\":\"dateOfBirth\","
        + "\"value\":\"17-05-1980\"}"), "YYYY-MM-DD");
    assertBadRequest(record("desk", "{" + contract + ",\"kind\":\"CORRECT\",\"field\":\"phone\",\"value\":\"1\","
        + "\"recipientsNotInformedReason\":\"nee\"}"), "recipientsNotInformedReason");
    assertBadRequest(record("desk", "{\"kind\": "), null);
    // issue 14 finding 6: no item of the nuisance team is on this request yet (its report is found through the
    // tenancy number, which no accepted change has given), so for the team the request does not exist
    assertThat(record("nuisance", "{" + contract + ",\"kind\":\"CORRECT\",\"field\":\"phone\",\"value\":\"1\","
        + "\"restrictWhileChecking\":true}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("desk", "desk").postForEntity("/api/requests/AVG-1900-000001/rectification/changes",
        body("{" + contract + ",\"kind\":\"CORRECT\",\"field\":\"phone\",\"value\":\"1\"}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(refuse("desk", 1, "{\"reason\":\"Een reden die lang genoeg is om te tellen.\"}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // the recording task needs at least one change
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.RECORD_CHANGES, Map.of()))
        .hasMessageContaining("minstens één wijziging");

    // nothing changed: no change rows, no block, no letter, still recording
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.rectification_change WHERE reference = ?",
        Integer.class, reference)).isZero();
    assertThat(restricted("tenancy", tenant.contract())).isFalse();
    assertThat(sources.source("tenancy").export(tenant.contract())).containsEntry("phone", tenant.phone());
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.RECORD_CHANGES);

    // the apply form needs the check box; a refusal only while the apply task is open
    record("desk", "{" + contract + ",\"kind\":\"CORRECT\",\"field\":\"phone\",\"value\":\"" + NEW_PHONE + "\"}");
    long id = change(view("desk"), "tenancy").get("id").asLong();
    assertThat(refuse("desk", id, "{\"reason\":\"Een reden die lang genoeg is om te tellen.\"}").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    support.complete("desk", reference, Elements.RECORD_CHANGES, Map.of());
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.APPLY_CHANGES,
        Map.of("changesChecked", false))).hasMessageContaining("beoordeeld");
    assertThat(sources.source("tenancy").export(tenant.contract())).containsEntry("phone", tenant.phone());
    assertThat(record("desk", "{" + contract + ",\"kind\":\"CORRECT\",\"field\":\"phone\",\"value\":\"1\"}")
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  private ProcessInstance start() {
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    // started as the calling data-subject-request would (a call activity needs no start right); demo is admin
    return support.as("demo",
        () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(RectificationProcess.KEY, reference,
            variables)));
  }

  private ResponseEntity<String> record(String user, String body) {
    return rest.withBasicAuth(user, user).postForEntity("/api/requests/" + reference + "/rectification/changes",
        body(body), String.class);
  }

  private ResponseEntity<String> refuse(String user, long id, String body) {
    return rest.withBasicAuth(user, user).postForEntity("/api/requests/" + reference + "/rectification/changes/" + id
        + "/refusal", body(body), String.class);
  }

  private JsonNode view(String user) {
    try {
      return json.readTree(rest.withBasicAuth(user, user).getForObject("/api/requests/" + reference
          + "/rectification", String.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode change(JsonNode view, String system) {
    for (JsonNode change : view.get("changes")) {
      if (system.equals(change.get("system").asText())) {
        return change;
      }
    }
    throw new AssertionError("no change on " + system + " in " + view);
  }

  private void confirm(String user, boolean confirmed) {
    support.complete(user, reference, Elements.CONFIRM_REFUSAL, Map.of("refusalConfirmed", confirmed));
  }

  private void assertBadRequest(ResponseEntity<String> response, String mentioned) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    if (mentioned != null) {
      assertThat(response.getBody()).contains(mentioned);
    }
  }

  private static HttpEntity<String> body(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private int accessLog(String user, boolean granted) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.personal_data_access_log WHERE user_id = ? AND "
        + "source_system = 'nuisance' AND item_id = ? AND purpose = 'RECTIFICATION_REQUEST' AND granted = ?",
        Integer.class, user, tenant.nuisanceReport(), granted);
  }

  private boolean restricted(String system, String itemId) {
    return sources.source(system).item(itemId).map(PersonalDataItem::restricted).orElseThrow();
  }

  private String outcome(ProcessInstance instance) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("outcome").singleResult().getValue();
  }

  private List<Map<String, Object>> mails(String template) {
    return support.outbox(reference).stream().filter(m -> template.equals(m.get("template"))).toList();
  }

  private String letter() {
    List<Map<String, Object>> letters = mails("request-rectification-result");
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
