package nl.ymere.privacy.request;

import static nl.ymere.privacy.request.RequestTestSupport.at;
import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.identity.IdentityCheckService;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.DataSubjectRequestProcess.Elements;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
  @Autowired nl.ymere.privacy.mail.RecipientCopiesForTests recipientCopies;
  @Autowired ExtensionService extensions;
  @Autowired DeadlineCalculator calculator;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityCheckService identityChecks;
  @Autowired RequestQueryService queries;
  @Autowired nl.ymere.privacy.mail.OutboxDispatcher dispatcher;
  @Autowired com.icegreen.greenmail.util.GreenMail smtp;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired AnswerDrafts drafts;
  @Autowired RequestSteps steps;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
  @LocalServerPort int port;

  String name;
  String email;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(RECEIVED, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    name = "Jantien Verzoekster" + n;
    email = "jantien" + n + "@voorbeeld.nl";
  }

  /** DESIGN principle 2: after every path no requester name, e-mail address or date of birth is in the engine. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name, email).dateOfBirth(LocalDate.of(1980, 5, 17)).hits())
        .isEmpty();
  }

  private RequestRecord registerRequest() {
    // a right without a dsr-<right> sub-process takes the generic decision path
    return support.registerOnGenericPath(command(support.genericPathRight(), RECEIVED, name, email));
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
    RequestRecord request = registerRequest();
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
    RequestRecord request = registerRequest();
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

  /**
   * DESIGN principle 9: the approval and the refusal letter rest on the draft in {@code privacy.dsr_answer_draft},
   * not on the task's listeners or the {@code outcome}, {@code answerDrafter} and {@code refusalApproved} variables.
   */
  @Test
  void shouldCheckTheDraftedRefusalAndItsApprovalInTheTableNotInTheProcess() {
    RequestRecord request = registerRequest();
    String reference = request.reference();
    verifyDirectly(reference);
    assertRefused(() -> drafts.review(reference, true, null, "officer"), "geen opgestelde weigering");
    assertRefused(() -> steps.sendAnswer(reference), "geen antwoord opgesteld");

    support.complete("deskofficer", reference, Elements.DECIDE_AND_ANSWER,
        Map.of("outcome", "REFUSED", "answerReasons", "Het verzoek betreft uitsluitend gegevens van een buurman."));
    assertRefused(() -> drafts.review(reference, true, null, "deskofficer"), "deskofficer stelde de weigering");
    assertRefused(() -> steps.sendAnswer(reference), "niet door een tweede medewerker goedgekeurd");

    support.complete("officer", reference, Elements.APPROVE_REFUSAL, Map.of("refusalApproved", false));
    assertRefused(() -> drafts.review(reference, true, null, "officer"), "geen opgestelde weigering");
    assertRefused(() -> steps.sendAnswer(reference), "niet door een tweede medewerker goedgekeurd");
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE")).containsExactly(
        "request-acknowledgement");
    assertThat(jdbc.queryForList("SELECT outcome || ':' || drafted_by || ':' || review || ':' || reviewed_by FROM "
        + "privacy.dsr_answer_draft WHERE request_id = ? ORDER BY id", String.class, request.id()))
        .containsExactly("REFUSED:deskofficer:SENT_BACK:officer");
  }

  private static void assertRefused(Runnable step, String message) {
    assertThatThrownBy(step::run).isInstanceOfSatisfying(RefusedStepException.class, refused -> {
      assertThat(refused.kind()).isEqualTo(RefusedStepException.Kind.NOT_ALLOWED);
      assertThat(refused.getMessage()).contains(message);
    });
  }

  /** Issue 14 point 6, issue 15 item 11: bad input on the answer form in Tasklist gets the Dutch reason. */
  @Test
  void shouldAnswerBadInputOnTheAnswerFormInTasklistWith400AndTheDutchReason() throws Exception {
    RequestRecord request = registerRequest();
    verifyDirectly(request.reference());
    String task = support.task(request.reference(), Elements.DECIDE_AND_ANSWER).getId();
    EngineDoors tasklist = EngineDoors.as(EngineDoors.Door.WEBAPP, port, "desk");

    EngineDoors.Response answer = tasklist.post("/task/" + task + "/submit-form", """
        {"variables":{"representationDiscovered":{"value":"NONE"},"outcome":{"value":"REFUSED"},
          "answerReasons":{"value":"Te kort."}}}""");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText())
        .contains("Een (gedeeltelijke) weigering vraagt om een zaakspecifieke motivering (LET-3) van minstens 20 "
            + "tekens.");
    assertThat(answer.body()).doesNotContain("ENGINE-");
    assertThat(instance(request)).isWaitingAt(Elements.DECIDE_AND_ANSWER);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_answer_draft WHERE request_id = ?",
        Integer.class, request.id())).isZero();
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
    RequestRecord request = registerRequest();
    support.setNow(LocalDate.of(2026, 4, 7), 16, 0); // the due date itself
    ExtensionService.ExtensionResult result = extensions.extend(request.reference(), ExtensionReason.COMPLEXITY,
        "Gegevens uit vijf systemen en drie verwerkers moeten worden verzameld.", "desk", false);
    LocalDate extended = LocalDate.of(2026, 6, 5); // 5 Jun 2026 is a Friday
    assertThat(result.extendedDueDate()).isEqualTo(extended);
    assertThat(support.requests.getByReference(request.reference()).extendedDueDate()).isEqualTo(extended);
    assertThat(instance(request)).isNotWaitingAt(Elements.EXTEND_DEADLINE);
    assertThat(support.openTasks(request.reference())).isNotEmpty().allSatisfy(t ->
        assertThat(t.getDueDate()).isEqualTo(Date.from(at(extended, 23, 59, 59))));
    assertThat(support.outbox(request.reference())).extracting(m -> m.get("TEMPLATE"))
        .contains("request-extension-notice", "request-extension-informed");
    // only once (DL-6)
    assertThatThrownBy(() -> extensions.extend(request.reference(), ExtensionReason.COMPLEXITY,
        "Nog een verlenging zou niet mogen worden toegestaan.", "desk", false))
        .isInstanceOf(ApiConflictException.class);
    // the restarted watch: every timer, in turn, is due at the instant recomputed from the extended date
    assertWatchTimersInTurn(request.reference(), Map.of(
        Elements.TIMER_REMINDER, at(LocalDate.of(2026, 5, 29), 8, 0, 0),
        Elements.TIMER_ESCALATION_BEFORE, at(LocalDate.of(2026, 6, 3), 8, 0, 0),
        Elements.TIMER_ESCALATION_ON_DUE, at(extended, 8, 0, 0),
        Elements.TIMER_OVERDUE, at(extended.plusDays(1), 0, 0, 0)));
  }

  /**
   * The deadline watch waits at one timer at a time (reminder, escalation before, escalation on the due date,
   * overdue): each in turn must be the only timer of the watch and due at its expected instant; it is then fired at
   * exactly that instant, which creates the next.
   */
  private void assertWatchTimersInTurn(String reference, Map<String, java.time.Instant> dueAt) {
    for (String timer : List.of(Elements.TIMER_REMINDER, Elements.TIMER_ESCALATION_BEFORE,
        Elements.TIMER_ESCALATION_ON_DUE, Elements.TIMER_OVERDUE)) {
      Job job = support.timer(reference, timer);
      assertThat(job).as(timer).isNotNull();
      assertThat(job.getDuedate()).as(timer).isEqualTo(Date.from(dueAt.get(timer)));
      assertThat(List.of(Elements.TIMER_REMINDER, Elements.TIMER_ESCALATION_BEFORE,
          Elements.TIMER_ESCALATION_ON_DUE, Elements.TIMER_OVERDUE)).filteredOn(t -> !t.equals(timer))
          .allSatisfy(other -> assertThat(support.timer(reference, other)).as(other).isNull());
      support.setNow(dueAt.get(timer));
      support.execute(job);
    }
  }

  @Test
  void shouldRefuseExtensionTheDayAfterTheDueDate() {
    RequestRecord request = registerRequest();
    support.setNow(LocalDate.of(2026, 4, 8), 0, 5);
    assertThatThrownBy(() -> extensions.extend(request.reference(), ExtensionReason.NUMBER_OF_REQUESTS,
        "Deze aanvrager diende twaalf verzoeken in deze maand in.", "desk", false))
        .isInstanceOf(ApiConflictException.class);
    assertThat(support.requests.getByReference(request.reference()).extendedDueDate()).isNull();
  }

  @Test
  void shouldSendReminderAndEscalationsAtEightAndFlagOverdue() {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    // due 2026-04-07 (Tue): reminder 31 Mar 08:00, escalation 2 working days before = 1 Apr 08:00, on due 7 Apr
    assertThat(support.timer(ref, Elements.TIMER_REMINDER).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2026, 3, 31), 8, 0, 0)));
    support.setNow(LocalDate.of(2026, 3, 31), 7, 59);
    assertThat(support.executeDueTimers(ref)).isZero();
    support.setNow(LocalDate.of(2026, 3, 31), 8, 0);
    support.executeDueTimers(ref);
    assertThat(support.outbox(ref)).filteredOn(m -> "deadline-reminder".equals(m.get("TEMPLATE")))
        .extracting(m -> m.get("RECIPIENT_ROLE")).containsOnly("HANDLING_GROUP").isNotEmpty();
    // the next timer of the watch
    assertThat(support.timer(ref, Elements.TIMER_ESCALATION_BEFORE).getDuedate())
        .isEqualTo(Date.from(at(LocalDate.of(2026, 4, 1), 8, 0, 0))); // Good Friday and Easter Monday skipped
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
    RequestRecord request = registerRequest();
    String ref = request.reference();
    support.setNow(LocalDate.of(2026, 3, 9), 9, 0);
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod",
        "MASKED_COPY", "doubtReason", "Het e-mailadres is niet bekend en de naam komt twee keer voor."));
    assertThat(support.requests.getByReference(ref).status()).isEqualTo(RequestStatus.SUSPENDED);
    assertThat(instance(request)).isWaitingAt(Elements.WAIT_WHILE_PAUSED);
    assertThat(support.timer(ref, Elements.TIMER_ESCALATION_BEFORE)).isNull();

    String letter = recipientCopies.latest(ref, "identity-copy-question");
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/upload/([A-Za-z0-9_-]{20,})").matcher(letter);
    assertThat(link.find()).as("upload link in the question letter").isTrue();
    String token = link.group(1);

    // the copy arrives two days later: the pause 9..11 March counts 3 days (DL-8), the clock runs again
    support.setNow(LocalDate.of(2026, 3, 11), 14, 0);
    byte[] png = nl.ymere.privacy.support.UploadSamples.png();
    assertThat(identityChecks.receiveUpload(token, new byte[] {'G', 'I', 'F', '8'}))
        .isEqualTo(IdentityCheckService.UploadResult.UNSUPPORTED_TYPE);
    assertThat(identityChecks.receiveUpload(token, png)).isEqualTo(IdentityCheckService.UploadResult.STORED);
    assertThat(identityChecks.receiveUpload(token, png))
        .isEqualTo(IdentityCheckService.UploadResult.UNKNOWN_OR_USED_LINK);
    byte[] stored = jdbc.queryForObject("SELECT c.ciphertext FROM privacy.id_copy c JOIN privacy.dsr_request r "
        + "ON r.id = c.request_id WHERE r.reference = ?", byte[].class, ref);
    assertThat(stored).isNotEmpty();
    assertThat(java.util.Arrays.copyOf(stored, 4)).isNotEqualTo(java.util.Arrays.copyOf(png, 4));

    RequestRecord resumed = support.requests.getByReference(ref);
    assertThat(resumed.status()).isEqualTo(RequestStatus.AWAITING_IDENTITY);
    LocalDate due = LocalDate.of(2026, 4, 8); // 5 Apr + 3 pause days (DL-8), a Wednesday
    assertThat(calculator.dueDate(RECEIVED, 3)).isEqualTo(due);
    assertThat(resumed.dueDate()).isEqualTo(due);
    // the watch restarted from the new date: its first timer, the reminder, 7 days before at 08:00
    assertThat(support.timer(ref, Elements.TIMER_REMINDER).getDuedate())
        .isEqualTo(Date.from(at(due.minusDays(7), 8, 0, 0)));
    assertThat(support.openTasks(ref)).allSatisfy(t -> assertThat(t.getDueDate())
        .isEqualTo(Date.from(at(due, 23, 59, 59))));
    assertThat(identityChecks.viewCopy(ref, "desk")).as("visible only after claiming").isEmpty();

    Task check = support.task(ref, IdentityVerificationProcess.Elements.CHECK_MASKED_COPY);
    support.as("desk", () -> {
      engine.getTaskService().claim(check.getId(), "desk");
      return null;
    });
    assertThat(identityChecks.viewCopy(ref, "desk")).get().extracting(IdentityCheckService.CopyContent::bytes)
        .isEqualTo(png);
    assertThat(identityChecks.viewCopy(ref, "officer")).isEmpty();
    support.as("desk", () -> {
      engine.getTaskService().complete(check.getId(), Map.of("identityResult", "VERIFIED", "documentType",
          "ID_CARD"));
      return null;
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.id_copy c JOIN privacy.dsr_request r ON r.id = "
        + "c.request_id WHERE r.reference = ? AND (c.ciphertext IS NOT NULL OR c.deleted_at IS NULL)", Integer.class,
        ref)).as("copy deleted once identity is decided (ID-4)").isZero();
    assertThat(support.requests.getByReference(ref).identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
    assertThat(support.eventTypes(ref)).contains("PAUSE_STARTED", "PAUSE_ENDED", "ID_COPY_RECEIVED",
        "ID_COPY_CHECKED_VERIFIED", "ID_COPY_DELETED");
    assertThat(PersonalDataScan.of(dataSource).text(name, email, "twee keer voor").hits()).isEmpty();
  }

  @Test
  void shouldCloseAsNotProcessableWhenNoCopyArrives() {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod",
        "MASKED_COPY", "doubtReason", "Twee huurders met dezelfde naam op dit adres."));
    support.setNow(LocalDate.of(2026, 3, 19), 8, 0); // 14 days after the question
    support.executeDueTimers(ref);
    assertThat(support.outbox(ref)).extracting(m -> m.get("TEMPLATE")).contains("identity-copy-reminder");
    support.setNow(LocalDate.of(2026, 4, 6), 8, 0); // the day after the DL-9 month
    support.executeDueTimers(ref);
    RequestRecord closed = support.requests.getByReference(ref);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.NOT_PROCESSABLE);
    assertThat(support.outbox(ref)).extracting(m -> m.get("TEMPLATE")).contains("request-not-processable");
  }

  /** The question letter says the link works up to and including the reply-by date: it does, to the day's end. */
  @Test
  void shouldAcceptTheCopyOnTheLastDayTheLetterPromises() {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod",
        "MASKED_COPY", "doubtReason", "Twee huurders met dezelfde naam op dit adres."));
    String letter = recipientCopies.latest(ref, "identity-copy-question");
    assertThat(letter).contains("5 april 2026"); // asked 5 March at 10:00; reply by 5 April (DL-9, one month)
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/upload/([A-Za-z0-9_-]{20,})").matcher(letter);
    assertThat(link.find()).isTrue();

    support.setNow(LocalDate.of(2026, 4, 5), 20, 0);
    byte[] pdf = nl.ymere.privacy.support.UploadSamples.pdf();
    assertThat(identityChecks.receiveUpload(link.group(1), pdf)).isEqualTo(IdentityCheckService.UploadResult.STORED);
  }

  /** The reminder's upload link works (only the token hash is stored, so the reminder carries a fresh token). */
  @Test
  void shouldAcceptTheCopyThroughTheLinkInTheReminder() {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod",
        "MASKED_COPY", "doubtReason", "Twee huurders met dezelfde naam op dit adres."));
    support.setNow(LocalDate.of(2026, 3, 19), 8, 0);
    support.executeDueTimers(ref);
    String reminder = recipientCopies.latest(ref, "identity-copy-reminder");
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/upload/([A-Za-z0-9_-]{20,})").matcher(reminder);
    assertThat(link.find()).as("upload link in the reminder").isTrue();

    support.setNow(LocalDate.of(2026, 3, 20), 10, 0);
    byte[] pdf = nl.ymere.privacy.support.UploadSamples.pdf();
    assertThat(identityChecks.receiveUpload(link.group(1), pdf)).isEqualTo(IdentityCheckService.UploadResult.STORED);
    assertThat(support.task(ref, IdentityVerificationProcess.Elements.CHECK_MASKED_COPY)).isNotNull();
  }

  @Test
  void shouldVerifyIdentityWithChallengeCodeSentToKnownContact() {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "CHALLENGE"));
    String letter = jdbc.queryForObject("SELECT body_html FROM privacy.outbox_message WHERE reference = ? "
        + "AND template = 'identity-challenge-code'", String.class, ref);
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("<strong>(\\d{6})</strong>").matcher(letter);
    assertThat(code.find()).isTrue();
    assertThat(jdbc.queryForObject("SELECT challenge_hash FROM privacy.identity_check c JOIN privacy.dsr_request r "
        + "ON r.id = c.request_id WHERE r.reference = ?", String.class, ref)).doesNotContain(code.group(1));
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHECK_CHALLENGE_CODE,
        Map.of("challengeCode", code.group(1)));
    assertThat(support.requests.getByReference(ref).identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
    assertThat(instance(request)).isWaitingAt(Elements.DECIDE_AND_ANSWER);
  }

  @Test
  void shouldCloseAsNotProcessableWhenRepresentativeAuthorityIsNotProven() {
    RegisterRequestCommand agent = new RegisterRequestCommand(support.genericPathRight(),
        nl.ymere.privacy.web.DateOrDateTime.of(RECEIVED), Channel.LETTER,
        new RegisterRequestCommand.Person(name, email, null, LocalDate.of(1975, 1, 1)),
        new RegisterRequestCommand.Person("Betrokkene " + name, null, null, LocalDate.of(1950, 2, 2)),
        Representation.AUTHORISED_AGENT, null, "nl");
    RequestRecord request = support.registerOnGenericPath(agent);
    String ref = request.reference();
    verifyDirectly(ref);
    assertThat(instance(request)).isWaitingAt(Elements.CHECK_REPRESENTATION);
    support.complete("desk", ref, Elements.CHECK_REPRESENTATION, Map.of("evidenceType", "SIGNED_AUTHORISATION",
        "authorityProven", false, "representationNote", "Machtiging niet ondertekend door " + name));
    RequestRecord closed = support.requests.getByReference(ref);
    assertThat(closed.outcome()).isEqualTo(Outcome.NOT_PROCESSABLE);
    assertThat(support.outbox(ref)).extracting(m -> m.get("RECIPIENT_ROLE")).containsOnly("REPRESENTATIVE");
    assertThat(support.eventTypes(ref)).contains("AUTHORITY_REJECTED");
    assertThat(PersonalDataScan.of(dataSource).text(name, email, "Betrokkene " + name).hits()).isEmpty();
  }

  @Test
  void shouldContinueToTheDecisionWhenRepresentativeAuthorityIsProven() {
    RegisterRequestCommand parent = new RegisterRequestCommand(support.genericPathRight(),
        nl.ymere.privacy.web.DateOrDateTime.of(RECEIVED), Channel.EMAIL,
        new RegisterRequestCommand.Person(name, email, null, LocalDate.of(1985, 1, 1)),
        new RegisterRequestCommand.Person("Kind " + name, null, null, LocalDate.of(2015, 6, 1)),
        Representation.PARENTAL_AUTHORITY, null, "nl");
    RequestRecord request = support.registerOnGenericPath(parent);
    verifyDirectly(request.reference());
    support.complete("desk", request.reference(), Elements.CHECK_REPRESENTATION,
        Map.of("evidenceType", "GEZAGSREGISTER_EXTRACT", "evidenceDate", "2026-03-01", "authorityProven", true));
    assertThat(instance(request)).isWaitingAt(Elements.DECIDE_AND_ANSWER);
    assertThat(support.eventTypes(request.reference())).contains("AUTHORITY_ACCEPTED");
  }

  @Test
  void shouldDeliverReminderToTheDeskAndEscalationsToTheOfficersByMail() throws Exception {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    support.setNow(LocalDate.of(2026, 3, 31), 8, 0);
    support.executeDueTimers(ref);
    support.setNow(LocalDate.of(2026, 4, 1), 8, 0);
    support.executeDueTimers(ref);
    assertThat(jdbc.queryForList("SELECT created_at FROM privacy.outbox_message WHERE reference = ? AND template = "
        + "'deadline-escalation'", java.time.OffsetDateTime.class, ref)).isNotEmpty()
        .allSatisfy(at -> assertThat(at.toInstant()).isEqualTo(at(LocalDate.of(2026, 4, 1), 8, 0, 0)));
    for (int run = 0; run < 50 && dispatcher.dispatchDue() > 0; run++) {
      // other tests' rows share the outbox; drain it batch by batch
    }

    List<jakarta.mail.internet.MimeMessage> mails = java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subjectOf(m).contains(ref)).toList();
    List<String> reminderTo = recipients(mails, "Herinnering");
    List<String> escalationTo = recipients(mails, "Escalatie");
    assertThat(reminderTo).containsExactlyInAnyOrder("demo@ymere.example", "desk@ymere.example",
        "deskofficer@ymere.example");
    assertThat(escalationTo).containsExactlyInAnyOrder("demo@ymere.example", "officer@ymere.example",
        "deskofficer@ymere.example");
    String escalation = com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.stream()
        .filter(m -> subjectOf(m).contains("Escalatie")).findFirst().orElseThrow());
    assertThat(escalation).contains(ref).contains("7 april 2026");
    // internal notices carry references and codes, never the requester's name or address
    assertThat(mails).filteredOn(m -> subjectOf(m).contains("Herinnering") || subjectOf(m).contains("Escalatie"))
        .hasSize(6).allSatisfy(m -> assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(m))
            .doesNotContain(name).doesNotContain(email));
  }

  @Test
  void shouldRegisterALetterFromTheTasklistStartFormWithoutKeepingPersonalFieldsInTheProcess() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DataSubjectRequestProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance started = support.as("desk", () -> engine.getFormService().submitStartForm(definitionId,
        Map.of("intakeKind", "REQUEST", "right", "RECTIFICATION", "channel", "LETTER", "receivedAt", "2026-03-02",
            "requesterName", name, "requesterPostalAddress", "Keizersgracht 1, 1015 CC Amsterdam",
            "requesterDateOfBirth", "1980-05-17", "representation", "SELF",
            "description", "Mijn telefoonnummer klopt niet meer.")));
    String reference = started.getBusinessKey();
    assertThat(reference).matches("AVG-2026-\\d{6}");
    RequestRecord request = support.requests.getByReference(reference);
    assertThat(request.channel()).isEqualTo(Channel.LETTER);
    assertThat(request.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(request.requesterPostalAddress()).isEqualTo("Keizersgracht 1, 1015 CC Amsterdam");
    assertThat(support.outbox(reference)).extracting(m -> m.get("CHANNEL")).containsExactly("LETTER");
    assertThat(engine.getRuntimeService().getVariables(started.getId())).doesNotContainKeys("requesterName",
        "requesterPostalAddress", "requesterDateOfBirth", "description");
    assertThat(PersonalDataScan.of(dataSource).text(name, "Mijn telefoonnummer klopt niet")
        .postalAddress("Keizersgracht 1, 1015 CC Amsterdam").dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldRefuseATasklistStartWithoutRequiredFieldsAndStoreNothing() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DataSubjectRequestProcess.KEY).latestVersion().singleResult().getId();
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    assertThatThrownBy(() -> support.as("desk", () -> engine.getFormService().submitStartForm(definitionId,
        Map.of("intakeKind", "REQUEST", "right", "ACCESS", "channel", "PHONE", "requesterName", name))))
        .hasMessageContaining("requester.email");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_name = ?",
        Integer.class, name)).isZero();
  }

  @Test
  void shouldRecordDocumentSeenAtTheDeskWithoutANumber() {
    RequestRecord request = registerRequest();
    support.complete("desk", request.reference(), IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "DOCUMENT_SEEN", "documentType", "PASSPORT", "identityResult", "VERIFIED"));
    Map<String, Object> check = jdbc.queryForMap("SELECT c.method, c.document_type, c.result, c.checked_by FROM "
        + "privacy.identity_check c JOIN privacy.dsr_request r ON r.id = c.request_id WHERE r.reference = ?",
        request.reference());
    assertThat(check).containsEntry("METHOD", "DOCUMENT_SEEN").containsEntry("DOCUMENT_TYPE", "PASSPORT")
        .containsEntry("RESULT", "VERIFIED").containsEntry("CHECKED_BY", "desk");
    assertThatThrownBy(() -> support.complete("desk", registerRequest().reference(),
        IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod", "DOCUMENT_SEEN",
            "documentType", "LIBRARY_CARD", "identityResult", "VERIFIED")))
        .hasMessageContaining("ID-3");
  }

  @Test
  void shouldPurgeAnUncheckedCopyAfter72Hours() {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    support.complete("desk", ref, IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod",
        "MASKED_COPY", "doubtReason", "Handtekening wijkt af van de brief in het dossier."));
    String letter = recipientCopies.latest(ref, "identity-copy-question");
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/upload/([A-Za-z0-9_-]{20,})").matcher(letter);
    assertThat(link.find()).isTrue();
    support.setNow(RECEIVED, 12, 0);
    assertThat(identityChecks.receiveUpload(link.group(1), nl.ymere.privacy.support.UploadSamples.pdf()))
        .isEqualTo(IdentityCheckService.UploadResult.STORED);
    assertThat(support.timer(ref, IdentityVerificationProcess.Elements.TIMER_PURGE_UNCHECKED_COPY).getDuedate())
        .isEqualTo(Date.from(at(RECEIVED, 12, 0, 0).plus(java.time.Duration.ofHours(72))));
    support.setNow(RECEIVED.plusDays(3), 12, 0);
    support.executeDueTimers(ref);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.id_copy c JOIN privacy.dsr_request r ON r.id = "
        + "c.request_id WHERE r.reference = ? AND c.ciphertext IS NOT NULL", Integer.class, ref)).isZero();
    assertThat(support.eventTypes(ref)).contains("ID_COPY_PURGED_UNCHECKED");
    assertThat(support.task(ref, IdentityVerificationProcess.Elements.CHECK_MASKED_COPY)).isNotNull();
  }

  @Test
  void shouldReportOverdueInTheApiOnceTheDueDateHasPassed() {
    RequestRecord request = registerRequest();
    assertThat(queries.find(request.reference()).orElseThrow().overdue()).isFalse();
    support.setNow(LocalDate.of(2026, 4, 7), 23, 59);
    assertThat(queries.find(request.reference()).orElseThrow().overdue()).isFalse();
    support.setNow(LocalDate.of(2026, 4, 8), 0, 0);
    assertThat(queries.find(request.reference()).orElseThrow().overdue()).isTrue();
  }

  @Test
  void shouldApplyAnExtensionOnlyAfterADifferentOfficerApprovesWhenApprovalIsRequired() {
    Object original = org.springframework.test.util.ReflectionTestUtils.getField(extensions, "properties");
    org.springframework.test.util.ReflectionTestUtils.setField(extensions, "properties", new ExtensionProperties(true));
    try {
      RequestRecord request = registerRequest();
      String ref = request.reference();
      ExtensionService.ExtensionResult pending = extensions.extend(ref, ExtensionReason.NUMBER_OF_REQUESTS,
          "Deze aanvrager diende deze maand elf verzoeken in.", "deskofficer", false);
      assertThat(pending.status()).isEqualTo(ExtensionService.ExtensionStatus.PENDING_APPROVAL);
      assertThat(support.requests.getByReference(ref).extendedDueDate()).isNull();
      assertThat(support.outbox(ref)).extracting(m -> m.get("TEMPLATE")).contains("request-extension-approval")
          .doesNotContain("request-extension-notice");
      assertThatThrownBy(() -> extensions.decide(ref, true, "deskofficer")).isInstanceOf(ApiConflictException.class);
      ExtensionService.ExtensionResult applied = extensions.decide(ref, true, "officer");
      assertThat(applied.status()).isEqualTo(ExtensionService.ExtensionStatus.APPLIED);
      assertThat(support.requests.getByReference(ref).extendedDueDate()).isEqualTo(LocalDate.of(2026, 6, 5));
      assertThat(support.outbox(ref)).extracting(m -> m.get("TEMPLATE")).contains("request-extension-notice");
    } finally {
      org.springframework.test.util.ReflectionTestUtils.setField(extensions, "properties", original);
    }
  }

  @Test
  void shouldAnswerAChildsOwnRequestWithTheStandardReplyAndAMinimalRecord() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DataSubjectRequestProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance started = support.as("desk", () -> engine.getFormService().submitStartForm(definitionId,
        Map.of("intakeKind", "CHILD_OWN_REQUEST", "right", "ACCESS", "channel", "EMAIL", "receivedAt", "2026-03-05",
            "requesterName", name, "requesterEmail", email, "requesterDateOfBirth", "2013-04-01",
            "description", "Ik wil weten wat jullie over mij weten.")));
    assertThat(started).isEnded();
    RequestRecord record = support.requests.getByReference(started.getBusinessKey());
    assertThat(record.outcome()).isEqualTo(Outcome.NOT_PROCESSABLE);
    assertThat(record.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(record.requesterDateOfBirth()).as("minimal record (REP-1)").isNull();
    assertThat(record.description()).isNull();
    assertThat(support.outbox(started.getBusinessKey())).extracting(m -> m.get("TEMPLATE"))
        .containsExactly("request-child-reply");
  }

  @Test
  void shouldSendTheRequestBackToTheAuthorityCheckWhenGuardianshipComesToLight() {
    RequestRecord request = registerRequest();
    String ref = request.reference();
    verifyDirectly(ref);
    support.complete("desk", ref, Elements.DECIDE_AND_ANSWER, Map.of("representationDiscovered", "GUARDIANSHIP"));
    assertThat(instance(request)).isWaitingAt(Elements.CHECK_REPRESENTATION);
    assertThat(support.requests.getByReference(ref).representation()).isEqualTo(Representation.GUARDIANSHIP);
    support.complete("desk", ref, Elements.CHECK_REPRESENTATION, Map.of("evidenceType", "COURT_DECISION",
        "evidenceDate", "2025-11-02", "authorityProven", true));
    assertThat(instance(request)).isWaitingAt(Elements.DECIDE_AND_ANSWER);
    support.complete("desk", ref, Elements.DECIDE_AND_ANSWER, Map.of("outcome", "NO_DATA"));
    assertThat(support.requests.getByReference(ref).outcome()).isEqualTo(Outcome.NO_DATA);
    assertThat(support.eventTypes(ref)).contains("REPRESENTATION_DISCOVERED_GUARDIANSHIP", "AUTHORITY_ACCEPTED");
  }

  @Test
  void shouldFulfilAnErasureRequestThroughItsOwnSubProcessAndCloseWithItsOutcome() {
    RequestRecord request = support.register(command(RequestRight.ERASURE, RECEIVED, name, email));
    String ref = request.reference();
    verifyDirectly(ref);
    assertThat(instance(request)).isWaitingAt(Elements.FULFIL_RIGHT);
    support.complete("desk", ref, nl.ymere.privacy.erasure.ErasureProcess.Elements.PROPOSE_ERASURE_LIST, Map.of());
    support.complete("officer", ref, nl.ymere.privacy.erasure.ErasureProcess.Elements.CONFIRM_ERASURE_LIST,
        Map.of("erasureListConfirmed", true));
    assertThat(instance(request)).isNull();
    RequestRecord closed = support.requests.getByReference(ref);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isNotNull();
    assertThat(support.outbox(ref)).extracting(m -> m.get("TEMPLATE")).contains("request-erasure-result")
        .doesNotContain("request-answer");
  }

  @Test
  void shouldFulfilAnAccessRequestThroughDsrAccess() {
    RequestRecord request = support.register(command(RequestRight.ACCESS, RECEIVED, name, email));
    verifyDirectly(request.reference());
    assertThat(instance(request)).isWaitingAt(Elements.FULFIL_RIGHT);
    assertThat(support.task(request.reference(), nl.ymere.privacy.access.AccessRequestProcess.Elements.CONFIRM_SEARCH))
        .as("the access sub-process runs under the request's business key").isNotNull();
  }

  @Test
  void shouldFulfilARestrictionRequestThroughDsrRestrictionAndCloseWithItsOutcome() {
    RequestRecord request = support.register(command(RequestRight.RESTRICTION, RECEIVED, name, email));
    String ref = request.reference();
    verifyDirectly(ref);
    assertThat(instance(request)).isWaitingAt(Elements.FULFIL_RIGHT);
    // nobody by this name holds data here: the handler chooses nothing and the answer is NO_DATA
    support.complete("desk", ref, nl.ymere.privacy.restriction.RestrictionProcess.Elements.CHOOSE_ITEMS,
        Map.of("restrictionGround", "A"));
    assertThat(instance(request)).isNull();
    RequestRecord closed = support.requests.getByReference(ref);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.NO_DATA);
    assertThat(support.outbox(ref)).extracting(m -> m.get("TEMPLATE")).contains("request-restriction-result")
        .doesNotContain("request-answer");
  }

  @Test
  void shouldFulfilARectificationRequestThroughDsrRectification() {
    RequestRecord request = support.register(command(RequestRight.RECTIFICATION, RECEIVED, name, email));
    verifyDirectly(request.reference());
    assertThat(instance(request)).isWaitingAt(Elements.FULFIL_RIGHT);
    assertThat(support.task(request.reference(),
        nl.ymere.privacy.rectification.RectificationProcess.Elements.RECORD_CHANGES))
        .as("the rectification sub-process runs under the request's business key").isNotNull();
  }

  private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(List<jakarta.mail.internet.MimeMessage> mails, String subjectPart) {
    return mails.stream().filter(m -> subjectOf(m).contains(subjectPart)).map(m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
