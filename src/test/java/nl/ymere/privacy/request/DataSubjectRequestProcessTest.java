package nl.ymere.privacy.request;

import static nl.ymere.privacy.request.RequestTestSupport.at;
import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.request.DataSubjectRequestProcess.Elements;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code data-subject-request.bpmn} and {@code identity-verification.bpmn} on the real engine and
 * tables, as named users, with the engine clock moved and timer jobs executed (issue 4).
 */
@IntegrationTest
class DataSubjectRequestProcessTest {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 5);

  @Autowired ProcessEngine engine;
  @Autowired RequestTestSupport support;
  @Autowired ExtensionService extensions;
  @Autowired DeadlineCalculator calculator;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired javax.sql.DataSource dataSource;

  String name;
  String email;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.setNow(RECEIVED, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    name = "Jantien Verzoekster" + n;
    email = "jantien" + n + "@voorbeeld.nl";
  }

  @AfterEach
  void tearDown() {
    support.resetClock();
  }

  private RequestRecord registerAccess() {
    return support.register(command(RequestRight.ACCESS, RECEIVED, name, email));
  }

  private ProcessInstance instance(RequestRecord request) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.processInstanceId())
        .singleResult();
  }

  private void verifyDirectly(String reference) {
    support.complete("desk", reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "KNOWN_CONTACT", "identityBasis", "KNOWN_EMAIL", "identityResult", "VERIFIED"));
  }

  @Test
  void shouldAnswerGrantedRequestAfterKnownContactIdentity() {
    RequestRecord request = registerAccess();
    assertThat(request.reference()).matches("AVG-2026-\\d{6}");
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 4, 7)); // 5 Apr Easter Sunday, 6 Apr Easter Monday
    assertThat(instance(request)).isWaitingAt(Elements.VERIFY_IDENTITY, Elements.EXTEND_DEADLINE);
    assertThat(support.outbox(request.reference())).extracting(m -> m.get("TEMPLATE"))
        .containsExactly("request-acknowledgement");
    assertThat(support.task(request.reference(), IdentityVerificationProcess.Elements.CHOOSE_METHOD).getDueDate())
        .isEqualTo(Date.from(at(LocalDate.of(2026, 4, 7), 23, 59, 59)));

    verifyDirectly(request.reference());
    assertThat(support.requests.getByReference(request.reference()).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    support.complete("desk", request.reference(), Elements.DECIDE_AND_ANSWER, Map.of("outcome", "GRANTED"));

    assertThat(instance(request)).isNull();
    RequestRecord closed = support.requests.getByReference(request.reference());
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(closed.identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
    assertThat(support.outbox(request.reference())).extracting(m -> m.get("TEMPLATE"))
        .containsExactly("request-acknowledgement", "request-answer");
    assertThat(support.eventTypes(request.reference())).contains("REGISTERED", "IDENTITY_VERIFIED", "CLOSED");
    assertThat(PersonalDataScan.of(dataSource).text(name, email).dateOfBirth(LocalDate.of(1980, 5, 17)).hits())
        .isEmpty();
  }

  @Test
  void shouldRefuseApprovalOfRefusalBySameUserAndAcceptADifferentOfficer() {
    RequestRecord request = registerAccess();
    verifyDirectly(request.reference());
    support.complete("deskofficer", request.reference(), Elements.DECIDE_AND_ANSWER,
        Map.of("outcome", "REFUSED", "answerReasons", "Het verzoek betreft uitsluitend gegevens van een buurman."));
    Task approval = support.task(request.reference(), Elements.APPROVE_REFUSAL);
    assertThat(approval).isNotNull();

    // the drafter cannot see, claim or complete the approval (four eyes, DESIGN principle 6)
    assertThat(support.as("deskofficer", () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(request.reference()).taskDefinitionKey(Elements.APPROVE_REFUSAL).count()))
        .isZero();
    assertThatThrownBy(() -> support.complete("deskofficer", request.reference(), Elements.APPROVE_REFUSAL,
        Map.of("refusalApproved", true))).isInstanceOf(ProcessEngineException.class);
    // nor can an unauthenticated caller
    assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of("refusalApproved", true)))
        .isInstanceOf(ProcessEngineException.class);

    support.complete("officer", request.reference(), Elements.APPROVE_REFUSAL, Map.of("refusalApproved", true));
    RequestRecord closed = support.requests.getByReference(request.reference());
    assertThat(closed.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(support.outbox(request.reference())).extracting(m -> m.get("TEMPLATE"))
        .containsExactly("request-acknowledgement", "request-refusal");
    List<String> completers = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(request.reference()).finished().list().stream()
        .filter(t -> t.getTaskDefinitionKey().equals(Elements.DECIDE_AND_ANSWER)
            || t.getTaskDefinitionKey().equals(Elements.APPROVE_REFUSAL))
        .map(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee()).toList();
    assertThat(completers).containsExactlyInAnyOrder(Elements.DECIDE_AND_ANSWER + ":deskofficer",
        Elements.APPROVE_REFUSAL + ":officer");
    assertThat(PersonalDataScan.of(dataSource).text(name, email, "Het verzoek betreft uitsluitend").hits())
        .isEmpty();
  }

  @Test
  void shouldRefuseChildUnder16WithoutParentalAuthorityAtIntake() {
    RegisterRequestCommand child = new RegisterRequestCommand(RequestRight.ACCESS,
        nl.ymere.privacy.web.DateOrDateTime.of(RECEIVED), Channel.EMAIL,
        new RegisterRequestCommand.Person(name, email, null, LocalDate.of(2011, 3, 6)), null, Representation.SELF,
        null, "nl");
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    assertThatThrownBy(() -> support.register(child)).isInstanceOf(ApiUnprocessableException.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_email = ?",
        Integer.class, email)).isZero();
  }

  @Test
  void shouldAcceptExtensionOnTheDueDateAndMoveTimersAndTasks() {
    RequestRecord request = registerAccess();
    support.setNow(LocalDate.of(2026, 4, 7), 16, 0); // the due date itself
    ExtensionService.ExtensionResult result = extensions.extend(request.reference(), ExtensionReason.COMPLEXITY,
        "Gegevens uit vijf systemen en drie verwerkers moeten worden verzameld.", "desk", false);
    LocalDate extended = LocalDate.of(2026, 6, 5); // 5 Jun 2026 is a Friday
    assertThat(result.extendedDueDate()).isEqualTo(extended);
    assertThat(support.requests.getByReference(request.reference()).extendedDueDate()).isEqualTo(extended);
    assertThat(instance(request)).isNotWaitingAt(Elements.EXTEND_DEADLINE);
    assertThat(support.timer(request.reference(), Elements.TIMER_REMINDER).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2026, 5, 29), 8, 0, 0)));
    assertThat(support.timer(request.reference(), Elements.TIMER_ESCALATION_BEFORE).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2026, 6, 3), 8, 0, 0)));
    assertThat(support.timer(request.reference(), Elements.TIMER_ESCALATION_ON_DUE).getDuedate())
        .isEqualTo(Date.from(at(extended, 8, 0, 0)));
    assertThat(support.openTasks(request.reference())).isNotEmpty().allSatisfy(t ->
        assertThat(t.getDueDate()).isEqualTo(Date.from(at(extended, 23, 59, 59))));
    assertThat(support.outbox(request.reference())).extracting(m -> m.get("TEMPLATE"))
        .contains("request-extension-notice", "request-extension-informed");
    // only once (DL-6)
    assertThatThrownBy(() -> extensions.extend(request.reference(), ExtensionReason.COMPLEXITY,
        "Nog een verlenging zou niet mogen worden toegestaan.", "desk", false))
        .isInstanceOf(ApiConflictException.class);
  }

  @Test
  void shouldRefuseExtensionTheDayAfterTheDueDate() {
    RequestRecord request = registerAccess();
    support.setNow(LocalDate.of(2026, 4, 8), 0, 5);
    assertThatThrownBy(() -> extensions.extend(request.reference(), ExtensionReason.NUMBER_OF_REQUESTS,
        "Deze aanvrager diende twaalf verzoeken in deze maand in.", "desk", false))
        .isInstanceOf(ApiConflictException.class);
    assertThat(support.requests.getByReference(request.reference()).extendedDueDate()).isNull();
  }

  @Test
  void shouldSendReminderAndEscalationsAtEightAndFlagOverdue() {
    RequestRecord request = registerAccess();
    String ref = request.reference();
    // due 2026-04-07 (Tue): reminder 31 Mar 08:00, escalation 2 working days before = 1 Apr 08:00, on due 7 Apr
    assertThat(support.timer(ref, Elements.TIMER_REMINDER).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2026, 3, 31), 8, 0, 0)));
    assertThat(support.timer(ref, Elements.TIMER_ESCALATION_BEFORE).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2026, 4, 1), 8, 0, 0))); // Good Friday and Easter Monday skipped
    support.setNow(LocalDate.of(2026, 3, 31), 7, 59);
    assertThat(support.executeDueTimers(ref)).isZero();
    support.setNow(LocalDate.of(2026, 3, 31), 8, 0);
    support.executeDueTimers(ref);
    assertThat(support.outbox(ref)).filteredOn(m -> "deadline-reminder".equals(m.get("TEMPLATE")))
        .extracting(m -> m.get("RECIPIENT_ROLE")).containsOnly("HANDLING_GROUP").isNotEmpty();
    support.setNow(LocalDate.of(2026, 4, 1), 8, 0);
    support.executeDueTimers(ref);
    support.setNow(LocalDate.of(2026, 4, 7), 8, 0);
    support.executeDueTimers(ref);
    assertThat(support.outbox(ref)).filteredOn(m -> "deadline-escalation".equals(m.get("TEMPLATE")))
        .extracting(m -> m.get("RECIPIENT_ROLE")).containsOnly("PRIVACY_OFFICERS").hasSizeGreaterThanOrEqualTo(2);
    assertThat(support.requests.getByReference(ref).status()).isNotEqualTo(RequestStatus.CLOSED);
    support.setNow(LocalDate.of(2026, 4, 8), 0, 0);
    support.executeDueTimers(ref);
    assertThat(engine.getRuntimeService().getVariable(request.processInstanceId(), "overdue")).isEqualTo(true);
  }

  @Test
  void shouldSuspendClockWhileMaskedCopyIsAwaitedAndDeleteCopyAfterCheck() {
    RequestRecord request = registerAccess();
    String ref = request.reference();
    support.setNow(LocalDate.of(2026, 3, 9), 9, 0);
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod",
        "MASKED_COPY", "doubtReason", "Het e-mailadres is niet bekend en de naam komt twee keer voor."));
    assertThat(support.requests.getByReference(ref).status()).isEqualTo(RequestStatus.SUSPENDED);
    assertThat(instance(request)).isWaitingAt(Elements.WAIT_WHILE_PAUSED);
    assertThat(support.timer(ref, Elements.TIMER_ESCALATION_BEFORE)).isNull();

    String token = support.jdbc.queryForObject("SELECT template FROM privacy.outbox_message WHERE reference = ? "
        + "AND template = 'identity-copy-question'", String.class, ref);
    assertThat(token).isNotNull();
  }
}
