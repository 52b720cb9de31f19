package nl.ymere.privacy.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.camera.CameraCodes.Status;
import nl.ymere.privacy.camera.CameraProtocolProcess.Elements;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code camera-protocol.bpmn} (issue 6; CAM-1..CAM-8) on the real engine and tables, as named users,
 * with the engine clock moved and timer jobs executed.
 */
@IntegrationTest
class CameraProtocolProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired ProcessEngine engine;
  @Autowired CameraTestSupport support;
  @Autowired DpiaScreeningService screenings;
  @Autowired DataSource dataSource;

  String marker;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(TODAY, 10, 0);
    marker = "M" + System.nanoTime() % 1_000_000;
  }

  /** DESIGN principle 2: none of the request's free text reaches the engine's tables. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    ClockUtil.reset();
    assertThat(PersonalDataScan.of(dataSource).text("Complex De Linde " + marker, "Kantoor Jarfijnstraat " + marker,
        "Herhaalde inbraken in de bergingen " + marker, "Lindelaan 1-99", "Inbraken wegen zwaarder",
        "Akkoord mits beeldveld", "Camera in de bergingsgang", "Vermoeden van diefstal", "Akkoord na advies",
        "Bewoners worden gefilmd", "voor bezoekers ontbreken", "geen innovatieve technologie",
        "Inbraken zijn gestopt").hits()).isEmpty();
  }

  private Status status(String reference) {
    return support.protocol(reference).status();
  }

  @Test
  void shouldActivateAnOvertCameraWithoutDpiaAndInformTheResidents() {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    assertThat(reference).matches("CAM-2026-\\d{6}");
    assertThat(support.instance(reference)).isWaitingAt(Elements.ASSESS_LEGITIMATE_INTEREST);
    support.assess(reference, true, marker);
    assertThat(support.instance(reference)).isWaitingAt(Elements.ADVISE_LEGITIMATE_INTEREST);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of());
    assertThat(screenings.outcome(reference)).isEqualTo("NOT_REQUIRED");
    assertThat(support.instance(reference)).isWaitingAt(Elements.APPROVE_CAMERA);
    support.approve("manager", reference);

    // go-live: signage task and the residents' letter (CAM-8) before the register entry
    assertThat(support.instance(reference)).isWaitingAt(Elements.CONFIRM_SIGNAGE);
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE") + "/" + m.get("CHANNEL"))
        .containsExactly("camera-residents-notice/LETTER");
    assertThat(status(reference)).isEqualTo(Status.REQUESTED);
    support.confirmSignage(reference);

    CameraProtocol active = support.protocol(reference);
    assertThat(active.status()).isEqualTo(Status.ACTIVE);
    assertThat(active.activatedOn()).isEqualTo(TODAY);
    assertThat(active.expiresOn()).isEqualTo(TODAY.plusMonths(12));
    assertThat(active.retentionHours()).isEqualTo(72);
    assertThat(active.approvedBy()).isEqualTo("manager");
    assertThat(active.approvalReference()).startsWith("TASK-");
    assertThat(active.signagePhotoReference()).isEqualTo("DMS-FOTO-" + reference);
    assertThat(active.dpiaOutcome()).isEqualTo("NOT_REQUIRED");
    assertThat(screenings.matchedReasons(reference)).isEmpty();
    assertThat(support.instance(reference)).isWaitingAt(Elements.TIMER_REVIEW_DUE);
    assertThat(support.timer(reference, Elements.TIMER_REVIEW_DUE).getDuedate())
        .isEqualTo(at(TODAY.plusMonths(12).minusDays(30), 8));
    assertThat(support.protocols.register(Status.ACTIVE)).extracting(CameraProtocol::reference).contains(reference);
    // the matched reasons and the outcome are no process variables
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(support.instance(reference).getId()).list())
        .extracting(v -> v.getName())
        .doesNotContain("dpiaOutcome", "apCategories", "wp248Criteria", "balancing", "problem", "locationName");
  }

  @Test
  void shouldRequireADpiaWhenTheScreeningSaysSoAndStoreTheReasons() {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of("apLargeScaleCameraSurveillance", true, "wpSystematicMonitoring", true));

    assertThat(screenings.outcome(reference)).isEqualTo("REQUIRED");
    assertThat(screenings.matchedReasons(reference))
        .containsExactly("AP_CATEGORY:LARGE_SCALE_CAMERA_SURVEILLANCE", "WP248:SYSTEMATIC_MONITORING");
    assertThat(support.instance(reference)).isWaitingAt(Elements.WRITE_DPIA);
    support.writeDpia(reference, "LOW", marker);
    support.fgAdvice(reference, Elements.ADVISE_DPIA, marker);
    // sent back once, then accepted with a low residual risk
    support.complete("officer", reference, Elements.REVIEW_DPIA, Map.of("dpiaAccepted", false,
        "dpiaReviewComment", "Risico's voor bezoekers ontbreken"));
    assertThat(support.instance(reference)).isWaitingAt(Elements.WRITE_DPIA);
    support.writeDpia(reference, "LOW", marker);
    support.fgAdvice(reference, Elements.ADVISE_DPIA, marker);
    support.complete("officer", reference, Elements.REVIEW_DPIA, Map.of("dpiaAccepted", true,
        "highResidualRisk", false));
    assertThat(support.instance(reference)).isWaitingAt(Elements.APPROVE_CAMERA);
    assertThat(support.jdbc.queryForObject("SELECT residual_risk FROM privacy.camera_dpia d JOIN "
        + "privacy.camera_protocol p ON p.id = d.protocol_id WHERE p.reference = ?", String.class, reference))
        .isEqualTo("LOW");
    assertThat(support.protocols.eventTypes(reference)).containsSubsequence("DPIA_SCREENED_REQUIRED",
        "DPIA_WRITTEN", "FG_DPIA_ADVICE_POSITIVE_WITH_CONDITIONS", "DPIA_SENT_BACK", "DPIA_WRITTEN", "DPIA_ACCEPTED");
  }

  @Test
  void shouldLetAPrivacyOfficerDecideWithExactlyOneCriterionTheFgInformed() {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of("wpInnovativeTechnology", true));

    assertThat(screenings.outcome(reference)).isEqualTo("FG_DECIDES");
    assertThat(screenings.matchedReasons(reference)).containsExactly("WP248:INNOVATIVE_TECHNOLOGY");
    assertThat(support.instance(reference)).isWaitingAt(Elements.DECIDE_DPIA_NEED);
    // "no DPIA" needs reasons (CAM-2)
    assertThatThrownBy(() -> support.complete("officer", reference, Elements.DECIDE_DPIA_NEED,
        Map.of("dpiaNeeded", false))).isInstanceOf(ProcessEngineException.class);
    support.complete("officer", reference, Elements.DECIDE_DPIA_NEED, Map.of("dpiaNeeded", false,
        "dpiaNeedReasons", "Een standaard netwerkcamera is hier geen innovatieve technologie"));
    assertThat(support.instance(reference)).isWaitingAt(Elements.APPROVE_CAMERA);
    assertThat(support.protocols.eventTypes(reference)).contains("NO_DPIA_DECIDED");
  }

  @Test
  void shouldWaitForTheSupervisorWhenHighResidualRiskRemainsAndStopWhenItObjects() {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of("art35Case", true));
    assertThat(screenings.matchedReasons(reference)).containsExactly("ART35_3:ART35_3");
    support.writeDpia(reference, "HIGH", marker);
    support.fgAdvice(reference, Elements.ADVISE_DPIA, marker);
    support.complete("officer", reference, Elements.REVIEW_DPIA, Map.of("dpiaAccepted", true,
        "highResidualRisk", true));

    // Art 36: the process waits for the supervisor's answer
    assertThat(support.instance(reference)).isWaitingAt(Elements.RECORD_SUPERVISOR_ANSWER);
    assertThat(support.protocols.eventTypes(reference)).contains("PRIOR_CONSULTATION_REQUESTED");
    support.complete("officer", reference, Elements.RECORD_SUPERVISOR_ANSWER, Map.of(
        "supervisorAnswer", "DO_NOT_PROCEED", "supervisorReference", "AP-z2026-01234"));

    assertThat(support.instance(reference)).isNull();
    assertThat(support.protocol(reference).status()).isEqualTo(Status.REFUSED);
    assertThat(support.protocol(reference).refusalReason()).isEqualTo("SUPERVISOR_OBJECTED");
  }

  @Test
  void shouldContinueAfterThePriorConsultationWhenTheSupervisorAgrees() {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of("apBiometrics", true));
    support.writeDpia(reference, "HIGH", marker);
    support.fgAdvice(reference, Elements.ADVISE_DPIA, marker);
    support.complete("officer", reference, Elements.REVIEW_DPIA, Map.of("dpiaAccepted", true,
        "highResidualRisk", true));
    support.complete("officer", reference, Elements.RECORD_SUPERVISOR_ANSWER, Map.of(
        "supervisorAnswer", "PROCEED_WITH_MEASURES"));
    assertThat(support.instance(reference)).isWaitingAt(Elements.APPROVE_CAMERA);
  }

  @Test
  void shouldRefuseAtTheBalancingTest() {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    support.assess(reference, false, marker);
    // the FG advises in every case; the advice does not decide (CAM-4)
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);

    assertThat(support.instance(reference)).isNull();
    CameraProtocol refused = support.protocol(reference);
    assertThat(refused.status()).isEqualTo(Status.REFUSED);
    assertThat(refused.refusalReason()).isEqualTo("BALANCING_FAILED");
    assertThat(support.protocols.eventTypes(reference)).contains("BALANCING_FAILED", "REFUSED_BALANCING_FAILED");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(refused.processInstanceId()).activityId(Elements.REFUSED).count()).isOne();
  }

  @Test
  void shouldRefuseApprovalByTheRequesterEvenWhenInTheManagementGroup() {
    String requester = CameraTestSupport.FACILITY_MANAGER;
    String reference = support.start(requester, CameraTestSupport.overtRequest(marker));
    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of());
    Task approval = support.task(reference, Elements.APPROVE_CAMERA);
    assertThat(approval).isNotNull();

    // four eyes, enforced by the engine (CAM-4, DESIGN principle 6): hidden, not claimable, not completable
    assertThat(support.as(requester, () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey(Elements.APPROVE_CAMERA).count())).isZero();
    assertThatThrownBy(() -> support.approve(requester, reference)).isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of("cameraApproved", true)))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(support.protocol(reference).approvedBy()).isNull();

    support.approve("manager", reference);
    assertThat(support.protocol(reference).approvedBy()).isEqualTo("manager");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.APPROVE_CAMERA).finished().singleResult().getAssignee()).isEqualTo("manager");
    assertThat(support.protocol(reference).requestedBy()).isEqualTo(requester);
  }

  /**
   * Four eyes (CAM-4, DESIGN principle 6): the requester comes from the authenticated user, so a start that brings its
   * own protocol reference and requester (engine REST, a forged start form) is refused and starts nothing.
   */
  @Test
  void shouldRefuseAStartThatBringsItsOwnReferenceAndRequester() {
    String requester = CameraTestSupport.FACILITY_MANAGER;
    String reference = support.start(requester, CameraTestSupport.overtRequest(marker));
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CameraProtocolProcess.KEY).count();

    for (String forged : List.of(reference, "CAM-2026-999999")) {
      assertThatThrownBy(() -> support.as(requester, () -> engine.getRuntimeService().startProcessInstanceByKey(
          CameraProtocolProcess.KEY, Map.of("reference", forged, "requester", "facility", "covert", false,
              "locationType", "OFFICE")))).isInstanceOf(ProcessEngineException.class);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CameraProtocolProcess.KEY).count()).isEqualTo(instancesBefore);
  }

  @Test
  void shouldRefuseARetentionAboveTwentyEightDaysAndStartNothing() {
    long protocolsBefore = support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.camera_protocol", Long.class);
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> tooLong = CameraTestSupport.overtRequest(marker);
    tooLong.put("retentionHours", 673);
    tooLong.put("retentionJustification", "Vakantieperiode van de beheerder duurt lang");
    assertThatThrownBy(() -> support.start("facility", tooLong)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("retentionHours").hasMessageContaining("28 days");

    Map<String, Object> unjustified = CameraTestSupport.overtRequest(marker);
    unjustified.put("retentionHours", 96);
    assertThatThrownBy(() -> support.start("facility", unjustified)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("retentionJustification");

    assertThat(support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.camera_protocol", Long.class))
        .isEqualTo(protocolsBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);

    // at the ceiling, with a recorded justification, it is accepted
    Map<String, Object> ceiling = CameraTestSupport.overtRequest(marker);
    ceiling.put("retentionHours", 672);
    ceiling.put("retentionJustification", "Incidenten worden pas na het weekend en de vakantie ontdekt");
    String reference = support.start("facility", ceiling);
    assertThat(support.protocol(reference).retentionHours()).isEqualTo(672);
  }

  @Test
  void shouldSwitchOffACovertCameraAtItsHardEndDate() {
    LocalDate endDate = TODAY.plusMonths(2);
    String reference = support.start("facility", CameraTestSupport.covertRequest(marker, endDate));
    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    // nothing ticked: a covert camera is covert investigation (AP 1), so a DPIA is required (CAM-7)
    support.screen(reference, Map.of());
    assertThat(screenings.matchedReasons(reference)).containsExactly("AP_CATEGORY:COVERT_INVESTIGATION");
    support.writeDpia(reference, "MEDIUM", marker);
    support.fgAdvice(reference, Elements.ADVISE_DPIA, marker);
    support.complete("officer", reference, Elements.REVIEW_DPIA, Map.of("dpiaAccepted", true));
    support.complete("officer", reference, Elements.APPROVE_COVERT, Map.of("covertApproved", true));
    support.approve("manager", reference);

    // no signs and no residents' letter for a covert camera; active until its end date
    CameraProtocol active = support.protocol(reference);
    assertThat(active.status()).isEqualTo(Status.ACTIVE);
    assertThat(active.expiresOn()).isEqualTo(endDate);
    assertThat(support.outbox(reference)).isEmpty();
    assertThat(support.instance(reference)).isWaitingAt(Elements.TIMER_COVERT_END);
    assertThat(support.timer(reference, Elements.TIMER_COVERT_END).getDuedate()).isEqualTo(at(endDate, 0));

    support.setNow(endDate, 0, 1);
    support.execute(support.timer(reference, Elements.TIMER_COVERT_END));
    assertThat(status(reference)).isEqualTo(Status.EXPIRED);
    assertThat(support.task(reference, Elements.SWITCH_OFF_CAMERA).getName()).isEqualTo("Camera uitschakelen");
    assertThatThrownBy(() -> support.complete("facility", reference, Elements.SWITCH_OFF_CAMERA, Map.of()))
        .isInstanceOf(ProcessEngineException.class);
    support.complete("facility", reference, Elements.SWITCH_OFF_CAMERA, Map.of("cameraSwitchedOff", true));
    assertThat(status(reference)).isEqualTo(Status.REMOVED);
    assertThat(support.instance(reference)).isNull();
  }

  @Test
  void shouldRefuseACovertCameraWithoutAPrivacyOfficersApproval() {
    String reference = support.start("facility", CameraTestSupport.covertRequest(marker, TODAY.plusMonths(1)));
    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of());
    support.writeDpia(reference, "MEDIUM", marker);
    support.fgAdvice(reference, Elements.ADVISE_DPIA, marker);
    support.complete("officer", reference, Elements.REVIEW_DPIA, Map.of("dpiaAccepted", true));
    support.complete("officer", reference, Elements.APPROVE_COVERT, Map.of("covertApproved", false));
    assertThat(support.protocol(reference).refusalReason()).isEqualTo("COVERT_NOT_APPROVED");
  }

  @Test
  void shouldAskYearlyEscalateWithoutAnswerAndExpireWithASwitchOffTask() {
    String reference = support.activeOvertCamera(marker);
    LocalDate expiresOn = TODAY.plusMonths(12);
    LocalDate reviewOn = expiresOn.minusDays(30);

    support.setNow(reviewOn, 8, 0);
    support.execute(support.timer(reference, Elements.TIMER_REVIEW_DUE));
    assertThat(support.instance(reference)).isWaitingAt(Elements.REEVALUATE_CAMERA);
    assertThat(support.task(reference, Elements.REEVALUATE_CAMERA).getDueDate()).isEqualTo(at(expiresOn, 0));

    // no answer within 14 days: e-mail to the privacy officers
    assertThat(support.timer(reference, Elements.TIMER_REEVALUATION_ESCALATION).getDuedate())
        .isEqualTo(at(reviewOn.plusDays(14), 8));
    support.setNow(reviewOn.plusDays(14), 8, 0);
    support.execute(support.timer(reference, Elements.TIMER_REEVALUATION_ESCALATION));
    assertThat(support.outbox(reference)).filteredOn(m -> m.get("TEMPLATE").equals("camera-reevaluation-escalation"))
        .isNotEmpty().allSatisfy(m -> assertThat(m.get("RECIPIENT_ROLE")).isEqualTo("PRIVACY_OFFICERS"));
    assertThat(support.instance(reference)).isWaitingAt(Elements.REEVALUATE_CAMERA);

    // not re-approved by the expiry date: EXPIRED and a switch-off task for facility
    support.setNow(expiresOn, 0, 0);
    support.execute(support.timer(reference, Elements.TIMER_PROTOCOL_EXPIRED));
    assertThat(status(reference)).isEqualTo(Status.EXPIRED);
    assertThat(support.task(reference, Elements.REEVALUATE_CAMERA)).isNull();
    Task switchOff = support.task(reference, Elements.SWITCH_OFF_CAMERA);
    assertThat(engine.getTaskService().getIdentityLinksForTask(switchOff.getId()))
        .extracting(link -> link.getGroupId()).contains("facility");
    support.complete("facility", reference, Elements.SWITCH_OFF_CAMERA, Map.of("cameraSwitchedOff", true));
    assertThat(status(reference)).isEqualTo(Status.REMOVED);
  }

  @Test
  void shouldRunAnotherYearWhenTheFacilityOwnerConfirmsTheNeed() {
    String reference = support.activeOvertCamera(marker);
    LocalDate expiresOn = TODAY.plusMonths(12);
    support.setNow(expiresOn.minusDays(30), 8, 0);
    support.execute(support.timer(reference, Elements.TIMER_REVIEW_DUE));
    support.complete("facility", reference, Elements.REEVALUATE_CAMERA, Map.of("reevaluationOutcome", "CONTINUE"));

    assertThat(support.protocol(reference).expiresOn()).isEqualTo(expiresOn.plusMonths(12));
    assertThat(status(reference)).isEqualTo(Status.ACTIVE);
    assertThat(support.instance(reference)).isWaitingAt(Elements.TIMER_REVIEW_DUE);
    assertThat(support.timer(reference, Elements.TIMER_REVIEW_DUE).getDuedate())
        .isEqualTo(at(expiresOn.plusMonths(12).minusDays(30), 8));
    assertThat(support.timer(reference, Elements.TIMER_PROTOCOL_EXPIRED)).isNull();

    // removal at the next review
    support.setNow(expiresOn.plusMonths(12).minusDays(30), 8, 0);
    support.execute(support.timer(reference, Elements.TIMER_REVIEW_DUE));
    support.complete("facility", reference, Elements.REEVALUATE_CAMERA, Map.of("reevaluationOutcome", "REMOVE",
        "reevaluationNote", "Inbraken zijn gestopt na nieuwe deuren"));
    assertThat(status(reference)).isEqualTo(Status.REMOVED);
    assertThat(support.instance(reference)).isNull();
  }

  private static Date at(LocalDate date, int hour) {
    return Date.from(date.atTime(hour, 0).atZone(CameraTestSupport.AMSTERDAM).toInstant());
  }
}
