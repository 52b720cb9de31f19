package nl.ymere.privacy.erasure;

import nl.ymere.privacy.legalhold.LegalHolds;
import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.erasure.ErasureProcess.Elements;
import nl.ymere.privacy.fraud.FraudSignalRegistrationService;
import nl.ymere.privacy.fraud.RegisterFraudSignalCommand;
import nl.ymere.privacy.fraud.SignalSource;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.security.FourEyesViolationException;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of dsr-erasure (issue 5 build item 4), run on H2 ({@link ErasureProcessTest}) and PostgreSQL
 * ({@link ErasureProcessPostgresTest}): ERA-2..5, RET-4..6, REQ-6, LET-3, LET-5, and bad input on both task forms,
 * on a tenant of the test's own. No personal data in the engine after any path (DESIGN principle 2).
 */
abstract class ErasureProcessContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
  @Autowired LegalHolds legalHolds;
  @Autowired HistoryHolds historyHolds;
  @Autowired FraudSignalRegistrationService fraudSignals;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
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
    // ERA-3: the acknowledgement of an erasure request warns that a later complaint may not be treatable
    assertThat(support.outbox(reference).stream().filter(m -> "request-acknowledgement".equals(m.get("template")))
        .map(m -> (String) m.get("body_html")).findFirst().orElseThrow())
        .contains("als wij uw gegevens verwijderen, kunnen wij een klacht", "no longer be able");
    ProcessInstance instance = start();

    propose("desk", tenant.tenancyNumber(), null);
    // ERA-4: nothing is deleted before the second user confirmed
    assertThat(exists("marketing", tenant.preference())).isTrue();
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded()
        .hasPassed(Elements.EXECUTE_ERASURE, Elements.REMOVE_OTHER_HISTORY, Elements.SEND_ERASURE_LETTER);
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

    // LET-3, ERA-2: what was kept, why and until when, with the remedies; RET-5: the request file itself is kept
    String letter = letter();
    assertThat(letter).contains("gedeeltelijk", "Wat wij hebben gewist", "Voorkeur NEWSLETTER")
        .contains("Wat wij bewaren, waarom en tot wanneer", "fiscale bewaarplicht", "31 december 2032",
            "zolang de huurovereenkomst loopt", "Autoriteit Persoonsgegevens", "rechtbank", "zes weken",
            "31 December 2032", "Uw verzoek zelf, met deze brief, bewaren wij", "two years after it was");
    assertThat(support.eventTypes(reference)).contains("ERASURE_LIST_PROPOSED", "ERASURE_LIST_CONFIRMED",
        "ERASURE_EXECUTED", "ERASURE_RECIPIENTS_NOTICE_QUEUED", "ERASURE_HISTORY_REMOVED",
        "ERASURE_LETTER_QUEUED_PARTIALLY_GRANTED");
    // Art 19, REQ-6, LET-5: the recipients of erased items are named in the letter (both languages) and the privacy
    // officers told to inform them (the newsletter went through the mailing service, the 2018 payment to the tax
    // office and accountant)
    assertThat(letter).contains("Mailingdienst (verwerker)", "Belastingdienst (op verzoek)", "artikel 19 AVG",
        "These data had also been given to:").doesNotContain("Deze ontvangers informeren wij niet");
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
    claim("desk", Elements.PROPOSE_ERASURE_LIST);
    List<Object> before = state();

    assertThatThrownBy(() -> propose("desk", null, "tenancy/" + tenant.recentPayment() + " ERASE"))
        .hasMessageContaining("tenancy/" + tenant.recentPayment()).hasMessageContaining("2032-12-31")
        .hasMessageContaining("ERA-2");
    assertThatThrownBy(() -> propose("desk", null, "tenancy/" + tenant.recentPayment() + " ANONYMISE"))
        .hasMessageContaining("2032-12-31");

    // nothing changed: the task is still open and the item is still proposed KEEP for fiscal retention
    assertThat(state()).isEqualTo(before);
    assertThat(decision(tenant.recentPayment())).isEqualTo("KEEP/FISCAL_RETENTION/2032-12-31");
  }

  @Test
  void shouldLetALegalHoldBlockErasureOfTheHeldItemOnly() {
    legalHolds.holdItem(new ItemRef("marketing", tenant.preference()), "Geschil over toestemming",
        LocalDate.of(2027, 6, 30), "officer");
    ProcessInstance instance = start();

    assertThat(decision(tenant.preference())).isEqualTo("KEEP/LEGAL_HOLD/2027-06-30");
    assertThatThrownBy(() -> propose("desk", null, "marketing/" + tenant.preference() + " ERASE"))
        .hasMessageContaining("legal hold").hasMessageContaining("RET-4");

    propose("desk", null, null);
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(exists("marketing", tenant.preference())).isTrue();
    assertThat(exists("contacts", tenant.contact())).isFalse();
    assertThat(letter()).contains("legal hold", "30 juni 2027");
  }

  @Test
  void shouldRefuseAHoldPlacedAfterTheProposalAtExecution() {
    ProcessInstance instance = start();
    propose("desk", null, null);
    legalHolds.holdSubject(tenant.email(), null, "Procedure bij de kantonrechter", null, "officer");

    assertThatThrownBy(() -> confirm("officer")).hasMessageContaining("legal hold");
    assertThat(exists("marketing", tenant.preference())).isTrue();
    assertThat(exists("contacts", tenant.contact())).isTrue();
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_ERASURE_LIST);
  }

  @Test
  void shouldRefuseTheProposerAsConfirmerAndDeleteNothing() {
    ProcessInstance instance = start();
    propose("deskofficer", null, null);

    // ERA-4: the task is revoked for the proposer (hidden, cannot be claimed) ...
    assertThatThrownBy(() -> confirm("deskofficer")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("deskofficer");
    assertThat(exists("marketing", tenant.preference())).isTrue();
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_ERASURE_LIST);

    confirm("officer");
    ProcessAssertions.assertThat(instance).isEnded();
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
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_ERASURE_LIST);
  }

  @Test
  void shouldSendTheListBackWhenTheConfirmerDoesNotConfirm() {
    ProcessInstance instance = start();
    propose("desk", null, null);
    support.complete("officer", reference, Elements.CONFIRM_ERASURE_LIST, Map.of("erasureListConfirmed", false));

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.PROPOSE_ERASURE_LIST);
    assertThat(exists("marketing", tenant.preference())).isTrue();
  }

  @Test
  void shouldAnonymiseWhenProposed() {
    ProcessInstance instance = start();
    propose("desk", null, "marketing/" + tenant.preference() + " ANONYMISE");
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(exists("marketing", tenant.preference())).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.marketing_preference WHERE id = ?", Integer.class,
        Long.parseLong(tenant.preference().substring("preference-".length())))).isEqualTo(1);
    assertThat(letter()).contains("onomkeerbaar geanonimiseerd", "irreversibly anonymised");
  }

  @Test
  void shouldRefuseBadInputOnTheProposalFormAndChangeNothing() {
    ProcessInstance instance = start();
    claim("desk", Elements.PROPOSE_ERASURE_LIST);
    List<Object> before = state();
    String preference = "marketing/" + tenant.preference();
    Map<String, String> badLines = new java.util.LinkedHashMap<>();
    badLines.put("marketing " + tenant.preference() + " ERASE", "systeem/item");
    badLines.put(preference, "systeem/item");
    badLines.put(preference + " DESTROY", "onbekende waarde");
    badLines.put("contacts/" + tenant.contact() + " KEEP", "uitzonderingsgrond");
    badLines.put("contacts/" + tenant.contact() + " KEEP BECAUSE", "onbekende waarde");
    badLines.put("tenancy/" + tenant.contract() + " KEEP LEGAL_CLAIMS", "einddatum");
    badLines.put("contacts/" + tenant.contact() + " KEEP LEGAL_CLAIMS 31-12-2027", "geen datum");
    badLines.put(preference + " ERASE LEGAL_CLAIMS", "alleen bij KEEP");
    badLines.put("marketing/preference-0 ERASE", "staat niet op de wislijst");
    for (Map.Entry<String, String> bad : badLines.entrySet()) {
      // the tenancy number entered with the bad line is rolled back too
      assertThatThrownBy(() -> propose("desk", tenant.tenancyNumber(), bad.getKey())).as(bad.getKey())
          .hasRootCauseInstanceOf(ErasureRefusedException.class)
          .hasMessageContaining(bad.getValue());
      assertThat(state()).as(bad.getKey()).isEqualTo(before);
    }

    Map<String, String> badRecipients = Map.of(
        "Mailingdienst (verwerker)", "geen 'ontvanger",
        "Mailingdienst (verwerker) | SOMETIMES | bestaat niet meer", "IMPOSSIBLE of DISPROPORTIONATE",
        "Mailingdienst (verwerker) | IMPOSSIBLE | ", "geen 'ontvanger",
        "Onbekende Partij BV | IMPOSSIBLE | bestaat niet meer", "kies uit: ",
        "Mailingdienst (verwerker) | IMPOSSIBLE | weg\nMailingdienst (verwerker) | DISPROPORTIONATE | ook weg",
        "staat er al");
    for (Map.Entry<String, String> bad : badRecipients.entrySet()) {
      assertThatThrownBy(() -> propose("desk", null, null, bad.getKey())).as(bad.getKey())
          .hasRootCauseInstanceOf(ErasureRefusedException.class).hasMessageContaining(bad.getValue());
      assertThat(state()).as(bad.getKey()).isEqualTo(before);
    }
    // a recipient exception for an item that is kept, not erased, is refused as well
    assertThatThrownBy(() -> propose("desk", null, preference + " KEEP LEGAL_CLAIMS 2027-12-31",
        "Mailingdienst (verwerker) | IMPOSSIBLE | bestaat niet meer")).hasMessageContaining("REQ-6");
    assertThat(state()).isEqualTo(before);
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.PROPOSE_ERASURE_LIST);
  }

  @Test
  void shouldRefuseBadInputOnTheConfirmationFormAndChangeNothing() {
    ProcessInstance instance = start();
    propose("desk", null, null);
    claim("officer", Elements.CONFIRM_ERASURE_LIST);
    List<Object> before = state();

    for (Object bad : List.of("ja", 1, "true")) {
      assertThatThrownBy(() -> support.complete("officer", reference, Elements.CONFIRM_ERASURE_LIST,
          Map.of("erasureListConfirmed", bad))).as(String.valueOf(bad))
          .hasRootCauseInstanceOf(ErasureRefusedException.class).hasMessageContaining("Wislijst bevestigd");
      assertThat(state()).as(String.valueOf(bad)).isEqualTo(before);
      assertThat(exists("marketing", tenant.preference())).isTrue();
    }
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_ERASURE_LIST);
  }

  /** REQ-6, Art 19, LET-5: a recipient not told is recorded with the ground and reason and named in the letter. */
  @Test
  void shouldRecordARecipientThatCannotBeToldAndNameWhoWasInformed() {
    ProcessInstance instance = start();
    propose("desk", null, null, "Mailingdienst (verwerker) | IMPOSSIBLE | De mailingdienst is failliet en "
        + "opgeheven");
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(jdbc.queryForList("SELECT recipient || '/' || ground || '/' || recorded_by FROM "
        + "privacy.erasure_recipient_exception WHERE reference = ?", String.class, reference))
        .containsExactly("Mailingdienst (verwerker)/IMPOSSIBLE/desk");
    String letter = letter();
    assertThat(letter).contains("Deze ontvangers informeren wij niet", "Mailingdienst (verwerker)", "onmogelijk",
        "De mailingdienst is failliet en opgeheven", "We do not inform these recipients", "impossible");
    // the informed recipients are named, the excepted one is not among them
    assertThat(letter.substring(letter.indexOf("Deze gegevens waren ook verstrekt aan:"),
        letter.indexOf("Deze ontvangers informeren wij niet"))).contains("Belastingdienst (op verzoek)")
        .doesNotContain("Mailingdienst");
    // the privacy officers are asked to inform the others only
    assertThat(support.outbox(reference).stream().filter(m -> "erasure-recipients-notice".equals(m.get("template")))
        .map(m -> (String) m.get("body_html")).toList()).isNotEmpty()
        .allSatisfy(body -> assertThat(body).contains("Belastingdienst (op verzoek)").doesNotContain("Mailingdienst"));
    assertThat(eventDetail("ERASURE_RECIPIENTS_NOT_INFORMED")).isEqualTo("recipients=1");
  }

  /**
   * ERA-5, RET-6: after the erasure the person's other finished files leave the engine history (another request,
   * a fraud signal about their tenancy with its decision evaluation); the request's own instances stay (RET-5);
   * another person's file is untouched. Counts only in the event log.
   */
  @Test
  void shouldRemoveThePersonsOtherFinishedHistoryAndKeepTheOwnRequest() {
    String earlier = finishedOtherRequest(tenant.name(), tenant.email());
    String signal = finishedFraudSignal();
    long n = System.nanoTime() % 1_000_000;
    String someoneElse = finishedOtherRequest("Karel Anderpersoon" + n, "karel" + n + "@voorbeeld.nl");
    assertThat(decisionsOf(signal)).isPositive();
    ProcessInstance instance = start();

    propose("desk", tenant.tenancyNumber(), null);
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(historicInstances(earlier)).isZero();
    assertThat(historicInstances(signal)).isZero();
    assertThat(decisionsOf(signal)).isZero();
    assertThat(historicInstances(someoneElse)).isPositive();
    // the own file: the main request process (still running) and this erasure sub-process
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list())
        .extracting(h -> h.getProcessDefinitionKey()).contains("data-subject-request", ErasureProcess.KEY);
    String detail = eventDetail("ERASURE_HISTORY_REMOVED");
    assertThat(detail).matches("files=2 instances=[2-9] decisions=[1-9] held=0 running=0")
        .doesNotContain(tenant.name(), tenant.email(), tenant.tenancyNumber());
  }

  /**
   * RET-4: a file under a legal hold is skipped (a hold in the product, or a hold placed in the engine by moving the
   * removal time, RET-6); a file with a running instance is left alone; all are named in the record.
   */
  @Test
  void shouldSkipHeldAndRunningFilesAndNameThemInTheRecord() {
    String held = finishedOtherRequest(tenant.name(), tenant.email());
    legalHolds.holdItem(new ItemRef(ErasureHistoryRemoval.REQUEST_FILES, held), "Klacht bij de AP over dit verzoek",
        LocalDate.of(2027, 1, 31), "officer");
    String heldInEngine = finishedOtherRequest(tenant.name(), tenant.email());
    holdInTheEngine(heldInEngine, RequestTestSupport.at(LocalDate.of(2031, 1, 31), 0, 0, 0));
    String running = support.register(command(RequestRight.ACCESS, TODAY, tenant.name(), tenant.email()))
        .reference();
    ProcessInstance instance = start();

    propose("desk", null, null);
    confirm("officer");

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(historicInstances(held)).isPositive();
    assertThat(historicInstances(heldInEngine)).isPositive();
    assertThat(historicInstances(running)).isPositive();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(running).count()).isPositive();
    assertThat(eventDetail("ERASURE_HISTORY_REMOVED")).isEqualTo("files=0 instances=0 decisions=0 held=2 [" + held
        + ", " + heldInEngine + "] running=1 [" + running + "]");
  }

  /**
   * RET-4, RET-6 (issue 15 item 6): a hold on a person keeps the engine history of their finished files (the removal
   * time in ACT_HI_PROCINST is cleared for the whole hierarchy, so the history cleanup never takes it); releasing the
   * hold restores exactly the removal time the file had.
   */
  @Test
  void shouldKeepTheEngineHistoryOfAHeldPersonAndRestoreItOnRelease() {
    String other = finishedOtherRequest(tenant.name(), tenant.email());
    Map<String, Date> natural = removalTimes(other);
    assertThat(natural).isNotEmpty();
    assertThat(natural.values()).doesNotContainNull();

    long hold = legalHolds.holdSubject(tenant.email(), null, "Procedure bij de kantonrechter", null, "officer");
    runBatches();
    assertThat(removalTimes(other).values()).containsOnlyNulls();

    // the daily reconciliation changes nothing while the hold runs
    assertThat(historyHolds.reconcile()).isEqualTo(new HistoryHolds.Result(0, 0));

    assertThat(legalHolds.release(hold, "officer")).isTrue();
    runBatches();
    assertThat(removalTimes(other)).isEqualTo(natural);
    assertThat(legalHolds.release(hold, "officer")).as("released once").isFalse();
  }

  /**
   * RET-4 (issue 17 item 4), read straight from the engine's table: a hold on a person (e-mail and tenancy number)
   * takes the removal time off their finished request and fraud-signal files in {@code ACT_HI_PROCINST.REMOVAL_TIME_}
   * (the history cleanup never takes a row without one), another person's file keeps its removal time; releasing the
   * hold puts back exactly the removal times the files had.
   */
  @Test
  void shouldTakeTheRemovalTimeOffAHeldPersonsFilesInActHiProcinstAndPutItBackOnRelease() {
    String request = finishedOtherRequest(tenant.name(), tenant.email());
    String signal = finishedFraudSignal();
    long n = System.nanoTime() % 1_000_000;
    String someoneElse = finishedOtherRequest("Karel Anderpersoon" + n, "karel" + n + "@voorbeeld.nl");
    Map<String, java.sql.Timestamp> naturalRequest = removalTimesInTable(request);
    Map<String, java.sql.Timestamp> naturalSignal = removalTimesInTable(signal);
    Map<String, java.sql.Timestamp> untouched = removalTimesInTable(someoneElse);
    assertThat(naturalRequest).isNotEmpty();
    assertThat(naturalSignal).isNotEmpty();
    assertThat(naturalRequest.values()).doesNotContainNull();
    assertThat(naturalSignal.values()).doesNotContainNull();

    long hold = legalHolds.holdSubject(tenant.email(), tenant.tenancyNumber(), "Procedure bij de kantonrechter", null,
        "officer");
    runBatches();
    assertThat(removalTimesInTable(request).values()).containsOnlyNulls();
    assertThat(removalTimesInTable(signal).values()).containsOnlyNulls();
    assertThat(removalTimesInTable(someoneElse)).isEqualTo(untouched);

    assertThat(legalHolds.release(hold, "officer")).isTrue();
    runBatches();
    assertThat(removalTimesInTable(request)).isEqualTo(naturalRequest);
    assertThat(removalTimesInTable(signal)).isEqualTo(naturalSignal);
  }

  /** REMOVAL_TIME_ per historic instance of a file, by JDBC on the engine's table (root and sub-instances). */
  private Map<String, java.sql.Timestamp> removalTimesInTable(String businessKey) {
    Map<String, java.sql.Timestamp> times = new java.util.TreeMap<>();
    jdbc.query("SELECT ID_, REMOVAL_TIME_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?",
        (java.sql.ResultSet rs) -> {
          times.put(rs.getString(1), rs.getTimestamp(2));
        }, businessKey);
    return times;
  }

  /** RET-4: a hold on one file with an end date keeps that file's history until the end date has passed. */
  @Test
  void shouldRestoreTheEngineHistoryOfAHeldFileWhenItsHoldEnds() {
    String held = finishedOtherRequest(tenant.name(), tenant.email());
    String free = finishedOtherRequest(tenant.name(), tenant.email());
    Map<String, Date> natural = removalTimes(held);
    Map<String, Date> untouched = removalTimes(free);

    legalHolds.holdItem(new ItemRef(ErasureHistoryRemoval.REQUEST_FILES, held), "Klacht bij de AP over dit verzoek",
        TODAY.plusDays(10), "officer");
    runBatches();
    assertThat(removalTimes(held).values()).containsOnlyNulls();
    assertThat(removalTimes(free)).isEqualTo(untouched);

    support.setNow(TODAY.plusDays(10), 23, 0);
    assertThat(historyHolds.reconcile().restored()).isZero();
    support.setNow(TODAY.plusDays(11), 0, 30);
    assertThat(historyHolds.reconcile().restored()).isPositive();
    runBatches();
    assertThat(removalTimes(held)).isEqualTo(natural);
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private ProcessInstance start() {
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    // started as the calling data-subject-request would (a call activity needs no start right); demo is admin
    return support.as("demo",
        () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(ErasureProcess.KEY, reference,
            variables)));
  }

  private void propose(String user, String tenancyNumber, String changes) {
    propose(user, tenancyNumber, changes, null);
  }

  private void propose(String user, String tenancyNumber, String changes, String recipientExceptions) {
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenancyNumber);
    form.put("itemDecisions", changes);
    form.put("recipientExceptions", recipientExceptions);
    support.complete(user, reference, Elements.PROPOSE_ERASURE_LIST, form);
  }

  private void claim(String user, String taskKey) {
    String taskId = support.task(reference, taskKey).getId();
    support.as(user, () -> {
      taskService.claim(taskId, user);
      return null;
    });
  }

  private void confirm(String user) {
    support.complete(user, reference, Elements.CONFIRM_ERASURE_LIST, Map.of("erasureListConfirmed", true));
  }

  /** Another request of a person whose processes have ended (here: cancelled), so only history is left. */
  private String finishedOtherRequest(String name, String email) {
    String other = support.register(command(RequestRight.ACCESS, TODAY, name, email)).reference();
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(other).rootProcessInstances().list()
        .forEach(p -> ProductCalls.run(() -> runtimeService.deleteProcessInstance(p.getId(), "test: request closed")));
    assertThat(historicInstances(other)).isPositive();
    return other;
  }

  /** A fraud signal about the tenant's tenancy; the model ran (a decision evaluation) and the process ended. */
  private String finishedFraudSignal() {
    String signal = support.as("assessor1", () -> fraudSignals.register(new RegisterFraudSignalCommand(
        SignalSource.INTERNAL_OBSERVATION, "Wislaan 5, 1000 AA Amsterdam", tenant.tenancyNumber(), tenant.name(),
        "Melding van de huismeester", new RegisterFraudSignalCommand.Indicators(true, false, false, false, 0), null),
        "assessor1"));
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(signal).list()
        .forEach(p -> ProductCalls.run(() -> runtimeService.deleteProcessInstance(p.getId(), "test: signal closed")));
    return signal;
  }

  /** A legal hold on engine history as HistoryRetentionTest shows it: the removal time moved, as a batch. */
  private void holdInTheEngine(String businessKey, java.time.Instant until) {
    List<String> ids = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .rootProcessInstances().list().stream().map(h -> h.getId()).toList();
    org.camunda.bpm.engine.batch.Batch batch = historyService.setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(Date.from(until)).byIds(ids.toArray(String[]::new)).hierarchical().executeAsync();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      managementService.createJobQuery().jobDefinitionId(definition).list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list())
        .allSatisfy(h -> assertThat(h.getRemovalTime()).isEqualTo(Date.from(until)));
  }

  /** Removal time per historic instance of a file (root and sub-instances carry its reference). */
  private Map<String, Date> removalTimes(String businessKey) {
    Map<String, Date> times = new java.util.TreeMap<>();
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .forEach(h -> times.put(h.getId(), h.getRemovalTime()));
    return times;
  }

  /** What the job executor does with the batches (seed, removal-time jobs, monitor) until none is left. */
  private void runBatches() {
    for (int round = 0; round < 10 && managementService.createBatchQuery().count() > 0; round++) {
      managementService.createBatchQuery().list().stream()
          .flatMap(batch -> java.util.stream.Stream.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
              batch.getMonitorJobDefinitionId()))
          .flatMap(definition -> managementService.createJobQuery().jobDefinitionId(definition).list().stream())
          .forEach(job -> managementService.executeJob(job.getId()));
    }
    assertThat(managementService.createBatchQuery().count()).as("batches left").isZero();
  }

  private long historicInstances(String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count();
  }

  private long decisionsOf(String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .mapToLong(h -> historyService.createHistoricDecisionInstanceQuery().processInstanceId(h.getId()).count())
        .sum();
  }

  private String eventDetail(String type) {
    return jdbc.queryForObject("SELECT e.detail FROM privacy.dsr_event e JOIN privacy.dsr_request r "
        + "ON r.id = e.request_id WHERE r.reference = ? AND e.type = ?", String.class, reference, type);
  }

  /**
   * Everything a refused form submission could have changed: the open tasks and their assignees, the process
   * variables, the erasure case and list, the recipient exceptions, the event log, the outbox and the items.
   */
  private List<Object> state() {
    List<Object> state = new ArrayList<>();
    state.add(taskService.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
        .map(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee()).sorted().toList());
    state.add(runtimeService.createVariableInstanceQuery().processInstanceIdIn(
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
            .map(ProcessInstance::getId).toArray(String[]::new)).list().stream()
        .map(v -> v.getName() + "=" + v.getValue()).sorted().toList());
    state.add(jdbc.queryForList("SELECT * FROM privacy.erasure_case WHERE reference = ?", reference));
    state.add(jdbc.queryForList("SELECT system, item_id, decision, keep_exception, keep_until, executed_at FROM "
        + "privacy.erasure_item WHERE reference = ? ORDER BY id", reference));
    state.add(jdbc.queryForList("SELECT * FROM privacy.erasure_recipient_exception WHERE reference = ?", reference));
    state.add(support.eventTypes(reference));
    state.add(support.outbox(reference).size());
    state.add(List.of(exists("marketing", tenant.preference()), exists("contacts", tenant.contact()),
        exists("tenancy", tenant.oldPayment())));
    return state;
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
