package nl.ymere.privacy.erasure;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.erasure.ErasureProcess.Elements;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.security.FourEyesViolationException;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** dsr-erasure (issue 5 build item 4): ERA-2, ERA-4, ERA-5, RET-4, LET-3, LET-5 on a tenant of the test's own. */
@IntegrationTest
class ErasureProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
  @Autowired LegalHolds legalHolds;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Willemijn Wisverzoek" + n, "willemijn" + n + "@voorbeeld.nl",
        "HV-9" + n, "NL91ABNA04" + String.format("%08d", n));
    RequestRecord request = support.register(command(RequestRight.ERASURE, TODAY, tenant.name(), tenant.email()));
    reference = request.reference();
  }

  /** DESIGN principle 2: no name, e-mail, tenancy number, IBAN or date of birth in the engine after any path. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource)
        .text(tenant.name(), tenant.email(), tenant.tenancyNumber(), tenant.iban())
        .dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldEraseWhatMayGoAndKeepFiscalRecordsWithTheirEndDateInTheLetter() {
    ProcessInstance instance = start();

    propose("desk", tenant.tenancyNumber(), null);
    // ERA-4: nothing is deleted before the second user confirmed
    assertThat(exists("marketing", tenant.preference())).isTrue();
    confirm("officer");

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.EXECUTE_ERASURE, Elements.SEND_ERASURE_LETTER);
    assertThat(outcome(instance)).isEqualTo("PARTIALLY_GRANTED");
    // erased (the work note was found through the tenancy number the handler entered)
    assertThat(exists("marketing", tenant.preference())).isFalse();
    assertThat(exists("contacts", tenant.contact())).isFalse();
    assertThat(exists("worknotes", tenant.workNote())).isFalse();
    assertThat(exists("tenancy", tenant.oldPayment())).isFalse();
    // kept: the 2025 payment (fiscal until 2032-12-31) and the running contract
    assertThat(exists("tenancy", tenant.recentPayment())).isTrue();
    assertThat(exists("tenancy", tenant.contract())).isTrue();
    assertThat(jdbc.queryForObject("SELECT payer_iban FROM privacy.rent_payment WHERE id = ?", String.class,
        Long.parseLong(tenant.recentPayment().substring("payment-".length())))).isEqualTo(tenant.iban());

    String letter = letter();
    assertThat(letter).contains("gedeeltelijk", "Wat wij hebben gewist", "Voorkeur NEWSLETTER")
        .contains("Wat wij bewaren, waarom en tot wanneer", "fiscale bewaarplicht", "31 december 2032",
            "zolang de huurovereenkomst loopt", "Autoriteit Persoonsgegevens", "rechtbank", "zes weken",
            "31 December 2032");
    assertThat(support.eventTypes(reference)).contains("ERASURE_LIST_PROPOSED", "ERASURE_LIST_CONFIRMED",
        "ERASURE_EXECUTED", "ERASURE_RECIPIENTS_NOTICE_QUEUED", "ERASURE_LETTER_QUEUED_PARTIALLY_GRANTED");
    // Art 19, LET-5: the recipients of erased items are named in the letter and the privacy officers told to inform
    // them (the newsletter went through the mailing service, the 2018 payment to the tax office and accountant)
    assertThat(letter).contains("Mailingdienst (verwerker)", "Belastingdienst (op verzoek)", "artikel 19 AVG");
    List<Map<String, Object>> notices = support.outbox(reference).stream()
        .filter(m -> "erasure-recipients-notice".equals(m.get("template"))).toList();
    assertThat(notices).isNotEmpty().allSatisfy(m -> assertThat((String) m.get("body_html"))
        .contains("marketing/" + tenant.preference(), "Mailingdienst (verwerker)")
        .doesNotContain(tenant.name(), tenant.email()));
  }

  @Test
  void shouldShowTheProposedListInTheTaskDescription() {
    start();

    assertThat(support.task(reference, Elements.PROPOSE_ERASURE_LIST).getDescription())
        .contains("tenancy/" + tenant.recentPayment() + " KEEP FISCAL_RETENTION 2032-12-31")
        .contains("marketing/" + tenant.preference() + " ERASE");
  }

  @Test
  void shouldRefuseAnEraseProposalForAFiscalItemWithItsEndDate() {
    start();

    assertThatThrownBy(() -> propose("desk", null, "tenancy/" + tenant.recentPayment() + " ERASE"))
        .hasMessageContaining("tenancy/" + tenant.recentPayment()).hasMessageContaining("2032-12-31");
    assertThatThrownBy(() -> propose("desk", null, "tenancy/" + tenant.recentPayment() + " ANONYMISE"))
        .hasMessageContaining("2032-12-31");

    // nothing changed: the task is still open and the item is still proposed KEEP for fiscal retention
    assertThat(support.task(reference, Elements.PROPOSE_ERASURE_LIST)).isNotNull();
    assertThat(decision(tenant.recentPayment())).isEqualTo("KEEP/FISCAL_RETENTION/2032-12-31");
    assertThat(jdbc.queryForObject("SELECT proposed_by FROM privacy.erasure_case WHERE reference = ?", String.class,
        reference)).isNull();
  }

  @Test
  void shouldLetALegalHoldBlockErasureOfTheHeldItemOnly() {
    legalHolds.holdItem(new ItemRef("marketing", tenant.preference()), "Geschil over toestemming",
        LocalDate.of(2027, 6, 30), "officer");
    ProcessInstance instance = start();

    assertThat(decision(tenant.preference())).isEqualTo("KEEP/LEGAL_HOLD/2027-06-30");
    assertThatThrownBy(() -> propose("desk", null, "marketing/" + tenant.preference() + " ERASE"))
        .hasMessageContaining("legal hold");

    propose("desk", null, null);
    confirm("officer");

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(exists("marketing", tenant.preference())).isTrue();
    assertThat(exists("contacts", tenant.contact())).isFalse();
    assertThat(letter()).contains("legal hold", "30 juni 2027");
  }

  @Test
  void shouldRefuseAHoldPlacedAfterTheProposalAtExecution() {
    start();
    propose("desk", null, null);
    legalHolds.holdSubject(tenant.email(), null, "Procedure bij de kantonrechter", null, "officer");

    assertThatThrownBy(() -> confirm("officer")).hasMessageContaining("legal hold");
    assertThat(exists("marketing", tenant.preference())).isTrue();
    assertThat(exists("contacts", tenant.contact())).isTrue();
  }

  @Test
  void shouldRefuseTheProposerAsConfirmerAndDeleteNothing() {
    ProcessInstance instance = start();
    propose("deskofficer", null, null);

    // the task is revoked for the proposer (hidden, cannot be claimed) ...
    assertThatThrownBy(() -> confirm("deskofficer")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("deskofficer");
    assertThat(exists("marketing", tenant.preference())).isTrue();
    BpmnAwareTests.assertThat(instance).isWaitingAt(Elements.CONFIRM_ERASURE_LIST);

    confirm("officer");
    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(exists("marketing", tenant.preference())).isFalse();
  }

  @Test
  void shouldRefuseTheProposerAsConfirmerEvenWhereTaskAuthorizationsDoNotApply() {
    ProcessInstance instance = start();
    propose("deskofficer", null, null);
    String taskId = support.task(reference, Elements.CONFIRM_ERASURE_LIST).getId();

    // ... and the four-eyes listener refuses them where no authorization is checked (ERA-4, principle 6)
    assertThatThrownBy(() -> taskService.setAssignee(taskId, "deskofficer"))
        .hasRootCauseInstanceOf(FourEyesViolationException.class).hasMessageContaining("Vier ogen");
    assertThat(exists("marketing", tenant.preference())).isTrue();
    BpmnAwareTests.assertThat(instance).isWaitingAt(Elements.CONFIRM_ERASURE_LIST);
  }

  @Test
  void shouldSendTheListBackWhenTheConfirmerDoesNotConfirm() {
    ProcessInstance instance = start();
    propose("desk", null, null);
    support.complete("officer", reference, Elements.CONFIRM_ERASURE_LIST, Map.of("erasureListConfirmed", false));

    BpmnAwareTests.assertThat(instance).isWaitingAt(Elements.PROPOSE_ERASURE_LIST);
    assertThat(exists("marketing", tenant.preference())).isTrue();
  }

  @Test
  void shouldAnonymiseWhenProposedAndRejectMalformedLines() {
    start();
    assertThatThrownBy(() -> propose("desk", null, "marketing " + tenant.preference() + " ERASE"))
        .hasMessageContaining("systeem/item");
    assertThatThrownBy(() -> propose("desk", null, "contacts/" + tenant.contact() + " KEEP"))
        .hasMessageContaining("uitzonderingsgrond");
    propose("desk", null, "marketing/" + tenant.preference() + " ANONYMISE");
    confirm("officer");

    assertThat(exists("marketing", tenant.preference())).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.marketing_preference WHERE id = ?", Integer.class,
        Long.parseLong(tenant.preference().substring("preference-".length())))).isEqualTo(1);
    assertThat(letter()).contains("onomkeerbaar geanonimiseerd");
  }

  private ProcessInstance start() {
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    // started as the calling data-subject-request would (a call activity needs no start right); demo is admin
    return support.as("demo",
        () -> runtimeService.startProcessInstanceByKey(ErasureProcess.KEY, reference, variables));
  }

  private void propose(String user, String tenancyNumber, String changes) {
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenancyNumber);
    form.put("itemDecisions", changes);
    support.complete(user, reference, Elements.PROPOSE_ERASURE_LIST, form);
  }

  private void confirm(String user) {
    support.complete(user, reference, Elements.CONFIRM_ERASURE_LIST, Map.of("erasureListConfirmed", true));
  }

  private boolean exists(String system, String itemId) {
    return sources.source(system).item(itemId).isPresent();
  }

  private String decision(String itemId) {
    return jdbc.queryForObject("SELECT decision || '/' || COALESCE(keep_exception, '-') || '/' "
        + "|| COALESCE(CAST(keep_until AS VARCHAR), '-') FROM privacy.erasure_item WHERE reference = ? "
        + "AND item_id = ?", String.class, reference, itemId);
  }

  private String outcome(ProcessInstance instance) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("outcome").singleResult().getValue();
  }

  private String letter() {
    List<Map<String, Object>> letters = support.outbox(reference).stream()
        .filter(m -> "request-erasure-result".equals(m.get("template"))).toList();
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
