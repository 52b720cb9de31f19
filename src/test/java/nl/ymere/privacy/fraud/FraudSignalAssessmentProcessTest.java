package nl.ymere.privacy.fraud;

import static nl.ymere.privacy.fraud.FraudTestSupport.THIRD_ASSESSOR;
import static nl.ymere.privacy.fraud.FraudTestSupport.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.ymere.privacy.fraud.FraudSignalProcess.Elements;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code fraud-signal-assessment.bpmn} on the real engine and tables, as named users, with the engine
 * clock moved and timer jobs executed (issue 8; ADM-2, ADM-3, RET, SEC).
 */
@IntegrationTest
class FraudSignalAssessmentProcessTest {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 5);
  static final String FIRST_REASONS = "Buurman ziet al maanden wisselende bewoners met koffers; BRP bevestigt "
      + "inschrijving elders. Het model ziet niet dat de huurder mantelzorg verleent.";
  static final String SECOND_REASONS = "Inschrijving elders en de advertentie wegen zwaar; een huisbezoek moet "
      + "uitwijzen of de mantelzorg de afwezigheid verklaart.";

  @Autowired ProcessEngine engine;
  @Autowired FraudTestSupport support;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired FraudRetentionSweep purge;
  @Autowired FraudExplanationService explanations;
  @Autowired FraudOversightService oversight;
  @Autowired org.springframework.core.env.Environment environment;
  @Autowired FraudAssessmentService assessments;
  @Autowired FraudOutcomeService outcomes;
  @Autowired nl.ymere.privacy.legalhold.LegalHolds legalHolds;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
  @LocalServerPort int port;

  String tenant;
  String address;
  String description;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(RECEIVED, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = "Hendrika Fraudetoets" + n;
    address = "Meldingslaan " + n + ", 1011 AB Amsterdam";
    description = "Melder zag op " + n + " een koffer-bewoner vertrekken";
  }

  /** DESIGN principle 2, SEC-3: no tenant, address, signal text or reasoning ever reaches the engine's tables. */
  @AfterEach
  void noSignalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant, description, FIRST_REASONS, SECOND_REASONS)
        .postalAddress(address).hits()).isEmpty();
  }

  private String registerStrongSignal(String by) {
    return support.register(by, signal(SignalSource.NEIGHBOUR_REPORT, address, tenant, description,
        new RegisterFraudSignalCommand.Indicators(true, false, false, true, 1)));
  }

  private ProcessInstance instance(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult();
  }

  private String processInstanceId(String reference) {
    return support.signal(reference).processInstanceId();
  }

  private void first(String user, String reference, String proposal) {
    support.complete(user, reference, Elements.FIRST_ASSESSMENT,
        Map.of("fraudProposal", proposal, "assessmentReasoning", FIRST_REASONS));
  }

  private void second(String user, String reference, String decision) {
    support.complete(user, reference, Elements.SECOND_ASSESSMENT,
        Map.of("fraudDecision", decision, "assessmentReasoning", SECOND_REASONS));
  }

  @Test
  void bothAgreeToInvestigateAndTheTenantIsInformed() {
    String reference = registerStrongSignal("assessor1");
    assertThat(reference).matches("WF-2026-\\d{6}");
    ProcessInstance running = instance(reference);
    assertThat(running).isWaitingAt(Elements.FIRST_ASSESSMENT);
    // only the band is a process variable; score, inputs and reasons are in the product's tables (ADM-3)
    assertThat(engine.getRuntimeService().getVariable(running.getId(), "riskBand")).isEqualTo("HIGH");
    assertThat(jdbc.queryForObject("SELECT score FROM privacy.fraud_evaluation e JOIN privacy.fraud_signal s "
        + "ON s.id = e.signal_id WHERE s.reference = ?", Integer.class, reference)).isEqualTo(70);

    first("assessor1", reference, FraudSignalProcess.INVESTIGATE);
    second("assessor2", reference, FraudSignalProcess.INVESTIGATE);

    assertThat(running).isEnded();
    FraudSignal signal = support.signal(reference);
    assertThat(signal.status()).isEqualTo(SignalStatus.INVESTIGATION_OPENED);
    assertThat(signal.caseReference()).matches("FO-2026-\\d{6}");
    assertThat(signal.tenantInformedAt()).isNotNull();
    assertThat(support.outbox(signal.caseReference())).singleElement().satisfies(letter -> {
      assertThat(letter.get("TEMPLATE")).isEqualTo(FraudOutcomeService.TENANT_NOTICE_TEMPLATE);
      assertThat(letter.get("CHANNEL")).isEqualTo("LETTER");
      assertThat((String) letter.get("RECIPIENT")).contains(tenant).contains(address);
    });
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(running.getId()).finished().list())
        .extracting(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee())
        .containsExactlyInAnyOrder(Elements.FIRST_ASSESSMENT + ":assessor1", Elements.SECOND_ASSESSMENT + ":assessor2");
  }

  /** The privacy-allow-list history level keeps no DMN input and no variable outside the allow-list. */
  @Test
  void engineHistoryKeepsTheBandButNoDecisionInputs() {
    String reference = registerStrongSignal("assessor1");
    String pid = processInstanceId(reference);
    List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
        .processInstanceId(pid).includeInputs().includeOutputs().list();
    assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
        .containsExactlyInAnyOrder(FraudSignalProcess.RISK_DECISION, FraudSignalProcess.BAND_DECISION);
    assertThat(decisions).allSatisfy(d -> assertThat(d.getInputs()).isEmpty());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DEC_IN WHERE DEC_INST_ID_ IN (SELECT ID_ FROM "
        + "ACT_HI_DECINST WHERE PROC_INST_ID_ = ?)", Integer.class, pid)).isZero();
    assertThat(decisions).anySatisfy(d -> assertThat(d.getOutputs()).isNotEmpty());
    Set<String> allowed = Set.copyOf(org.springframework.boot.context.properties.bind.Binder.get(environment)
        .bind("privacy.history.variable-allow-list",
            org.springframework.boot.context.properties.bind.Bindable.listOf(String.class)).get());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pid).list())
        .extracting(HistoricVariableInstance::getName)
        .allSatisfy(name -> assertThat(allowed).contains(name))
        .contains("riskBand", "signalReference");
  }

  @Test
  void bothDismissAndTheSignalDataAndItsEngineHistoryAreDeletedAfterThreeMonths() {
    String reference = registerStrongSignal("assessor1");
    String pid = processInstanceId(reference);
    first("assessor2", reference, FraudSignalProcess.DISMISS);
    second("assessor1", reference, FraudSignalProcess.DISMISS);

    assertThat(instance(reference)).isWaitingAt(Elements.TIMER_DELETION);
    FraudSignal dismissed = support.signal(reference);
    assertThat(dismissed.status()).isEqualTo(SignalStatus.DISMISSED);
    assertThat(dismissed.caseReference()).isNull();
    Job deletion = support.timer(pid);
    Date due = Date.from(ZonedDateTime.of(LocalDate.of(2026, 6, 5).atTime(10, 0), FraudTestSupport.AMSTERDAM)
        .toInstant());
    assertThat(deletion.getDuedate()).isEqualTo(due);

    // not before the period: nothing to run, the data are there
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pid).executable().count()).isZero();
    support.setNow(LocalDate.of(2026, 6, 5), 10, 1);
    engine.getManagementService().executeJob(deletion.getId());

    assertThat(instance(reference)).isNull();
    FraudSignal deleted = support.signal(reference);
    assertThat(deleted.status()).isEqualTo(SignalStatus.DATA_DELETED);
    assertThat(deleted.address()).isNull();
    assertThat(deleted.tenantName()).isNull();
    assertThat(deleted.description()).isNull();
    assertThat(deleted.inputs()).isNull();
    assertThat(jdbc.queryForList("SELECT reasoning FROM privacy.fraud_assessment a JOIN privacy.fraud_signal s "
        + "ON s.id = a.signal_id WHERE s.reference = ?", String.class, reference)).hasSize(2).containsOnlyNulls();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_evaluation_rule r JOIN "
        + "privacy.fraud_evaluation e ON e.id = r.evaluation_id JOIN privacy.fraud_signal s ON s.id = e.signal_id "
        + "WHERE s.reference = ?", Integer.class, reference)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_evaluation e JOIN privacy.fraud_signal s "
        + "ON s.id = e.signal_id WHERE s.reference = ? AND e.inputs_json IS NOT NULL", Integer.class, reference))
        .isZero();

    // the engine history goes too (RET-6, ERA-5)
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).count()).isOne();
    assertThat(purge.purgeDeletedSignals()).isGreaterThanOrEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .isZero();
    assertThat(support.signal(reference).historyDeletedAt()).isNotNull();
    assertThat(purge.purgeDeletedSignals()).isZero(); // idempotent
  }

  /**
   * RET-4 (issue 17 item 4): the fraud capability consults the same legal holds as erasure and the retention sweep.
   * A hold on the signal's file keeps its data past the deletion timer and past the fraud retention sweep; once the
   * hold is released, the sweep deletes them.
   */
  @Test
  void aLegalHoldOnTheFileKeepsADismissedSignalUntilItIsReleased() {
    String reference = registerStrongSignal("assessor1");
    String pid = processInstanceId(reference);
    first("assessor2", reference, FraudSignalProcess.DISMISS);
    second("assessor1", reference, FraudSignalProcess.DISMISS);
    long hold = legalHolds.holdItem(new nl.ymere.privacy.personaldata.ItemRef(
        nl.ymere.privacy.legalhold.LegalHolds.FRAUD_SIGNAL_FILES, reference), "Procedure over de melding", null,
        "officer");

    support.setNow(LocalDate.of(2026, 6, 5), 10, 1);
    engine.getManagementService().executeJob(support.timer(pid).getId());
    assertThat(instance(reference)).isNull();
    assertThat(support.signal(reference).status()).isEqualTo(SignalStatus.DISMISSED);
    assertThat(support.signal(reference).tenantName()).isEqualTo(tenant);

    support.setNow(LocalDate.of(2026, 9, 1), 10, 0);
    assertThat(purge.deleteDismissedPastRetention()).isZero();
    assertThat(support.signal(reference).dataDeletedAt()).isNull();
    assertThat(support.signal(reference).description()).isEqualTo(description);

    assertThat(legalHolds.release(hold, "fg")).isTrue();
    assertThat(purge.deleteDismissedPastRetention()).isGreaterThanOrEqualTo(1);
    assertThat(support.signal(reference).status()).isEqualTo(SignalStatus.DATA_DELETED);
    assertThat(support.signal(reference).tenantName()).isNull();
    assertThat(purge.purgeDeletedSignals()).isGreaterThanOrEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  /** RET-4: a hold on the tenancy the signal is about covers the signal too (the same scope rule as erasure). */
  @Test
  void aLegalHoldOnTheTenancyKeepsItsDismissedSignal() {
    String tenancy = "HO-" + System.nanoTime() % 1_000_000;
    String reference = support.register("assessor1", new RegisterFraudSignalCommand(SignalSource.NEIGHBOUR_REPORT,
        address, tenancy, tenant, description,
        new RegisterFraudSignalCommand.Indicators(true, false, false, true, 1), null));
    first("assessor2", reference, FraudSignalProcess.DISMISS);
    second("assessor1", reference, FraudSignalProcess.DISMISS);
    legalHolds.holdSubject(null, tenancy, "Huurgeschil bij de rechter", null, "officer");

    support.setNow(LocalDate.of(2026, 6, 5), 10, 1);
    engine.getManagementService().executeJob(support.timer(processInstanceId(reference)).getId());
    assertThat(purge.deleteDismissedPastRetention()).isZero();
    assertThat(support.signal(reference).status()).isEqualTo(SignalStatus.DISMISSED);
    assertThat(support.signal(reference).tenancyReference()).isEqualTo(tenancy);
  }

  @Test
  void theSecondAssessorOverturnsTheProposalAndThatIsTheDecision() {
    int overturnedBefore = overturnedSoFar();
    String reference = registerStrongSignal("assessor1");
    first("assessor1", reference, FraudSignalProcess.DISMISS);
    second("assessor2", reference, FraudSignalProcess.INVESTIGATE);

    FraudSignal signal = support.signal(reference);
    assertThat(signal.decision()).isEqualTo(FraudSignalProcess.INVESTIGATE);
    assertThat(signal.status()).isEqualTo(SignalStatus.INVESTIGATION_OPENED);
    FraudExplanation explanation = explanations.explain(reference, "officer", ReadPurpose.HUMAN_REVIEW);
    assertThat(explanation.assessments()).extracting(a -> a.step() + ":" + a.assessor() + ":" + a.choice())
        .containsExactly("FIRST:assessor1:DISMISS", "SECOND:assessor2:INVESTIGATE");
    assertThat(overturnedSoFar()).isEqualTo(overturnedBefore + 1);
  }

  private int overturnedSoFar() {
    return oversight.figures().stream().mapToInt(FraudOversightService.VersionFigures::secondOverturnedFirst).sum();
  }

  @Test
  void theFirstAssessorCannotBeTheSecond() {
    String reference = registerStrongSignal("assessor1");
    first("assessor1", reference, FraudSignalProcess.INVESTIGATE);
    assertThat(support.visibleTasks("assessor1", reference, Elements.SECOND_ASSESSMENT)).isZero();
    assertThatThrownBy(() -> second("assessor1", reference, FraudSignalProcess.INVESTIGATE))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(instance(reference)).isWaitingAt(Elements.SECOND_ASSESSMENT);
    assertThat(support.signal(reference).decision()).isNull();

    second("assessor2", reference, FraudSignalProcess.INVESTIGATE);
    assertThat(support.signal(reference).decision()).isEqualTo(FraudSignalProcess.INVESTIGATE);
  }

  /**
   * DESIGN principle 9: the assessment and outcome services check who assessed in the product's tables, whatever the
   * listeners in front of them let through (an operator can skip listeners or edit the variables they read).
   */
  @Test
  void theServicesCheckTheAssessmentsInTheTablesNotInTheProcess() {
    support.ensureThirdAssessor();
    String reference = support.register("assessor2", signal(SignalSource.INTERNAL_OBSERVATION, address, tenant,
        description, new RegisterFraudSignalCommand.Indicators(true, false, false, true, 1)));
    String pid = processInstanceId(reference);
    // no first assessment yet: no second, no investigation
    assertRefused(() -> assessments.recordSecond(reference, pid, "assessor1", FraudSignalProcess.INVESTIGATE,
        SECOND_REASONS), "geen eerste beoordeling");
    assertRefused(() -> outcomes.openInvestigation(reference), "Geen onderzoek geopend");
    // the reporter (assessor2, from the signal's row) assesses neither step; another process instance nothing
    assertRefused(() -> assessments.recordFirst(reference, pid, "assessor2", FraudSignalProcess.INVESTIGATE,
        FIRST_REASONS), "assessor2 meldde dit signaal");
    assertRefused(() -> assessments.recordFirst(reference, "another-instance", "assessor1",
        FraudSignalProcess.INVESTIGATE, FIRST_REASONS), "ander proces");

    first("assessor1", reference, FraudSignalProcess.INVESTIGATE);
    assertRefused(() -> assessments.recordFirst(reference, pid, THIRD_ASSESSOR, FraudSignalProcess.DISMISS,
        FIRST_REASONS), "al vastgelegd");
    assertRefused(() -> assessments.recordSecond(reference, pid, "assessor1", FraudSignalProcess.INVESTIGATE,
        SECOND_REASONS), "assessor1 deed de eerste beoordeling");
    assertRefused(() -> assessments.recordSecond(reference, pid, "assessor2", FraudSignalProcess.INVESTIGATE,
        SECOND_REASONS), "assessor2 meldde dit signaal");
    assertRefused(() -> outcomes.openInvestigation(reference), "Geen onderzoek geopend");
    assertThat(support.signal(reference).status()).isEqualTo(SignalStatus.ASSESSING);

    second(THIRD_ASSESSOR, reference, FraudSignalProcess.INVESTIGATE);
    assertThat(support.signal(reference).status()).isEqualTo(SignalStatus.INVESTIGATION_OPENED);
    // decided and opened once: no second decision, no second case
    assertRefused(() -> assessments.recordSecond(reference, pid, "officer", FraudSignalProcess.DISMISS,
        SECOND_REASONS), "al besloten");
    assertRefused(() -> outcomes.openInvestigation(reference), "al in onderzoek");
  }

  private static void assertRefused(Runnable step, String message) {
    assertThatThrownBy(step::run).isInstanceOfSatisfying(RefusedStepException.class, refused -> {
      assertThat(refused.kind()).isEqualTo(RefusedStepException.Kind.NOT_ALLOWED);
      assertThat(refused.getMessage()).contains(message);
    });
  }

  /** Issue 14 point 6, issue 15 item 11: bad input on a task form in Tasklist gets the Dutch reason, no engine text. */
  @Test
  void badInputOnAnAssessmentFormInTasklistIsAnsweredWith400AndTheDutchReason() throws Exception {
    String reference = registerStrongSignal("assessor1");
    String task = support.task(reference, Elements.FIRST_ASSESSMENT).getId();
    EngineDoors tasklist = EngineDoors.as(EngineDoors.Door.WEBAPP, port, "assessor2");

    EngineDoors.Response answer = tasklist.post("/task/" + task + "/submit-form", """
        {"variables":{"fraudProposal":{"value":"INVESTIGATE"},"assessmentReasoning":{"value":"Eens met het model."}}}""");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText())
        .contains(AssessmentReasoning.problem("Eens met het model.").orElseThrow());
    assertThat(answer.body()).doesNotContain("ENGINE-");
    assertThat(instance(reference)).isWaitingAt(Elements.FIRST_ASSESSMENT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_assessment a JOIN privacy.fraud_signal s "
        + "ON s.id = a.signal_id WHERE s.reference = ?", Integer.class, reference)).isZero();
  }

  @Test
  void theReporterCanAssessNeitherStep() {
    support.ensureThirdAssessor();
    // an internal observation: the registering assessor is the reporter
    String reference = support.register("assessor1", signal(SignalSource.INTERNAL_OBSERVATION, address, tenant,
        description, new RegisterFraudSignalCommand.Indicators(false, true, true, false, 0)));
    assertThat(support.signal(reference).reporterUser()).isEqualTo("assessor1");
    assertThat(support.visibleTasks("assessor1", reference, Elements.FIRST_ASSESSMENT)).isZero();
    assertThat(support.visibleTasks("assessor2", reference, Elements.FIRST_ASSESSMENT)).isOne();
    assertThatThrownBy(() -> first("assessor1", reference, FraudSignalProcess.INVESTIGATE))
        .isInstanceOf(ProcessEngineException.class);

    first("assessor2", reference, FraudSignalProcess.INVESTIGATE);
    assertThat(support.visibleTasks("assessor1", reference, Elements.SECOND_ASSESSMENT)).isZero();
    assertThatThrownBy(() -> second("assessor1", reference, FraudSignalProcess.INVESTIGATE))
        .isInstanceOf(ProcessEngineException.class);
    second(THIRD_ASSESSOR, reference, FraudSignalProcess.DISMISS);
    assertThat(support.signal(reference).decision()).isEqualTo(FraudSignalProcess.DISMISS);
  }

  @Test
  void agreeingWithTheModelAloneIsRefusedAsReasoning() {
    String reference = registerStrongSignal("assessor1");
    for (String weak : List.of("Eens met het model.", "Ik ben het eens met het model: de score is hoog, dus akkoord.",
        "Agree with the model, as per the risk score and the band.")) {
      assertThatThrownBy(() -> support.complete("assessor2", reference, Elements.FIRST_ASSESSMENT,
          Map.of("fraudProposal", FraudSignalProcess.INVESTIGATE, "assessmentReasoning", weak)))
          .as(weak).isInstanceOf(ProcessEngineException.class).hasMessageContaining("ADM-2");
    }
    assertThat(instance(reference)).isWaitingAt(Elements.FIRST_ASSESSMENT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_assessment a JOIN privacy.fraud_signal s "
        + "ON s.id = a.signal_id WHERE s.reference = ?", Integer.class, reference)).isZero();
  }

  @Test
  void anArticle23GroundPostponesTheTenantNoticeUntilAReCheckFindsItLapsed() {
    String reference = registerStrongSignal("assessor1");
    String pid = processInstanceId(reference);
    first("assessor1", reference, FraudSignalProcess.INVESTIGATE);
    String note = "Politie vraagt uitstel tot na de doorzoeking " + System.nanoTime();
    support.complete("assessor2", reference, Elements.SECOND_ASSESSMENT, Map.of("fraudDecision",
        FraudSignalProcess.INVESTIGATE, "assessmentReasoning", SECOND_REASONS, "postponeTenantInformation", true,
        "postponementGround", "PREVENTION_AND_DETECTION", "postponementNote", note));

    FraudSignal opened = support.signal(reference);
    assertThat(opened.caseReference()).isNotNull();
    assertThat(opened.tenantInformedAt()).isNull();
    assertThat(support.outbox(opened.caseReference())).isEmpty();
    assertThat(instance(reference)).isWaitingAt(Elements.TIMER_POSTPONEMENT_REVIEW);
    assertThat(support.timer(pid).getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(
        LocalDate.of(2026, 4, 5).atTime(10, 0), FraudTestSupport.AMSTERDAM).toInstant()));

    // first re-check: the ground still applies, a new check a month later
    support.setNow(LocalDate.of(2026, 4, 5), 10, 0);
    engine.getManagementService().executeJob(support.timer(pid).getId());
    support.complete("assessor1", reference, Elements.REVIEW_POSTPONEMENT, Map.of("groundStillApplies", true));
    assertThat(instance(reference)).isWaitingAt(Elements.TIMER_POSTPONEMENT_REVIEW);
    assertThat(support.timer(pid).getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(
        LocalDate.of(2026, 5, 5).atTime(10, 0), FraudTestSupport.AMSTERDAM).toInstant()));
    assertThat(support.outbox(opened.caseReference())).isEmpty();

    // second re-check: the ground lapsed, the tenant is informed now
    support.setNow(LocalDate.of(2026, 5, 5), 10, 0);
    engine.getManagementService().executeJob(support.timer(pid).getId());
    support.complete("assessor2", reference, Elements.REVIEW_POSTPONEMENT, Map.of("groundStillApplies", false));
    assertThat(instance(reference)).isNull();
    assertThat(support.outbox(opened.caseReference())).extracting(m -> m.get("TEMPLATE"))
        .containsExactly(FraudOutcomeService.TENANT_NOTICE_TEMPLATE);
    assertThat(support.signal(reference).tenantInformedAt()).isNotNull();
    assertThat(PersonalDataScan.of(dataSource).text(note).hits()).isEmpty();
  }

  /** ADM-3: the explanation comes from the stored evaluation, so a new model version changes nothing about it. */
  @Test
  void theExplanationOfAPastDecisionSurvivesANewModelVersion() throws Exception {
    String reference = registerStrongSignal("assessor1");
    first("assessor1", reference, FraudSignalProcess.INVESTIGATE);
    second("assessor2", reference, FraudSignalProcess.INVESTIGATE);
    FraudExplanation before = explanations.explain(reference, "assessor2", ReadPurpose.ACCESS_REQUEST);
    assertThat(before.reasons()).extracting(FraudExplanation.Reason::points).containsExactly(40, 30);
    assertThat(before.score()).isEqualTo(70);
    assertThat(before.band()).isEqualTo("HIGH");
    assertThat(before.dataUsed()).containsEntry("mainResidenceRegisteredElsewhere", true)
        .containsEntry("signalSource", "NEIGHBOUR_REPORT").containsOnlyKeys(FraudRiskInputs.ALLOWED);
    assertThat(before.assessments()).extracting(FraudExplanation.Assessment::reasoning)
        .containsExactly(FIRST_REASONS, SECOND_REASONS);

    String changed = Files.readString(Path.of("processes/fraud-risk.dmn"), StandardCharsets.UTF_8)
        .replace("camunda:versionTag=\"2026.1\"", "camunda:versionTag=\"2099.9-test\"")
        .replace("<outputEntry id=\"LiteralExpression_MainResidenceElsewhere_Points\"><text>40</text>",
            "<outputEntry id=\"LiteralExpression_MainResidenceElsewhere_Points\"><text>5</text>")
        .replace("op een ander adres ingeschreven.", "elders ingeschreven (gewijzigde tekst).");
    String deployment = engine.getRepositoryService().createDeployment().name("fraud-risk test version")
        .addString("fraud-risk.dmn", changed).deploy().getId();
    try {
      FraudExplanation after = explanations.explain(reference, "assessor2", ReadPurpose.ACCESS_REQUEST);
      assertThat(after.reasons()).isEqualTo(before.reasons());
      assertThat(after.model()).isEqualTo(before.model());
      assertThat(after.score()).isEqualTo(70);

      String newer = registerStrongSignal("assessor2");
      FraudExplanation newVersion = explanations.explain(newer, "assessor1", ReadPurpose.CASE_HANDLING);
      assertThat(newVersion.model().versionTag()).isEqualTo("2099.9-test");
      assertThat(newVersion.model().version()).isGreaterThan(before.model().version());
      assertThat(newVersion.score()).isEqualTo(35);
      assertThat(newVersion.reasons()).extracting(FraudExplanation.Reason::reason)
          .anySatisfy(r -> assertThat(r).contains("gewijzigde tekst"));
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
    // every read was logged with user and purpose (SEC-1)
    assertThat(support.signals.reads(reference)).extracting(r -> r.readBy() + ":" + r.purpose())
        .containsExactly("assessor2:ACCESS_REQUEST", "assessor2:ACCESS_REQUEST");
  }

  /** The Tasklist start form: the signal's fields go to the product's tables, the process keeps the reference. */
  @Test
  void aSignalRegisteredThroughTheTasklistStartFormLeavesOnlyItsReferenceInTheProcess() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(FraudSignalProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> form = new java.util.HashMap<>(Map.of("source", "UTILITY_USAGE", "address", address,
        "tenantName", tenant, "description", description, "lowUtilityUsage", true, "subletAdvertisementFound", false,
        "independentReports", 3L));
    String pid = support.as("assessor2", () -> engine.getFormService().submitStartForm(definitionId, form)).getId();
    String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey();
    assertThat(reference).matches("WF-2026-\\d{6}");
    FraudSignal signal = support.signal(reference);
    assertThat(signal.address()).isEqualTo(address);
    assertThat(signal.registeredBy()).isEqualTo("assessor2");
    assertThat(signal.reporterUser()).isNull();
    assertThat(signal.inputs()).isEqualTo(new FraudRiskInputs(SignalSource.UTILITY_USAGE, false, false, true, false,
        3));
    assertThat(engine.getRuntimeService().getVariables(pid).keySet())
        .containsExactlyInAnyOrder("signalReference", "signalReporter", "riskBand");
    assertThat(engine.getRuntimeService().getVariable(pid, "riskBand")).isEqualTo("MEDIUM"); // 20 + 15

    // a start form without an address is refused and leaves nothing (DESIGN principle 7, ADM-1)
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_signal", Long.class);
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> withoutAddress = new java.util.HashMap<>(form);
    withoutAddress.remove("address");
    assertThatThrownBy(() -> support.as("assessor2", () -> engine.getFormService().submitStartForm(definitionId,
        withoutAddress))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("address");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_signal", Long.class)).isEqualTo(rows);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void theExplanationOfADeletedSignalIsGoneButTheReadIsStillLogged() {
    String reference = registerStrongSignal("assessor1");
    first("assessor2", reference, FraudSignalProcess.DISMISS);
    second("assessor1", reference, FraudSignalProcess.DISMISS);
    support.setNow(LocalDate.of(2026, 6, 6), 9, 0);
    engine.getManagementService().executeJob(support.timer(processInstanceId(reference)).getId());
    assertThatThrownBy(() -> explanations.explain(reference, "officer", ReadPurpose.ACCESS_REQUEST))
        .isInstanceOf(nl.ymere.privacy.web.ApiNotFoundException.class);
    assertThat(support.signals.reads(reference)).extracting(r -> r.readBy() + ":" + r.purpose())
        .containsExactly("officer:ACCESS_REQUEST");
  }
}
