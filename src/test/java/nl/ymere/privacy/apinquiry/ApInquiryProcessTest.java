package nl.ymere.privacy.apinquiry;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.apinquiry.ApInquiryProcess.Elements;
import nl.ymere.privacy.complaint.Complaint;
import nl.ymere.privacy.complaint.ComplaintTestSupport;
import nl.ymere.privacy.erasure.ErasureProcess;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.ProcessAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code ap-inquiry.bpmn} (issue 19 item 2; CMP-4, RET-4, RET-5) on the real engine and tables, as
 * named users, with the engine clock moved and timer jobs executed: the AP's deadline taken as given, the escalation
 * five working days before it (Easter counts), the legal hold on the scope that blocks erasure of the linked request
 * until it is released after closure, the FG's advice and four eyes on the approval (same user refused, the FG
 * refused). The personal-data scan runs after every test (principle 2).
 */
@IntegrationTest
class ApInquiryProcessTest {

  /** A Monday. */
  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
  /** The AP's own date: Thursday 9 April 2026, three days after Easter Monday. */
  static final LocalDate AP_DEADLINE = LocalDate.of(2026, 4, 9);
  static final String ANSWER = "Wij hebben het verzoek binnen de termijn afgehandeld; zie de bijgevoegde brief.";

  @Autowired ProcessEngine engine;
  @Autowired RequestTestSupport requests;
  @Autowired ComplaintTestSupport complaints;
  @Autowired ApInquiryRegistration registration;
  @Autowired ApInquiryService inquiries;
  @Autowired LegalHolds legalHolds;
  @Autowired nl.ymere.privacy.breach.BreachIntake breachIntake;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  String name;
  String email;
  String topic;
  String note;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    requests.setNow(RECEIVED, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    name = "Anton Apvraag" + n;
    email = "anton.apvraag" + n + "@example.org";
    topic = "Klager " + n + " meldt bij de AP dat zijn inzageverzoek onbeantwoord bleef.";
    note = "De FG " + n + " vraagt de verzenddatum van de brief te noemen.";
  }

  @AfterEach
  void noInquiryDataInTheEngine() {
    requests.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name, email, topic, note, ANSWER).hits()).isEmpty();
  }

  private ApInquiry register(String... scope) {
    RegisterApInquiryCommand command = new RegisterApInquiryCommand(ApInquiryKind.FORWARDED_COMPLAINT,
        "z2026-" + System.nanoTime() % 1_000_000_000L, RECEIVED, AP_DEADLINE, topic, List.of(scope));
    return requests.as("officer", () -> registration.register(command, "officer"));
  }

  private ProcessInstance instance(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ApInquiryProcess.KEY).singleResult();
  }

  private void answerAndApprove(String reference, String approver) {
    requests.complete("officer", reference, Elements.DRAFT_ANSWER, Map.of("apAnswerText", ANSWER));
    requests.complete("fg", reference, Elements.FG_ADVICE, Map.of("fgAdvice", "AGREE"));
    requests.complete(approver, reference, Elements.APPROVE_ANSWER, Map.of("apInquiryAnswerApproved", true));
  }

  /** The case tab beside the task, as the user sees it in the workbench. */
  private org.jsoup.nodes.Document casePanel(String user, String reference, String taskKey) {
    String taskId = requests.task(reference, taskKey).getId();
    var answer = rest.withBasicAuth(user, user).getForEntity("/werkbank/taken/" + taskId, String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return org.jsoup.Jsoup.parse(answer.getBody());
  }

  private List<String> events(String reference) {
    return jdbc.queryForList("SELECT e.event_type FROM privacy.ap_inquiry_event e JOIN privacy.ap_inquiry i "
        + "ON i.id = e.inquiry_id WHERE i.reference = ? ORDER BY e.id", String.class, reference);
  }

  @Test
  void officersAndTheFgAreWarnedFiveWorkingDaysBeforeTheApsOwnDeadline() {
    ApInquiry inquiry = register();
    String reference = inquiry.reference();
    assertThat(reference).matches("AP-2026-\\d{6}");
    assertThat(inquiry.apDeadline()).isEqualTo(AP_DEADLINE);
    ProcessInstance instance = instance(reference);
    assertThat(instance).isWaitingAt(Elements.DRAFT_ANSWER);
    // the AP's date is each task's due date in Tasklist (end of that day, Amsterdam time)
    assertThat(requests.task(reference, Elements.DRAFT_ANSWER).getDueDate())
        .isEqualTo(Date.from(RequestTestSupport.at(AP_DEADLINE, 23, 59, 59)));

    // 5 working days before Thursday 9 April: 8, 7, (Easter Monday 6, weekend, Good Friday 3), 2, 1 April, 31 March
    Job timer = requests.timer(reference, Elements.TIMER_ESCALATION);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(RequestTestSupport.at(LocalDate.of(2026, 3, 31), 8, 0, 0)));
    requests.setNow(LocalDate.of(2026, 3, 31), 7, 59);
    requests.executeDueTimers(reference);
    assertThat(requests.outbox(reference)).extracting(m -> m.get("TEMPLATE"))
        .doesNotContain(ApInquiryService.ESCALATION_TEMPLATE);
    requests.setNow(LocalDate.of(2026, 3, 31), 8, 0);
    requests.executeDueTimers(reference);
    assertThat(requests.outbox(reference)).filteredOn(m -> ApInquiryService.ESCALATION_TEMPLATE.equals(
        m.get("TEMPLATE"))).extracting(m -> m.get("RECIPIENT_ROLE")).contains("PRIVACY_OFFICERS", "FG");
    // the warning names reference, AP case and date, never the AP's letter
    assertThat(requests.outbox(reference)).allSatisfy(m -> assertThat((String) m.get("BODY_HTML"))
        .contains(reference).contains("9 april 2026").doesNotContain(topic));
    assertThat(events(reference)).contains("ESCALATED");
    // the answering goes on after the warning; it fires once
    assertThat(instance).isWaitingAt(Elements.DRAFT_ANSWER);
    assertThat(requests.timer(reference, Elements.TIMER_ESCALATION)).isNull();
  }

  @Test
  void theHoldOnTheScopeBlocksErasureOfTheLinkedRequestUntilItIsReleasedAfterClosure() {
    Tenant tenant = ErasureTestData.seed(jdbc, name, email, "HV-7" + System.nanoTime() % 1_000_000,
        "NL91ABNA04" + String.format("%08d", System.nanoTime() % 100_000_000L));
    RequestRecord request = requests.register(command(RequestRight.ERASURE, RECEIVED, name, email));
    Complaint complaint = complaints.register("desk", ComplaintTestSupport.complaint(RECEIVED, name, email, topic));
    ApInquiry inquiry = register(request.reference(), complaint.reference());
    String reference = inquiry.reference();

    List<ApInquiryService.ScopeEntry> scope = inquiries.scope(inquiry);
    assertThat(scope).extracting(ApInquiryService.ScopeEntry::kind).containsExactly("REQUEST", "COMPLAINT");
    assertThat(scope).allSatisfy(s -> assertThat(s.legalHoldId()).isNotNull());
    assertThat(jdbc.queryForList("SELECT kind FROM privacy.legal_hold WHERE id IN (?, ?)", String.class,
        scope.get(0).legalHoldId(), scope.get(1).legalHoldId())).containsOnly("AP_INQUIRY");
    SubjectKey subject = new SubjectKey(name, null, email, null);
    ItemRef preference = new ItemRef("marketing", tenant.preference());
    assertThat(legalHolds.holding(subject, preference, RECEIVED)).isPresent();

    // RET-4: the linked erasure request keeps the held item (the erasure list proposes KEEP / LEGAL_HOLD)
    requests.identityVerified(request.reference());
    Map<String, Object> variables = new HashMap<>();
    Date due = Date.from(RequestTestSupport.at(RECEIVED.plusMonths(1), 23, 59, 59));
    variables.put("reference", request.reference());
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    requests.as("demo", () -> ProductCalls.call(() -> engine.getRuntimeService().startProcessInstanceByKey(
        ErasureProcess.KEY, request.reference(), variables)));
    assertThat(jdbc.queryForObject("SELECT decision || '/' || COALESCE(keep_exception, '-') FROM "
        + "privacy.erasure_item WHERE reference = ? AND item_id = ?", String.class, request.reference(),
        tenant.preference())).isEqualTo("KEEP/LEGAL_HOLD");

    // the hold stays while the inquiry runs: released only after the AP closed it, through the hold service
    answerAndApprove(reference, "deskofficer");
    assertThat(instance(reference)).isWaitingAt(Elements.RECORD_CLOSURE);
    assertThatThrownBy(() -> requests.as("officer", () -> inquiries.releaseHolds(reference, true, "officer")))
        .isInstanceOf(RefusedStepException.class).hasMessageContaining("niet afgesloten");
    assertThat(legalHolds.holding(subject, preference, RECEIVED)).isPresent();
    requests.setNow(LocalDate.of(2026, 6, 1), 9, 0);
    requests.complete("officer", reference, Elements.RECORD_CLOSURE, Map.of("apClosedOn", "2026-05-28",
        "apClosure", "CLOSED_NO_ACTION"));
    assertThat(instance(reference)).isWaitingAt(Elements.RELEASE_LEGAL_HOLD);
    requests.complete("officer", reference, Elements.RELEASE_LEGAL_HOLD, Map.of("legalHoldReleaseConfirmed", true));

    assertThat(instance(reference)).isNull();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getEndActivityId()).isEqualTo(Elements.CLOSED);
    assertThat(legalHolds.holding(subject, preference, LocalDate.of(2026, 6, 1))).isEmpty();
    ApInquiry closed = inquiries.find(reference).orElseThrow();
    assertThat(closed.status()).isEqualTo(ApInquiryStatus.HOLDS_RELEASED);
    assertThat(closed.apClosedOn()).isEqualTo(LocalDate.of(2026, 5, 28));
    // RET-5: the inquiry file is kept two years after closure was recorded
    assertThat(closed.keepUntil()).isEqualTo(LocalDate.of(2028, 6, 1));
    assertThat(events(reference)).containsSubsequence("REGISTERED", "LEGAL_HOLD_PLACED", "ANSWER_DRAFTED",
        "FG_ADVICE_AGREE", "ANSWER_APPROVED", "ANSWERED", "AP_CLOSED_CLOSED_NO_ACTION", "LEGAL_HOLD_RELEASED");
  }

  @Test
  void theDrafterCannotApproveTheFgAdvisesButNeverApprovesAndASentBackAnswerIsRedrafted() {
    String reference = register().reference();
    // nothing is recorded as the answer before it is drafted, advised and approved (principle 9)
    assertThatThrownBy(() -> inquiries.recordAnswer(reference)).isInstanceOf(RefusedStepException.class);
    requests.complete("officer", reference, Elements.DRAFT_ANSWER, Map.of("apAnswerText", ANSWER));
    // only the FG advises
    assertThatThrownBy(() -> requests.as("officer", () -> {
      inquiries.recordFgAdvice(reference, "AGREE", null, "officer");
      return null;
    })).isInstanceOf(RefusedStepException.class).hasMessageContaining("fg");
    // a dissenting advice needs its reasons; they stay in the product's tables
    assertThatThrownBy(() -> requests.complete("fg", reference, Elements.FG_ADVICE, Map.of("fgAdvice", "DISAGREE")))
        .hasMessageContaining("Licht het advies toe");
    // DESIGN principle 10: the FG reads the draft beside the advice task
    assertThat(casePanel("fg", reference, Elements.FG_ADVICE).getElementById("ap-inquiry-answer").text())
        .isEqualTo(ANSWER);
    requests.complete("fg", reference, Elements.FG_ADVICE, Map.of("fgAdvice", "AGREE_WITH_REMARKS",
        "fgAdviceNote", note));
    assertThat(instance(reference)).isWaitingAt(Elements.APPROVE_ANSWER);
    // the approver sees the AP's question, the draft, who drafted it and the FG's advice; an outsider sees nothing
    org.jsoup.nodes.Document panel = casePanel("manager", reference, Elements.APPROVE_ANSWER);
    assertThat(panel.getElementById("ap-inquiry-case").text()).contains(reference, topic, ANSWER, "Olga Officier",
        "eens met opmerkingen (Frank Gegevensbescherming)", note, "09-04-2026");
    // the advice in the FG's words, never the code (issue 16 item 3 fix)
    assertThat(panel.getElementById("ap-inquiry-fg-advice").text())
        .isEqualTo("eens met opmerkingen (Frank Gegevensbescherming)");
    assertThat(panel.getElementById("ap-inquiry-steps").text()).contains("FG-advies: eens met opmerkingen")
        .doesNotContain("AGREE");
    String approveTask = requests.task(reference, Elements.APPROVE_ANSWER).getId();
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/werkbank/taken/" + approveTask,
        String.class).getStatusCode().value()).isEqualTo(404);

    // four eyes: the drafter is refused by the shared listener and by the service itself
    assertThatThrownBy(() -> requests.complete("officer", reference, Elements.APPROVE_ANSWER,
        Map.of("apInquiryAnswerApproved", true))).isNotNull();
    assertThatThrownBy(() -> requests.as("officer", () -> {
      inquiries.decideApproval(reference, true, null, "officer");
      return null;
    })).isInstanceOf(RefusedStepException.class).hasMessageContaining("Vier ogen");
    // the FG never approves (Art 38(6)), not even through the service
    assertThatThrownBy(() -> requests.as("fg", () -> {
      inquiries.decideApproval(reference, true, null, "fg");
      return null;
    })).isInstanceOf(RefusedStepException.class).hasMessageContaining("art 38");
    assertThat(inquiries.find(reference).orElseThrow().status()).isEqualTo(ApInquiryStatus.ADVISED);

    // management sends it back; the redraft is advised again and approved by another privacy officer
    requests.complete("manager", reference, Elements.APPROVE_ANSWER, Map.of("apInquiryAnswerApproved", false,
        "apApprovalNote", note));
    assertThat(instance(reference)).isWaitingAt(Elements.DRAFT_ANSWER);
    answerAndApprove(reference, "deskofficer");

    assertThat(instance(reference)).isWaitingAt(Elements.RECORD_CLOSURE);
    ApInquiry answered = inquiries.find(reference).orElseThrow();
    assertThat(answered.status()).isEqualTo(ApInquiryStatus.ANSWERED);
    assertThat(answered.draftedBy()).isEqualTo("officer");
    assertThat(answered.fgAdvisedBy()).isEqualTo("fg");
    assertThat(answered.approvedBy()).isEqualTo("deskofficer");
    assertThat(events(reference)).containsSubsequence("ANSWER_DRAFTED", "FG_ADVICE_AGREE_WITH_REMARKS",
        "ANSWER_SENT_BACK", "ANSWER_DRAFTED", "FG_ADVICE_AGREE", "ANSWER_APPROVED", "ANSWERED");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
        .finished().list()).extracting(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee())
        .contains(Elements.DRAFT_ANSWER + ":officer", Elements.FG_ADVICE + ":fg",
            Elements.APPROVE_ANSWER + ":manager", Elements.APPROVE_ANSWER + ":deskofficer");
  }

  /** The Tasklist start form for a letter of the AP: the AP's date counts as given; only the reference stays. */
  @Test
  void anInquiryRegisteredThroughTheTasklistStartFormKeepsOnlyItsReference() {
    RequestRecord request = requests.register(command(RequestRight.ACCESS, RECEIVED, name, email));
    String breach = requests.as("officer", () -> breachIntake.register(new nl.ymere.privacy.breach.BreachReport(
        "Een brief met huurgegevens ging naar het verkeerde adres.", RequestTestSupport.at(RECEIVED, 9, 0, 0)
        .atZone(RequestTestSupport.AMSTERDAM).toOffsetDateTime(), null, List.of("TENANCY"), 1, 1, true), "officer"));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ApInquiryProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of("inquiryKind", "INQUIRY", "apCaseNumber",
        "z2026-" + System.nanoTime() % 1_000_000_000L, "receivedOn", RECEIVED.toString(), "apDeadline",
        AP_DEADLINE.toString(), "description", topic + "\nTweede alinea van de brief.", "scopeItems",
        request.reference() + "\n" + breach));
    String pid = requests.as("officer", () -> engine.getFormService().submitStartForm(definitionId, form)).getId();
    String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey();
    assertThat(reference).matches("AP-2026-\\d{6}");
    ApInquiry inquiry = inquiries.find(reference).orElseThrow();
    assertThat(inquiry.kind()).isEqualTo(ApInquiryKind.INQUIRY);
    assertThat(inquiry.apDeadline()).isEqualTo(AP_DEADLINE);
    assertThat(inquiry.registeredBy()).isEqualTo("officer");
    List<ApInquiryService.ScopeEntry> scope = inquiries.scope(inquiry);
    assertThat(scope).extracting(ApInquiryService.ScopeEntry::kind, ApInquiryService.ScopeEntry::reference)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REQUEST", request.reference()),
            org.assertj.core.groups.Tuple.tuple("BREACH", breach));
    // the breach file itself is held (issue 18: legal hold while an AP inquiry is open)
    assertThat(jdbc.queryForMap("SELECT kind, system, item_id, released_at FROM privacy.legal_hold WHERE id = ?",
        scope.get(1).legalHoldId())).containsEntry("KIND", "AP_INQUIRY").containsEntry("SYSTEM", "breach")
        .containsEntry("ITEM_ID", breach).containsEntry("RELEASED_AT", null);
    assertThat(inquiry.topic()).contains("Tweede alinea");
    assertThat(engine.getRuntimeService().getVariables(pid).keySet()).containsExactly("inquiryReference");

    // a start form without the AP's deadline is refused and leaves nothing (principle 7)
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.ap_inquiry", Long.class);
    long holds = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.legal_hold", Long.class);
    Map<String, Object> noDeadline = new HashMap<>(form);
    noDeadline.remove("apDeadline");
    noDeadline.put("apCaseNumber", "z2026-" + System.nanoTime() % 1_000_000_000L);
    assertThatThrownBy(() -> requests.as("officer", () -> engine.getFormService().submitStartForm(definitionId,
        noDeadline))).hasMessageContaining("apDeadline");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.ap_inquiry", Long.class)).isEqualTo(rows);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.legal_hold", Long.class)).isEqualTo(holds);
    // the desk may not start it (GroupAuthorizations: privacy officers only)
    assertThatThrownBy(() -> requests.as("desk", () -> engine.getFormService().submitStartForm(definitionId, form)))
        .isNotNull();
  }
}
