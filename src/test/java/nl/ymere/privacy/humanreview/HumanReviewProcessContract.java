package nl.ymere.privacy.humanreview;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.fraud.FraudSignalProcess;
import nl.ymere.privacy.fraud.FraudTestSupport;
import nl.ymere.privacy.fraud.RegisterFraudSignalCommand;
import nl.ymere.privacy.fraud.SignalSource;
import nl.ymere.privacy.humanreview.HumanReviewProcess.Elements;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code dsr-human-review.bpmn} (issue 5 build item 8; Art 22(3) AVG, UAVG art 40; ADM-2, ADM-3, ADM-6,
 * LET-3, SEC-3) on the real engine and tables, run on H2 and PostgreSQL by its subclasses: view given or not in time,
 * proposal confirmed or overturned, every refusal of an involved or same reviewer, bad input changing nothing, the
 * letter's content, and no personal data in the engine after each test.
 *
 * <p>The signal is registered by assessor1 on a report by deskofficer; assessor1 and assessor2 made the original
 * decision. Uninvolved reviewers: officer (proposes) and demo (confirms or overturns).
 */
abstract class HumanReviewProcessContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final String FIRST_REASONS = "Buurman ziet al maanden wisselende bewoners met koffers; BRP bevestigt "
      + "inschrijving elders. Het model ziet niet dat de huurder mantelzorg verleent.";
  static final String SECOND_REASONS = "Inschrijving elders en de advertentie wegen zwaar; een huisbezoek moet "
      + "uitwijzen of de mantelzorg de afwezigheid verklaart.";
  static final String PROPOSAL_REASONS = "De inschrijving elders blijft onverklaard en de advertentie noemt dit "
      + "huisnummer; de zienswijze verklaart alleen de mantelzorg op dinsdag.";
  static final String DECISION_REASONS = "Huurder toont met zorgrooster en verbruiksnota aan dat zij hier woont; "
      + "de advertentie is van een oud-bewoner van twee jaar geleden.";
  static final String VIEW = "Ik woon hier gewoon, ik zorg alleen op dinsdag voor mijn moeder in Almere.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired RequestRecords requests;
  @Autowired RequestTestSupport support;
  @Autowired FraudTestSupport fraud;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  String tenant;
  String email;
  String address;
  String tenancy;
  String description;
  String reference;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = "Hendrika Herbeoordeling" + n;
    email = "hendrika" + n + "@voorbeeld.nl";
    address = "Herzieningslaan " + n + ", 1011 AB Amsterdam";
    tenancy = "HC-9" + n;
    description = "Melder zag op " + n + " een koffer-bewoner vertrekken";
    reference = support.register(command(RequestRight.HUMAN_REVIEW, TODAY, tenant, email)).reference();
  }

  /** SEC-3: no name, address, tenancy, signal text, view or reasons in the engine's tables. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource)
        .text(tenant, email, tenancy, description, VIEW, FIRST_REASONS, SECOND_REASONS, PROPOSAL_REASONS,
            DECISION_REASONS)
        .postalAddress(address).dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void viewGivenProposalConfirmedDecisionStaysWithTheRemediesAndTheLogicExplained() {
    String signal = decidedSignal(tenancy, FraudSignalProcess.INVESTIGATE);
    ProcessInstance instance = start();
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.LINK_DECISION);

    link("desk", signal, tenancy);
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.RECORD_VIEW);
    // ADM-6: the person is invited to state a view, with the date it is due by
    assertThat(letter("human-review-view-invitation")).contains("19 maart 2026", "19 March 2026",
        "nog niet bij betrokken", "standpunt");

    support.complete("desk", reference, Elements.RECORD_VIEW, Map.of("viewText", VIEW));
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.PROPOSE_DECISION);
    propose("officer", FraudSignalProcess.INVESTIGATE);
    confirm("demo", true);

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.RECORD_VIEW, Elements.SEND_LETTER)
        .hasNotPassed(Elements.RECORD_NO_VIEW);
    assertThat(variable(instance, "outcome")).isEqualTo("PARTIALLY_GRANTED");
    assertThat(variable(instance, "reviewDecision")).isEqualTo("INVESTIGATE");
    // the view is in the product table, never a variable
    assertThat(jdbc.queryForObject("SELECT view_text FROM privacy.human_review WHERE reference = ?", String.class,
        reference)).isEqualTo(VIEW);
    // the new decision is recorded against the signal with both reasons (ADM-3, ADM-6)
    assertThat(reviewAssessments(signal)).containsExactly("REVIEW1/officer/INVESTIGATE/" + PROPOSAL_REASONS,
        "REVIEW2/demo/INVESTIGATE/" + DECISION_REASONS);
    assertThat(signalDecision(signal)).isEqualTo("INVESTIGATE");
    // ADM-3: model version, data used, score, threshold, main factors in words; LET-3 remedies when unfavourable
    String letter = letter("request-human-review-result");
    assertThat(letter).contains("bevestigd", "uw standpunt ontvangen", "onderzoek", PROPOSAL_REASONS,
        DECISION_REASONS, "fraud-risk versie", "Score: <strong>70</strong>", "HIGH", "drempel", "60 punten of meer",
        "gemeentelijke basisregistratie", "advertentie voor onderhuur gevonden", "40 punten", "30 punten",
        "Wat wij wel en niet hebben gedaan", "Autoriteit Persoonsgegevens", "rechtbank", "zes weken",
        "confirmed", "district court", "six weeks", "fraud-risk version", "40 points");
    assertThat(letter).doesNotContain("assessor1", "assessor2", "deskofficer", description);
    assertThat(support.eventTypes(reference)).contains("HUMAN_REVIEW_DECISION_LINKED", "HUMAN_REVIEW_VIEW_RECEIVED",
        "HUMAN_REVIEW_PROPOSED", "HUMAN_REVIEW_PROPOSAL_CONFIRMED", "HUMAN_REVIEW_LETTER_QUEUED_PARTIALLY_GRANTED");
    // SEC-1: the reads for the review are logged with their purpose
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_signal_read WHERE signal_reference = ? "
        + "AND purpose = 'HUMAN_REVIEW'", Integer.class, signal)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void noViewInTimeProposalOverturnedToDismissalWithoutRemedies() {
    String signal = decidedSignal(tenancy, FraudSignalProcess.INVESTIGATE);
    ProcessInstance instance = start();
    link("desk", signal, tenancy);

    // the view period (privacy.human-review.view-period, default 14 days) runs from the invitation
    Job timer = support.timer(reference, Elements.VIEW_PERIOD_LAPSED);
    assertThat(timer).isNotNull();
    assertThat(Duration.between(RequestTestSupport.at(TODAY, 10, 0, 0), timer.getDuedate().toInstant()))
        .isEqualTo(Duration.ofDays(14));
    support.setNow(TODAY.plusDays(13), 10, 0);
    assertThat(support.executeDueTimers(reference)).isZero();
    support.setNow(TODAY.plusDays(14), 10, 1);
    support.execute(timer);

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.PROPOSE_DECISION).hasPassed(Elements.RECORD_NO_VIEW);
    assertThat(jdbc.queryForObject("SELECT view_lapsed_at IS NOT NULL AND view_text IS NULL FROM "
        + "privacy.human_review WHERE reference = ?", Boolean.class, reference)).isTrue();
    propose("officer", FraudSignalProcess.INVESTIGATE);
    confirm("demo", false);

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(variable(instance, "outcome")).isEqualTo("GRANTED");
    assertThat(variable(instance, "reviewDecision")).isEqualTo("DISMISS");
    assertThat(reviewAssessments(signal)).containsExactly("REVIEW1/officer/INVESTIGATE/" + PROPOSAL_REASONS,
        "REVIEW2/demo/DISMISS/" + DECISION_REASONS);
    assertThat(signalDecision(signal)).isEqualTo("DISMISS");
    assertThat(signalStatus(signal)).isEqualTo("DISMISSED");
    String letter = letter("request-human-review-result");
    assertThat(letter).contains("verworpen", "geen standpunt van u ontvangen", "afgewezen", "geen onderzoek",
        DECISION_REASONS, "Score: <strong>70</strong>", "overturned", "dismissed")
        .doesNotContain("rechtbank", "district court", "Wat wij wel en niet hebben gedaan");
    assertThat(support.eventTypes(reference)).contains("HUMAN_REVIEW_NO_VIEW_IN_TIME",
        "HUMAN_REVIEW_PROPOSAL_OVERTURNED");

    // RET: the signal's assessment process has ended, so no timer deletes the now dismissed signal; the sweep does,
    // once its retention (privacy.fraud.dismissed-retention, 3 months from the new decision) has ended
    java.time.Instant deleteAfter = jdbc.queryForObject("SELECT delete_after FROM privacy.fraud_signal WHERE "
        + "reference = ?", java.time.OffsetDateTime.class, signal).toInstant();
    support.setNow(deleteAfter.minusSeconds(60));
    assertThat(fraud.sweepDismissedSignals()).isZero();
    assertThat(signalStatus(signal)).isEqualTo("DISMISSED");
    support.setNow(deleteAfter);
    assertThat(fraud.sweepDismissedSignals()).isOne();
    assertThat(signalStatus(signal)).isEqualTo("DATA_DELETED");
    assertThat(fraud.sweepDismissedSignals()).as("idempotent").isZero();
  }

  @Test
  void involvedPeopleAndTheProposerAreRefusedAndNothingChanges() {
    String signal = decidedSignal(tenancy, FraudSignalProcess.INVESTIGATE);
    start();
    link("desk", signal, tenancy);
    support.complete("desk", reference, Elements.RECORD_VIEW, Map.of("viewText", VIEW));

    // ADM-6: the task is hidden from an earlier assessor (assessor1 also registered it) and the reporter, so they
    // cannot take it; an assignment past Tasklist (here without authentication) is refused by the listener
    assertThat(fraud.visibleTasks("assessor1", reference, Elements.PROPOSE_DECISION)).isZero();
    assertThat(fraud.visibleTasks("assessor2", reference, Elements.PROPOSE_DECISION)).isZero();
    assertThat(fraud.visibleTasks("deskofficer", reference, Elements.PROPOSE_DECISION)).isZero();
    assertThat(fraud.visibleTasks("officer", reference, Elements.PROPOSE_DECISION)).isOne();
    assertThatThrownBy(() -> propose("assessor1", FraudSignalProcess.DISMISS))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("assessor1");
    assertThatThrownBy(() -> propose("deskofficer", FraudSignalProcess.DISMISS))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("deskofficer");
    String proposeTask = support.task(reference, Elements.PROPOSE_DECISION).getId();
    for (String involved : List.of("assessor1", "assessor2", "deskofficer")) {
      assertThatThrownBy(() -> taskService.setAssignee(proposeTask, involved))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining(involved).hasMessageContaining("ADM-6");
    }
    assertThat(support.task(reference, Elements.PROPOSE_DECISION).getAssignee()).isNull();
    assertThat(proposedBy()).isNull();

    // ADM-2: "agree with the model" alone is no reason
    assertThatThrownBy(() -> support.complete("officer", reference, Elements.PROPOSE_DECISION,
        Map.of("reviewProposal", "INVESTIGATE", "proposalReasons", "Eens met het model, de score is hoog. Akkoord.")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ADM-2");
    assertThat(proposedBy()).isNull();

    propose("officer", FraudSignalProcess.DISMISS);
    // four eyes: the proposer may not confirm; nor may the earlier second assessor (ADM-6)
    assertThatThrownBy(() -> confirm("officer", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("officer");
    assertThatThrownBy(() -> confirm("assessor2", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("assessor2");
    String confirmTask = support.task(reference, Elements.CONFIRM_DECISION).getId();
    assertThatThrownBy(() -> taskService.setAssignee(confirmTask, "officer"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Vier ogen");
    assertThatThrownBy(() -> taskService.setAssignee(confirmTask, "assessor2"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ADM-6");
    // claimed by an uninvolved user, completion by the proposer is still refused by the four-eyes listener
    support.as("demo", () -> {
      taskService.claim(confirmTask, "demo");
      return null;
    });
    assertThatThrownBy(() -> support.as("officer", () -> {
      taskService.complete(confirmTask, Map.of("reviewProposalConfirmed", true, "decisionReasons", DECISION_REASONS));
      return null;
    })).isInstanceOf(ProcessEngineException.class);
    assertThat(support.task(reference, Elements.CONFIRM_DECISION)).isNotNull();
    assertThat(reviewAssessments(signal)).isEmpty();
    assertThat(signalDecision(signal)).isEqualTo("INVESTIGATE");
    assertThat(jdbc.queryForObject("SELECT decision FROM privacy.human_review WHERE reference = ?", String.class,
        reference)).isNull();
    assertThat(support.outbox(reference).stream().map(m -> m.get("template")))
        .doesNotContain("request-human-review-result");

    confirm("demo", true);
    assertThat(signalDecision(signal)).isEqualTo("DISMISS");
  }

  @Test
  void aWrongSignalReferenceIsAClearErrorAndChangesNothing() {
    String otherPersons = decidedSignal("HC-8" + System.nanoTime() % 1_000_000, FraudSignalProcess.INVESTIGATE);
    String undecided = fraud.register("assessor1", new RegisterFraudSignalCommand(SignalSource.NEIGHBOUR_REPORT,
        address, tenancy, tenant, description, new RegisterFraudSignalCommand.Indicators(true, false, false, true, 1),
        "deskofficer"));
    start();

    assertThatThrownBy(() -> link("desk", "WF-2026-999999", tenancy)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("geen fraudesignaal met referentie WF-2026-999999");
    assertThatThrownBy(() -> link("desk", tenant, tenancy)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ongeldig formaat").hasMessageNotContaining(tenant);
    assertThatThrownBy(() -> link("desk", otherPersons, tenancy)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("gaat niet over het huurcontract of adres");
    assertThatThrownBy(() -> link("desk", undecided, tenancy)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("nog niet besloten");
    assertThatThrownBy(() -> link("desk", "", tenancy)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Vul de referentie");

    assertThat(support.task(reference, Elements.LINK_DECISION)).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.human_review WHERE reference = ?", Integer.class,
        reference)).isZero();
    assertThat(support.outbox(reference).stream().map(m -> m.get("template")))
        .doesNotContain("human-review-view-invitation");
    assertThat(support.eventTypes(reference)).doesNotContain("HUMAN_REVIEW_DECISION_LINKED");
  }

  @Test
  void anEmptyViewIsRefusedAndTheTaskStaysOpen() {
    String signal = decidedSignal(tenancy, FraudSignalProcess.DISMISS);
    start();
    link("desk", signal.toLowerCase(), tenancy.toLowerCase());
    assertThat(jdbc.queryForObject("SELECT signal_reference FROM privacy.human_review WHERE reference = ?",
        String.class, reference)).isEqualTo(signal);

    assertThatThrownBy(() -> support.complete("desk", reference, Elements.RECORD_VIEW, Map.of("viewText", "  ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("zienswijze");
    assertThat(support.task(reference, Elements.RECORD_VIEW)).isNotNull();
    assertThat(jdbc.queryForObject("SELECT view_received_at FROM privacy.human_review WHERE reference = ?",
        java.sql.Timestamp.class, reference)).isNull();
  }

  @Test
  void aHumanReviewRequestIsFulfilledThroughTheMainProcessAndClosesWithItsOutcome() {
    String signal = decidedSignal(tenancy, FraudSignalProcess.INVESTIGATE);
    // privacy.request.right-processes: HUMAN_REVIEW -> dsr-human-review, called after the identity check
    support.complete("desk", reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "KNOWN_CONTACT", "identityBasis", "KNOWN_EMAIL", "identityResult", "VERIFIED"));
    ProcessInstance main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(DataSubjectRequestProcess.KEY).singleResult();
    ProcessAssertions.assertThat(main).isWaitingAt(DataSubjectRequestProcess.Elements.FULFIL_RIGHT);

    link("desk", signal, tenancy);
    support.complete("desk", reference, Elements.RECORD_VIEW, Map.of("viewText", VIEW));
    propose("officer", FraudSignalProcess.DISMISS);
    confirm("demo", true);

    ProcessAssertions.assertThat(main).isEnded();
    RequestRecord closed = requests.getByReference(reference);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(support.outbox(reference).stream().map(m -> m.get("template")))
        .contains("request-human-review-result").doesNotContain("request-answer");
  }

  @Test
  void aDismissalOverturnedToAnInvestigationOpensACaseAndKeepsTheSignalFromDeletion() {
    String signal = decidedSignal(tenancy, FraudSignalProcess.DISMISS);
    assertThat(signalStatus(signal)).isEqualTo("DISMISSED");
    ProcessInstance instance = start();
    link("desk", signal, tenancy);
    support.setNow(TODAY.plusDays(14), 10, 1);
    support.execute(support.timer(reference, Elements.VIEW_PERIOD_LAPSED));
    propose("officer", FraudSignalProcess.DISMISS);
    confirm("demo", false);

    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(variable(instance, "outcome")).isEqualTo("PARTIALLY_GRANTED");
    assertThat(signalDecision(signal)).isEqualTo("INVESTIGATE");
    assertThat(signalStatus(signal)).isEqualTo("INVESTIGATION_OPENED");
    assertThat(jdbc.queryForObject("SELECT case_reference FROM privacy.fraud_signal WHERE reference = ?",
        String.class, signal)).matches("FO-2026-\\d{6}");
    assertThat(letter("request-human-review-result")).contains("verworpen", "onderzoek", "rechtbank", "zes weken");

    // the original dismissal's deletion timer still fires: the reopened signal's data are kept, without an incident
    String fraudInstance = fraud.processInstanceOf(signal);
    Job deletion = fraud.timer(fraudInstance);
    assertThat(deletion).isNotNull();
    support.setNow(deletion.getDuedate().toInstant());
    support.execute(deletion);
    assertThat(signalStatus(signal)).isEqualTo("INVESTIGATION_OPENED");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(fraudInstance).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(fraudInstance).count()).isZero();
    assertThat(fraud.sweepDismissedSignals()).isZero();
  }

  /** A signal about {@code tenancyReference} reported by deskofficer, decided by assessor1 and assessor2. */
  private String decidedSignal(String tenancyReference, String decision) {
    String signal = fraud.register("assessor1", new RegisterFraudSignalCommand(SignalSource.NEIGHBOUR_REPORT,
        address, tenancyReference, tenant, description,
        new RegisterFraudSignalCommand.Indicators(true, false, false, true, 1), "deskofficer"));
    fraud.complete("assessor1", signal, FraudSignalProcess.Elements.FIRST_ASSESSMENT,
        Map.of("fraudProposal", decision, "assessmentReasoning", FIRST_REASONS));
    fraud.complete("assessor2", signal, FraudSignalProcess.Elements.SECOND_ASSESSMENT,
        Map.of("fraudDecision", decision, "assessmentReasoning", SECOND_REASONS));
    return signal;
  }

  private ProcessInstance start() {
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    return support.as("demo",
        () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(HumanReviewProcess.KEY, reference,
            variables)));
  }

  private void link(String user, String signal, String tenancyNumber) {
    Map<String, Object> form = new HashMap<>();
    form.put("signalReference", signal);
    form.put("tenancyNumber", tenancyNumber);
    support.complete(user, reference, Elements.LINK_DECISION, form);
  }

  private void propose(String user, String proposal) {
    support.complete(user, reference, Elements.PROPOSE_DECISION,
        Map.of("reviewProposal", proposal, "proposalReasons", PROPOSAL_REASONS));
  }

  private void confirm(String user, boolean confirmed) {
    support.complete(user, reference, Elements.CONFIRM_DECISION,
        Map.of("reviewProposalConfirmed", confirmed, "decisionReasons", DECISION_REASONS));
  }

  private String proposedBy() {
    return jdbc.queryForObject("SELECT proposed_by FROM privacy.human_review WHERE reference = ?", String.class,
        reference);
  }

  private List<String> reviewAssessments(String signal) {
    return jdbc.queryForList("SELECT a.step || '/' || a.assessor || '/' || a.choice || '/' || a.reasoning FROM "
        + "privacy.fraud_assessment a JOIN privacy.fraud_signal s ON s.id = a.signal_id WHERE s.reference = ? "
        + "AND a.step LIKE 'REVIEW%' ORDER BY a.id", String.class, signal);
  }

  private String signalDecision(String signal) {
    return jdbc.queryForObject("SELECT decision FROM privacy.fraud_signal WHERE reference = ?", String.class, signal);
  }

  private String signalStatus(String signal) {
    return jdbc.queryForObject("SELECT status FROM privacy.fraud_signal WHERE reference = ?", String.class, signal);
  }

  private Object variable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private String letter(String template) {
    List<Map<String, Object>> letters = support.outbox(reference).stream()
        .filter(m -> template.equals(m.get("template"))).toList();
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
