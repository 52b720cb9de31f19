package nl.ymere.privacy.restriction;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.restriction.RestrictionProcess.Elements;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * dsr-restriction (issue 5 build item 5): RES-1 ground and items, the block in the sources (RES-2), recipients told
 * (REQ-6, Art 19), the LET-5 letter, and lifting only after the notice and the wait (Art 18(3), RES-3); the refusal
 * when no RES-1 ground applies, confirmed by a second person (four eyes) with the LET-3 letter. Runs on H2
 * ({@link RestrictionProcessTest}) and PostgreSQL ({@link RestrictionProcessPostgresTest}).
 */
abstract class RestrictionProcessContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  /** Case-specific refusal reasons: free text that must reach the letter and never the engine (SEC-3). */
  static final String REFUSAL_REASONS = "U betwist de juistheid niet en de huurachterstand van Bram wordt "
      + "rechtmatig verwerkt voor de lopende huurovereenkomst.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;

  Tenant tenant;
  String reference;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = RightsTestData.seed(jdbc, "Bram Beperking" + n, "bram" + n + "@voorbeeld.nl", "HV-7" + n);
    reference = support.register(command(RequestRight.RESTRICTION, TODAY, tenant.name(), tenant.email()))
        .reference();
  }

  /** DESIGN principle 2: no name, e-mail, phone, tenancy number or date of birth in the engine after any path. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.phone(),
        tenant.tenancyNumber(), REFUSAL_REASONS).dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldBlockTheChosenItemsTellTheRecipientsAndConfirmInTheLetter() {
    ProcessInstance instance = start();
    assertThat(support.task(reference, Elements.CHOOSE_ITEMS).getDescription())
        .contains("tenancy/" + tenant.contract(), "marketing/" + tenant.preference());

    choose("desk", "A", tenant.tenancyNumber(), "tenancy/" + tenant.contract() + "\nnuisance/"
        + tenant.nuisanceReport() + "\n" + "contacts/" + tenant.contact());

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.APPLY_RESTRICTION, Elements.INFORM_RECIPIENTS,
        Elements.SEND_LETTER);
    assertThat(outcome(instance)).isEqualTo("GRANTED");
    // RES-2: the sources carry the block; find marks the items, the rest stays usable
    assertThat(restricted("tenancy", tenant.contract())).isTrue();
    assertThat(restricted("nuisance", tenant.nuisanceReport())).isTrue();
    assertThat(restricted("contacts", tenant.contact())).isTrue();
    assertThat(restricted("marketing", tenant.preference())).isFalse();
    assertThat(sources.findUsable(new SubjectKey(tenant.name(), LocalDate.of(1980, 5, 17), tenant.email(),
        tenant.tenancyNumber()))).extracting(PersonalDataItem::itemId).contains(tenant.preference())
        .doesNotContain(tenant.contract(), tenant.nuisanceReport(), tenant.contact());
    // REQ-6, Art 19: the privacy officers are told to inform every recipient (references and organisations only)
    List<Map<String, Object>> notices = mails("restriction-recipients-notice");
    assertThat(notices).isNotEmpty().allSatisfy(m -> assertThat((String) m.get("body_html"))
        .contains("tenancy/" + tenant.contract(), "Autoriteit woningcorporaties (toezicht)", "Politie Amsterdam")
        .doesNotContain(tenant.name(), tenant.email(), "Harde muziek"));
    // LET-5, in Dutch first
    String letter = letter("request-restriction-result");
    assertThat(letter).contains("uitgevoerd", "de juistheid van de gegevens wordt betwist",
        "Welke gegevens wij hebben beperkt", "Overlastmelding", "Gemeente (woonruimteverdeling)",
        "Politie Amsterdam", "artikel 19 AVG", "Voordat wij de beperking opheffen, laten wij u dat eerst weten")
        .contains("carried out");
    assertThat(letter.indexOf("Beste")).isLessThan(letter.indexOf("Dear"));
    assertThat(support.eventTypes(reference)).contains("RESTRICTION_ITEMS_CHOSEN_A", "RESTRICTION_APPLIED",
        "RESTRICTION_RECIPIENTS_NOTICE_QUEUED", "RESTRICTION_LETTER_QUEUED_GRANTED");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("restrictionItems").list()).isEmpty();
  }

  @Test
  void shouldRecordWhyRecipientsCannotBeToldAndLeaveThemOffTheNotice() {
    start();
    choose("desk", "C", null, "marketing/" + tenant.preference() + " ; mailingdienst is failliet en opgeheven");

    assertThat(restricted("marketing", tenant.preference())).isTrue();
    assertThat(mails("restriction-recipients-notice")).isEmpty();
    assertThat(letter("request-restriction-result")).contains("konden wij niet informeren",
        "mailingdienst is failliet en opgeheven", "rechtsvordering");
  }

  @Test
  void shouldRefuseBadChoicesAndChangeNothing() {
    ProcessInstance instance = start();
    Tenant other = RightsTestData.seed(jdbc, "Olga Ander" + System.nanoTime() % 1000, "olga@voorbeeld.nl", "HV-6x");

    assertThatThrownBy(() -> choose("desk", null, null, "tenancy/" + tenant.contract()))
        .hasMessageContaining("grond");
    assertThatThrownBy(() -> choose("desk", "Z", null, "tenancy/" + tenant.contract()))
        .hasMessageContaining("A tot en met E");
    assertThatThrownBy(() -> choose("desk", "A", null, "tenancy/" + other.contract()))
        .hasMessageContaining("geen gegeven van deze persoon");
    assertThatThrownBy(() -> choose("desk", "A", null, "tenancy " + tenant.contract()))
        .hasMessageContaining("systeem/item");
    assertThatThrownBy(() -> choose("desk", "A", null, ""))
        .hasMessageContaining("minstens één item");
    assertThatThrownBy(() -> choose("desk", "A", null, "tenancy/" + tenant.contract() + "; kort"))
        .hasMessageContaining("REQ-6");

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CHOOSE_ITEMS);
    assertThat(restricted("tenancy", tenant.contract())).isFalse();
    assertThat(restricted("tenancy", other.contract())).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.restriction_item WHERE reference = ?",
        Integer.class, reference)).isZero();
    assertThat(mails("request-restriction-result")).isEmpty();
  }

  @Test
  void shouldTellThePersonBeforeLiftingAndLiftOnlyAfterTheWait() {
    start();
    choose("desk", "A", tenant.tenancyNumber(), "tenancy/" + tenant.contract() + "\nnuisance/"
        + tenant.nuisanceReport());

    ResponseEntity<String> accepted = lift("officer", "{\"items\":[\"tenancy/" + tenant.contract() + "\"]}");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    // RES-3: the notice went out first, naming the date; the block is still there
    String notice = letter("request-restriction-lift-notice");
    assertThat(notice).contains("De reden voor die beperking is vervallen", "opheffen", "17 maart 2026",
        "niet eerder", "artikel 18 lid 3 AVG", "17 March 2026");
    assertThat(restricted("tenancy", tenant.contract())).isTrue();
    ProcessInstance lifting = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(RestrictionProcess.KEY).singleResult();
    ProcessAssertions.assertThat(lifting).isWaitingAt(Elements.WAIT_AFTER_NOTICE);
    Job timer = support.timer(reference, Elements.WAIT_AFTER_NOTICE);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(RequestTestSupport.at(TODAY.plusDays(7), 10, 0, 0)));

    support.setNow(TODAY.plusDays(6), 23, 0);
    assertThat(support.executeDueTimers(reference)).isZero();
    assertThat(restricted("tenancy", tenant.contract())).isTrue();

    support.setNow(TODAY.plusDays(7), 10, 1);
    support.executeDueTimers(reference);
    ProcessAssertions.assertThat(lifting).isEnded().hasPassed(Elements.LIFT_RESTRICTION);
    assertThat(restricted("tenancy", tenant.contract())).isFalse();
    // only the chosen item was lifted
    assertThat(restricted("nuisance", tenant.nuisanceReport())).isTrue();
    assertThat(support.eventTypes(reference)).containsSubsequence("RESTRICTION_LIFT_REQUESTED",
        "RESTRICTION_LIFT_NOTICE_QUEUED", "RESTRICTION_LIFTED");
  }

  @Test
  void shouldRefuseBadLiftRequestsWithAProblemAndChangeNothing() {
    start();
    choose("desk", "B", null, "contacts/" + tenant.contact());

    ResponseEntity<String> byDesk = lift("desk", "{}");
    assertThat(byDesk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> unknownItem = lift("officer", "{\"items\":[\"tenancy/" + tenant.contract() + "\", \"x\"]}");
    assertThat(unknownItem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownItem.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(unknownItem.getBody()).contains("items[0]", "items[1]");
    ResponseEntity<String> malformed = lift("officer", "{\"items\": 5");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> unknownRequest = rest.withBasicAuth("officer", "officer").postForEntity(
        "/api/requests/AVG-1900-000001/restriction/lift", json("{}"), String.class);
    assertThat(unknownRequest.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // nothing changed: no notice, no lift path, the block stands
    assertThat(mails("request-restriction-lift-notice")).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(RestrictionProcess.KEY).count()).isZero();
    assertThat(restricted("contacts", tenant.contact())).isTrue();

    assertThat(lift("officer", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    ResponseEntity<String> again = lift("officer", "{}");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(mails("request-restriction-lift-notice")).hasSize(1);
  }

  // ---- refusal: no ground of RES-1 applies (LET-3, four eyes) --------------------------------------------------

  @Test
  void shouldRefuseWhenNoGroundAppliesAfterASecondPersonConfirmsAndBlockNothing() {
    ProcessInstance instance = start();

    proposeRefusal("desk", REFUSAL_REASONS);
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_REFUSAL);
    assertThat(support.task(reference, Elements.CONFIRM_REFUSAL).getDescription()).contains("desk")
        .doesNotContain(REFUSAL_REASONS).contains("Weigering van beperking bevestigen");
    // the confirming officer reads the reasons from the product, not from the task
    ResponseEntity<String> proposed = rest.withBasicAuth("officer", "officer")
        .getForEntity("/api/requests/" + reference + "/restriction/refusals", String.class);
    assertThat(proposed.getStatusCode().value()).isEqualTo(200);
    assertThat(proposed.getBody()).contains(REFUSAL_REASONS, "\"proposedBy\":\"desk\"", "\"decision\":null");
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/api/requests/" + reference
        + "/restriction/refusals", String.class).getStatusCode().value()).isEqualTo(403);
    confirmRefusal("officer", true);

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.SEND_REFUSAL_LETTER, Elements.END_REFUSED)
        .hasNotPassed(Elements.APPLY_RESTRICTION);
    assertThat(outcome(instance)).isEqualTo("REFUSED");
    // nothing is blocked in any source, no restriction item recorded, no recipients told
    assertThat(sources.all()).allSatisfy(source -> assertThat(source.find(subject())).noneMatch(
        PersonalDataItem::restricted));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.restriction_item WHERE reference = ?",
        Integer.class, reference)).isZero();
    assertThat(mails("restriction-recipients-notice")).isEmpty();
    // LET-3: what was and was not done, the case-specific reasons, AP complaint, court within six weeks; Dutch first
    String letter = letter("request-restriction-result");
    assertThat(letter).contains("afgewezen", "niet beperkt", "artikel 18 lid 1 AVG", "huurachterstand",
        "Dit besluit is door twee medewerkers beoordeeld", "Autoriteit Persoonsgegevens", "rechtbank", "zes weken")
        .contains("refused", "have not restricted", "Dutch Data Protection Authority", "district court",
            "six weeks")
        .doesNotContain("Welke gegevens wij hebben beperkt", "Voordat wij de beperking opheffen");
    assertThat(letter.indexOf("Beste")).isLessThan(letter.indexOf("Dear"));
    assertThat(letter.indexOf("afgewezen")).isLessThan(letter.indexOf("refused"));
    assertThat(jdbc.queryForObject("SELECT proposed_by || '/' || decision || '/' || decided_by FROM "
        + "privacy.restriction_refusal WHERE reference = ?", String.class, reference))
        .isEqualTo("desk/CONFIRMED/officer");
    assertThat(support.eventTypes(reference)).containsSubsequence("RESTRICTION_REFUSAL_PROPOSED",
        "RESTRICTION_REFUSAL_CONFIRMED", "RESTRICTION_LETTER_QUEUED_REFUSED");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("refusalReasons").list()).isEmpty();
  }

  @Test
  void shouldNotLetTheProposerConfirmTheirOwnRefusal() {
    ProcessInstance instance = start();
    proposeRefusal("deskofficer", REFUSAL_REASONS);

    // four eyes: deskofficer is a privacy officer too, but proposed the refusal; the task is hidden from them and
    // claiming or completing it is refused
    String taskId = support.task(reference, Elements.CONFIRM_REFUSAL).getId();
    assertThat(support.as("deskofficer", () -> taskService.createTaskQuery().taskId(taskId).count())).isZero();
    assertThatThrownBy(() -> confirmRefusal("deskofficer", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("deskofficer");

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_REFUSAL);
    assertThat(mails("request-restriction-result")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.restriction_refusal WHERE reference = ? "
        + "AND decision IS NULL", Integer.class, reference)).isEqualTo(1);

    confirmRefusal("officer", true);
    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.END_REFUSED);
    assertThat(outcome(instance)).isEqualTo("REFUSED");
  }

  @Test
  void shouldSendTheRefusalBackToTheHandlerWhenTheOfficerDoesNotConfirm() {
    ProcessInstance instance = start();
    proposeRefusal("desk", REFUSAL_REASONS);

    confirmRefusal("officer", false);

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CHOOSE_ITEMS);
    assertThat(mails("request-restriction-result")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT decision FROM privacy.restriction_refusal WHERE reference = ?",
        String.class, reference)).isEqualTo("SENT_BACK");
    assertThat(support.eventTypes(reference)).contains("RESTRICTION_REFUSAL_SENT_BACK");

    // the handler now finds a ground after all: the restriction path runs as usual
    choose("desk", "A", null, "contacts/" + tenant.contact());
    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.APPLY_RESTRICTION)
        .hasNotPassed(Elements.SEND_REFUSAL_LETTER);
    assertThat(outcome(instance)).isEqualTo("GRANTED");
    assertThat(restricted("contacts", tenant.contact())).isTrue();
    assertThat(letter("request-restriction-result")).contains("uitgevoerd").doesNotContain("afgewezen");
  }

  @Test
  void shouldRefuseARefusalWithoutEnoughReasonsAndChangeNothing() {
    ProcessInstance instance = start();

    assertThatThrownBy(() -> proposeRefusal("desk", null)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Motiveer de weigering").hasMessageContaining("20 tekens");
    assertThatThrownBy(() -> proposeRefusal("desk", "   ")).hasMessageContaining("20 tekens");
    assertThatThrownBy(() -> proposeRefusal("desk", "geen grond van toep")).hasMessageContaining("20 tekens");
    assertThatThrownBy(() -> decide("desk", "MAYBE", REFUSAL_REASONS, null))
        .hasMessageContaining("RESTRICT (beperken) of REFUSE");
    assertThatThrownBy(() -> decide("desk", "REFUSE", REFUSAL_REASONS, "tenancy/" + tenant.contract()))
        .hasMessageContaining("laat de lijst met items leeg");
    assertThatThrownBy(() -> decide("desk", "RESTRICT", REFUSAL_REASONS, "tenancy/" + tenant.contract()))
        .hasMessageContaining("alleen bij Weigeren");

    // nothing changed: the task is still open, no proposal, no item, no letter, no variable left behind
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CHOOSE_ITEMS);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.restriction_refusal WHERE reference = ?",
        Integer.class, reference)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.restriction_item WHERE reference = ?",
        Integer.class, reference)).isZero();
    assertThat(restricted("tenancy", tenant.contract())).isFalse();
    assertThat(mails("request-restriction-result")).isEmpty();
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("restrictionDecision",
        "refusalReasons", "restrictionRefusalDrafter");
    assertThat(support.eventTypes(reference)).doesNotContain("RESTRICTION_REFUSAL_PROPOSED");
  }

  private void proposeRefusal(String user, String reasons) {
    decide(user, "REFUSE", reasons, null);
  }

  private void decide(String user, String decision, String reasons, String items) {
    Map<String, Object> form = new HashMap<>();
    form.put("restrictionDecision", decision);
    form.put("refusalReasons", reasons);
    form.put("restrictionItems", items);
    form.put("restrictionGround", "A");
    support.complete(user, reference, Elements.CHOOSE_ITEMS, form);
  }

  private void confirmRefusal(String user, boolean confirmed) {
    support.complete(user, reference, Elements.CONFIRM_REFUSAL, Map.of("restrictionRefusalConfirmed", confirmed));
  }

  private SubjectKey subject() {
    return new SubjectKey(tenant.name(), LocalDate.of(1980, 5, 17), tenant.email(), tenant.tenancyNumber());
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
        () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(RestrictionProcess.KEY, reference,
            variables)));
  }

  private void choose(String user, String ground, String tenancyNumber, String items) {
    Map<String, Object> form = new HashMap<>();
    form.put("restrictionGround", ground);
    form.put("tenancyNumber", tenancyNumber);
    form.put("restrictionItems", items);
    support.complete(user, reference, Elements.CHOOSE_ITEMS, form);
  }

  private ResponseEntity<String> lift(String user, String body) {
    return rest.withBasicAuth(user, user).postForEntity("/api/requests/" + reference + "/restriction/lift",
        json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
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

  private String letter(String template) {
    List<Map<String, Object>> letters = mails(template);
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
