package nl.ymere.privacy.processor;

import static nl.ymere.privacy.request.RequestTestSupport.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.processor.ProcessorAgreementProcess.Elements;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code processor-agreement.bpmn} on the real engine and tables, as named users, with the engine clock
 * moved and timer jobs executed (issue 7: PRC-2, PRC-4, PRC-5, PRC-6, four eyes).
 */
@IntegrationTest
class ProcessorAgreementProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final LocalDate EXPIRES = LocalDate.of(2029, 1, 31);

  @Autowired ProcessEngine engine;
  @Autowired ProcessorTestSupport support;
  @Autowired RequestTestSupport clock;
  @Autowired AgreementSteps steps;
  @Autowired SharingGate gate;
  @Autowired HistoryService historyService;
  @Autowired DataSource dataSource;

  String party;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    clock.setNow(TODAY, 10, 0);
    party = ProcessorTestSupport.uniqueCode("INCASSO");
  }

  /** DESIGN principle 2: the service description, data subjects and contact address stay out of the engine. */
  @AfterEach
  void noFreeTextInTheEngine() {
    clock.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(ProcessorTestSupport.SERVICE, ProcessorTestSupport.SUBJECTS,
        party.toLowerCase() + "@partner.example", "Bijlage ontbreekt", "Aanvaardbaar met module 2",
        "Dienst wordt niet meer afgenomen").hits()).isEmpty();
  }

  private AgreementRecord startProcessor(String country) {
    return support.start(support.command(party, country, false, EXPIRES));
  }

  private ProcessInstance instance(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult();
  }

  private boolean allowed() {
    return gate.check(party, "RENT_COLLECTION", List.of("CONTACT_DETAILS"), "test", null).allowed();
  }

  @Test
  void shouldApproveACompleteProcessorAgreementAndRegisterIt() {
    AgreementRecord draft = startProcessor("NL");
    assertThat(draft.reference()).matches("PA-2026-\\d{6}");
    assertThat(instance(draft.reference())).isWaitingAt(Elements.COMPLETE_PROCESSOR_CHECKLIST);
    assertThat(steps.get(draft.reference()).role()).isEqualTo(PartyRole.PROCESSOR);
    assertThat(allowed()).as("PRC-1: nothing is shared before approval").isFalse();

    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.APPROVE_AGREEMENT);
    support.complete("officer", draft.reference(), Elements.APPROVE_AGREEMENT, Map.of("agreementApproved", true));

    AgreementRecord approved = steps.get(draft.reference());
    assertThat(approved.status()).isEqualTo(AgreementStatus.APPROVED);
    assertThat(approved.kind()).isEqualTo(AgreementKind.PROCESSOR_AGREEMENT);
    assertThat(approved.purposes()).containsExactly("RENT_COLLECTION");
    assertThat(approved.dataCategories()).containsExactlyInAnyOrder("CONTACT_DETAILS", "RENT_ARREARS");
    assertThat(approved.nextReviewOn()).isEqualTo(LocalDate.of(2028, 3, 5)); // PRC-5: 24 months
    assertThat(approved.expiresOn()).isEqualTo(EXPIRES);
    assertThat(approved.breachNoticeHours()).isEqualTo(24);
    assertThat(approved.preparedBy()).isEqualTo("procurement");
    assertThat(approved.approvedBy()).isEqualTo("officer");
    assertThat(steps.checklist(draft.reference())).hasSize(ChecklistElement.requiredFor(PartyRole.PROCESSOR).size())
        .allSatisfy(item -> assertThat(item.get("PRESENT")).isEqualTo(true));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.TIMER_REVIEW, Elements.TIMER_EXPIRY_REMINDER,
        Elements.TIMER_EXPIRED);
    assertThat(allowed()).isTrue();
    List<String> completers = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(draft.reference()).finished().orderByHistoricTaskInstanceEndTime().asc().list()
        .stream().map(HistoricTaskInstance::getAssignee).toList();
    assertThat(completers).containsExactly("procurement", "officer");
  }

  @Test
  void shouldSendTheDraftBackNamingTheMissingClauseD() {
    AgreementRecord draft = startProcessor("NL");
    Map<String, Object> withoutD = new HashMap<>(ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    withoutD.put("subProcessing", false);
    withoutD.remove("subProcessingClause");
    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST, withoutD);

    assertThat(instance(draft.reference())).isWaitingAt(Elements.COMPLETE_PROCESSOR_CHECKLIST)
        .variables().containsEntry("missingElements", "D_SUB_PROCESSING").containsEntry("checklistComplete", false);
    assertThat(steps.get(draft.reference()).status()).isEqualTo(AgreementStatus.DRAFT);
    List<Map<String, Object>> mails = support.outbox(draft.reference());
    assertThat(mails).extracting(m -> m.get("TEMPLATE")).containsOnly("processor-draft-sent-back");
    assertThat(mails).extracting(m -> m.get("RECIPIENT")).contains("procurement@ymere.example");
    assertThat((String) mails.get(0).get("BODY_HTML")).contains("(d) subverwerkers").contains("(d) sub-processors")
        .doesNotContain("(c) beveiliging");
    assertThat(steps.eventTypes(draft.reference())).contains("CHECKLIST_INCOMPLETE", "SENT_BACK");

    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.APPROVE_AGREEMENT);
  }

  @Test
  void shouldRegisterThroughTheTasklistStartFormWithoutKeepingItsTextInTheEngine() {
    Map<String, Object> form = new HashMap<>();
    form.put("partyCode", party);
    form.put("partyName", "Partij " + party);
    form.put("partyEmail", party.toLowerCase() + "@partner.example");
    form.put("service", ProcessorTestSupport.SERVICE);
    form.put("dataSubjects", ProcessorTestSupport.SUBJECTS);
    form.put("purposes", "rent_collection");
    form.put("dataCategories", "CONTACT_DETAILS, RENT_ARREARS");
    form.put("processingCountry", "nl");
    form.put("expiresOn", EXPIRES.toString());
    form.put("jointlyDetermines", true);
    ProcessInstance started = clock.as("procurement", () -> engine.getRuntimeService()
        .startProcessInstanceByKey(ProcessorAgreementProcess.KEY, form));

    assertThat(started.getBusinessKey()).matches("PA-2026-\\d{6}");
    assertThat(started).isWaitingAt(Elements.COMPLETE_COVENANT_CHECKLIST).variables()
        .doesNotContainKeys("service", "dataSubjects", "partyEmail", "partyName")
        .containsEntry("partyRole", "JOINT_CONTROLLER");
    AgreementRecord draft = steps.get(started.getBusinessKey());
    assertThat(draft.purposes()).containsExactly("RENT_COLLECTION");
    assertThat(draft.processingCountry()).isEqualTo("NL");

    // a joint controller's covenant also needs the Art 26 arrangement
    Map<String, Object> withoutArrangement =
        new HashMap<>(ProcessorTestSupport.completeChecklist(PartyRole.COVENANT_PARTNER));
    support.complete("procurement", draft.reference(), Elements.COMPLETE_COVENANT_CHECKLIST, withoutArrangement);
    assertThat(instance(draft.reference())).isWaitingAt(Elements.COMPLETE_COVENANT_CHECKLIST)
        .variables().containsEntry("missingElements", "JOINT_ARRANGEMENT");
  }

  @Test
  void shouldReturnTheDraftToTheChecklistWhenTheOfficerDoesNotApprove() {
    AgreementRecord draft = startProcessor("NL");
    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    support.complete("officer", draft.reference(), Elements.APPROVE_AGREEMENT,
        Map.of("agreementApproved", false, "approvalComment", "Bijlage ontbreekt in de getekende versie."));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.COMPLETE_PROCESSOR_CHECKLIST);
    assertThat(steps.get(draft.reference()).status()).isEqualTo(AgreementStatus.DRAFT);
    assertThat(steps.eventTypes(draft.reference())).contains("APPROVAL_SENT_BACK");
  }

  @Test
  void shouldNotAcceptABreachNoticeLongerThanTheConfiguredMaximum() {
    AgreementRecord draft = startProcessor("NL");
    Map<String, Object> slow = new HashMap<>(ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    slow.put("breachNoticeHours", 48); // PRC-2: at most 24 h by default
    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST, slow);
    assertThat(instance(draft.reference())).isWaitingAt(Elements.COMPLETE_PROCESSOR_CHECKLIST)
        .variables().containsEntry("missingElements", "BREACH_NOTICE");
  }

  @Test
  void shouldRegisterAnActiveCovenantWithAPartnerBody() {
    AgreementRecord draft = support.start(support.command(party, "NL", true, EXPIRES));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.COMPLETE_COVENANT_CHECKLIST);
    assertThat(steps.get(draft.reference()).role()).isEqualTo(PartyRole.COVENANT_PARTNER);

    support.complete("procurement", draft.reference(), Elements.COMPLETE_COVENANT_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.COVENANT_PARTNER));
    support.complete("officer", draft.reference(), Elements.APPROVE_AGREEMENT, Map.of("agreementApproved", true));

    AgreementRecord covenant = steps.get(draft.reference());
    assertThat(covenant.kind()).isEqualTo(AgreementKind.COVENANT);
    assertThat(covenant.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(allowed()).isTrue();
  }

  /**
   * PRC-4: the routing variables come from the stored draft. A second start that brings the reference of a registered
   * third-country agreement and claims the EEA (engine REST, a forged start form) would skip the SCC, TIA, FG advice
   * and management approval; it is refused and starts nothing, as is a reference that does not exist.
   */
  @Test
  void shouldRefuseAStartThatBringsItsOwnReferenceAndTransferZone() {
    AgreementRecord draft = startProcessor("US");
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessorAgreementProcess.KEY).count();

    for (String forged : List.of(draft.reference(), "PA-2026-999999")) {
      assertThatThrownBy(() -> clock.as("procurement", () -> engine.getRuntimeService().startProcessInstanceByKey(
          ProcessorAgreementProcess.KEY, Map.of("agreementReference", forged, "transferZone", "EEA",
              "actsOnInstructions", true)))).isInstanceOf(ProcessEngineException.class);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessorAgreementProcess.KEY).count()).isEqualTo(instancesBefore);
  }

  @Test
  void shouldRefuseANonEeaProcessorWithoutStandardClauses() {
    AgreementRecord draft = startProcessor("US");
    assertThat(draft.transferZone()).isEqualTo(TransferZone.THIRD_COUNTRY);
    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.DOCUMENT_TRANSFER);

    support.complete("procurement", draft.reference(), Elements.DOCUMENT_TRANSFER,
        Map.of("sccAnnexesComplete", false));

    assertThat(instance(draft.reference())).isNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId(Elements.TRANSFER_REFUSED)
        .processInstanceId(historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(draft.reference()).singleResult().getId()).count()).isEqualTo(1);
    assertThat(steps.get(draft.reference()).status()).isEqualTo(AgreementStatus.REFUSED);
    assertThat(allowed()).isFalse();
  }

  @Test
  void shouldApproveANonEeaProcessorWithClausesAssessmentFgAdviceAndManagement() {
    AgreementRecord draft = startProcessor("US");
    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    support.complete("procurement", draft.reference(), Elements.DOCUMENT_TRANSFER,
        Map.of("sccModule", "2", "sccAnnexesComplete", true, "tiaReference", "TIA-2026-07"));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.FG_TRANSFER_ADVICE);
    support.complete("fg", draft.reference(), Elements.FG_TRANSFER_ADVICE,
        Map.of("fgAdvice", "POSITIVE", "fgAdviceText", "Aanvaardbaar met module 2 en de TIA."));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.MANAGEMENT_TRANSFER_APPROVAL);
    support.complete("manager", draft.reference(), Elements.MANAGEMENT_TRANSFER_APPROVAL,
        Map.of("managementApproved", true));
    support.complete("officer", draft.reference(), Elements.APPROVE_AGREEMENT, Map.of("agreementApproved", true));

    AgreementRecord approved = steps.get(draft.reference());
    assertThat(approved.status()).isEqualTo(AgreementStatus.APPROVED);
    assertThat(approved.sccModule()).isEqualTo(2);
    assertThat(approved.fgAdvice()).isEqualTo("POSITIVE");
    assertThat(steps.eventTypes(draft.reference())).contains("TRANSFER_SAFEGUARDS_DOCUMENTED", "FG_ADVICE_POSITIVE",
        "TRANSFER_APPROVED_BY_MANAGEMENT", "APPROVED");
    assertThat(allowed()).isTrue();
  }

  @Test
  void shouldTakeACountryWithAnAdequacyDecisionStraightToApproval() {
    AgreementRecord draft = startProcessor("CH");
    support.complete("procurement", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    assertThat(instance(draft.reference())).isWaitingAt(Elements.APPROVE_AGREEMENT);
  }

  @Test
  void shouldRefuseThePreparerApprovingTheirOwnAgreement() {
    AgreementRecord draft = startProcessor("NL");
    support.complete("deskofficer", draft.reference(), Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    Task approval = clock.task(draft.reference(), Elements.APPROVE_AGREEMENT);

    assertThat(clock.as("deskofficer", () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(draft.reference()).taskDefinitionKey(Elements.APPROVE_AGREEMENT).count()))
        .as("hidden from the preparer").isZero();
    assertThatThrownBy(() -> support.complete("deskofficer", draft.reference(), Elements.APPROVE_AGREEMENT,
        Map.of("agreementApproved", true))).isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of("agreementApproved", true)))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(steps.get(draft.reference()).status()).isEqualTo(AgreementStatus.DRAFT);

    support.complete("officer", draft.reference(), Elements.APPROVE_AGREEMENT, Map.of("agreementApproved", true));
    AgreementRecord approved = steps.get(draft.reference());
    assertThat(approved.preparedBy()).isEqualTo("deskofficer");
    assertThat(approved.approvedBy()).isEqualTo("officer");
  }

  @Test
  void shouldSendReviewAndExpiryMailsAtEightInTheMorningAmsterdamTime() {
    AgreementRecord draft = startProcessor("NL");
    support.approveProcessor(draft.reference());
    String reference = draft.reference();

    assertThat(clock.timer(reference, Elements.TIMER_REVIEW).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2028, 3, 5), 8, 0, 0)));
    assertThat(clock.timer(reference, Elements.TIMER_EXPIRY_REMINDER).getDuedate())
        .isEqualTo(Date.from(at(EXPIRES.minusDays(60), 8, 0, 0))); // 2 December 2028, 08:00 CET
    assertThat(clock.timer(reference, Elements.TIMER_EXPIRED).getDuedate())
        .isEqualTo(Date.from(at(EXPIRES.plusDays(1), 0, 0, 0)));

    clock.setNow(LocalDate.of(2028, 3, 5), 7, 59);
    assertThat(clock.executeDueTimers(reference)).isZero();
    clock.setNow(LocalDate.of(2028, 3, 5), 8, 0);
    assertThat(clock.executeDueTimers(reference)).isEqualTo(1);
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE")).containsOnly("processor-review-due");
    assertThat(support.outbox(reference)).extracting(m -> m.get("RECIPIENT"))
        .contains("officer@ymere.example", "procurement@ymere.example");
    assertThat(instance(reference)).isWaitingAt(Elements.PERIODIC_REVIEW);

    support.complete("officer", reference, Elements.PERIODIC_REVIEW, Map.of("reviewOutcome", "CONTINUE"));
    assertThat(steps.get(reference).nextReviewOn()).isEqualTo(LocalDate.of(2030, 3, 5));
    assertThat(clock.timer(reference, Elements.TIMER_REVIEW).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2030, 3, 5), 8, 0, 0)));

    clock.setNow(LocalDate.of(2028, 12, 2), 7, 59);
    assertThat(clock.executeDueTimers(reference)).isZero();
    clock.setNow(LocalDate.of(2028, 12, 2), 8, 0);
    assertThat(clock.executeDueTimers(reference)).isEqualTo(1);
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE")).contains("processor-expiry-reminder");
    assertThat(allowed()).as("still in force before the expiry date").isTrue();
  }

  @Test
  void shouldConfirmReturnOrDeletionWhenAReviewEndsTheAgreement() {
    AgreementRecord draft = startProcessor("NL");
    support.approveProcessor(draft.reference());
    String reference = draft.reference();
    clock.setNow(LocalDate.of(2028, 3, 5), 8, 0);
    clock.executeDueTimers(reference);

    support.complete("procurement", reference, Elements.PERIODIC_REVIEW,
        Map.of("reviewOutcome", "TERMINATE", "reviewNote", "Dienst wordt niet meer afgenomen."));
    assertThat(steps.get(reference).status()).isEqualTo(AgreementStatus.TERMINATED);
    assertThat(allowed()).as("the gate refuses a terminated agreement").isFalse();
    assertThat(instance(reference)).isWaitingAt(Elements.CONFIRM_RETURN_OR_DELETION);
    assertThat(clock.timers(reference)).as("lifecycle timers ended").isEmpty();

    assertThatThrownBy(() -> support.complete("procurement", reference, Elements.CONFIRM_RETURN_OR_DELETION,
        Map.of("endAction", "DELETE", "dataReturnedOrDeleted", false))).isInstanceOf(ProcessEngineException.class);
    support.complete("procurement", reference, Elements.CONFIRM_RETURN_OR_DELETION,
        Map.of("endAction", "DELETE", "dataReturnedOrDeleted", true));
    assertThat(instance(reference)).isNull();
    AgreementRecord ended = steps.get(reference);
    assertThat(ended.endAction()).isEqualTo("DELETE");
    assertThat(ended.terminatedOn()).isEqualTo(LocalDate.of(2028, 3, 5));
    assertThat(steps.eventTypes(reference)).contains("REVIEWED_TERMINATE", "TERMINATED_REVIEW",
        "DATA_DELETE_CONFIRMED");
  }

  @Test
  void shouldAskForReturnOrDeletionWhenTheAgreementExpires() {
    AgreementRecord draft = startProcessor("NL");
    support.approveProcessor(draft.reference());
    clock.setNow(LocalDate.of(2028, 12, 2), 8, 0);
    clock.executeDueTimers(draft.reference()); // expiry reminder
    clock.setNow(EXPIRES.plusDays(1), 0, 0);
    clock.executeDueTimers(draft.reference());
    assertThat(steps.get(draft.reference()).status()).isEqualTo(AgreementStatus.TERMINATED);
    assertThat(instance(draft.reference())).isWaitingAt(Elements.CONFIRM_RETURN_OR_DELETION);
  }
}
