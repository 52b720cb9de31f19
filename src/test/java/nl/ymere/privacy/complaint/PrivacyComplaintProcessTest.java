package nl.ymere.privacy.complaint;

import static nl.ymere.privacy.complaint.ComplaintTestSupport.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.complaint.ComplaintProcess.Elements;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.mail.OutboxDispatcher;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code privacy-complaint.bpmn} (issue 19; CMP-1..CMP-3, LET-3, DL) on the real engine and tables, as
 * named users, with the engine clock moved and timer jobs executed. Four eyes are enforced in the service and the
 * shared listener (principle 6); the personal-data scan runs after every test (principle 2).
 */
@IntegrationTest
class PrivacyComplaintProcessTest {

  /** A Monday; one month later is Thursday 2 April 2026 (Good Friday is 3 April). */
  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
  static final LocalDate DUE = LocalDate.of(2026, 4, 2);
  static final String ANSWER = "Wij hebben uw dossier nagekeken en de gegevens bij de aannemer laten verwijderen.";

  @Autowired ProcessEngine engine;
  @Autowired ComplaintTestSupport support;
  @Autowired RequestTestSupport requests;
  @Autowired RequestRecords requestRecords;
  @Autowired ComplaintService complaints;
  @Autowired DeadlineCalculator calculator;
  @Autowired HistoryService historyService;
  @Autowired DataSource dataSource;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired GreenMail smtp;
  @Autowired nl.ymere.privacy.support.DeliveredMail delivered;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  String name;
  String email;
  String text;
  String note;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    requests.setNow(RECEIVED.plusDays(2), 10, 0);
    long n = System.nanoTime() % 1_000_000;
    name = "Klaasje Klager" + n;
    email = "klaasje" + n + "@example.org";
    text = "Mijn buurman " + n + " kreeg mijn huurachterstand te horen van een medewerker.";
    note = "Medewerker " + n + " gaf toe dat het gesprek in de hal plaatsvond.";
  }

  @AfterEach
  void noComplaintDataInTheEngine() {
    requests.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name, email, text, note, ANSWER).hits()).isEmpty();
  }

  private Complaint register() {
    return support.register("desk", complaint(RECEIVED, name, email, text));
  }

  private final Map<String, ProcessInstance> instances = new java.util.HashMap<>();

  /** The complaint's instance, found once while it runs (an ended instance is no longer in the runtime query). */
  private ProcessInstance instance(String reference) {
    return instances.computeIfAbsent(reference, r -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(r).processDefinitionKey(ComplaintProcess.KEY).singleResult());
  }

  private void triage(String reference, Map<String, Object> fields) {
    requests.complete("desk", reference, Elements.TRIAGE, fields);
  }

  private void investigate(String user, String reference, boolean erased) {
    requests.complete(user, reference, Elements.INVESTIGATE, Map.of("investigationNote", note,
        "dataErasedAtRequest", erased));
  }

  private void draft(String user, String reference, ComplaintOutcome outcome) {
    requests.complete(user, reference, Elements.DRAFT_ANSWER, Map.of("complaintOutcome", outcome.name(),
        "answerText", ANSWER));
  }

  private String answerLetter(String reference) {
    return support.outbox(reference).stream().filter(m -> ComplaintService.ANSWER_TEMPLATE.equals(m.get("TEMPLATE")))
        .map(m -> (String) m.get("BODY_HTML")).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void anUpheldComplaintIsAcknowledgedTriagedInvestigatedAndAnsweredWithTheApRoute() {
    Complaint complaint = register();
    String reference = complaint.reference();
    assertThat(reference).matches("KL-2026-\\d{6}");
    // CMP-1 with DL-1..DL-3: the receipt date counts, not the registration date; one month by default
    assertThat(complaint.receivedOn()).isEqualTo(RECEIVED);
    assertThat(complaint.dueDate()).isEqualTo(DUE).isEqualTo(calculator.dueDate(RECEIVED, 0));
    assertThat(instance(reference)).isWaitingAt(Elements.TRIAGE);
    assertThat(support.outbox(reference)).singleElement().satisfies(m -> {
      assertThat(m.get("TEMPLATE")).isEqualTo(ComplaintService.ACKNOWLEDGEMENT_TEMPLATE);
      assertThat(m.get("RECIPIENT")).isEqualTo(email);
      assertThat((String) m.get("BODY_HTML")).contains(reference).contains("2 april 2026");
    });

    triage(reference, Map.of("rightsRequestFound", false, "possibleBreach", false));
    assertThat(instance(reference)).isWaitingAt(Elements.INVESTIGATE);
    investigate("desk", reference, false);
    draft("desk", reference, ComplaintOutcome.UPHELD);

    assertThat(instance(reference)).isEnded();
    Complaint answered = support.complaint(reference);
    assertThat(answered.status()).isEqualTo(ComplaintStatus.ANSWERED);
    assertThat(answered.outcome()).isEqualTo(ComplaintOutcome.UPHELD);
    assertThat(answered.approvedBy()).isNull();
    // RET-5: the file is kept two years after the answer
    assertThat(answered.keepUntil()).isEqualTo(RECEIVED.plusDays(2).plusYears(2));
    String letter = answerLetter(reference);
    assertThat(letter).contains("Autoriteit Persoonsgegevens").contains("uw klacht is gegrond").contains(ANSWER)
        .doesNotContain("rechtbank").doesNotContain("Gewiste gegevens");
    // the investigation note is kept in the complaint's own events, not in the process
    assertThat(support.eventTypes(reference)).containsSubsequence("REGISTERED", "ACKNOWLEDGED", "TRIAGED",
        "INVESTIGATION_NOTE", "ANSWER_DRAFTED", "ANSWERED");

    // GreenMail: the answer really goes out, with the AP route in the delivered text
    for (int run = 0; run < 50 && dispatcher.dispatchDue() > 0; run++) {
      // the outbox is shared with other tests: drain it batch by batch
    }
    List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subjectOf(m).contains(reference)).toList();
    assertThat(mails).extracting(PrivacyComplaintProcessTest::subjectOf)
        .anySatisfy(s -> assertThat(s).startsWith("Ontvangstbevestiging van uw privacyklacht " + reference))
        .anySatisfy(s -> assertThat(s).startsWith("Antwoord op uw privacyklacht " + reference));
    assertThat(mails.stream().filter(m -> subjectOf(m).startsWith("Antwoord")).map(PrivacyComplaintProcessTest::html)
        .findFirst().orElseThrow()).contains("Autoriteit Persoonsgegevens").contains(ANSWER);
  }

  @Test
  void aPartlyUpheldAnswerAboutARequestDecisionIsApprovedByAnotherOfficerAndNamesTheCourtRoute() {
    RequestRecord decided = requests.register(RequestTestSupport.command(RequestRight.ACCESS, RECEIVED.minusMonths(2),
        name, email));
    Complaint complaint = register();
    String reference = complaint.reference();
    triage(reference, Map.of("rightsRequestFound", false, "possibleBreach", false, "aboutRequestReference",
        decided.reference()));
    investigate("desk", reference, false);
    draft("desk", reference, ComplaintOutcome.PARTLY_UPHELD);
    assertThat(instance(reference)).isWaitingAt(Elements.APPROVE_ANSWER);
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE"))
        .doesNotContain(ComplaintService.ANSWER_TEMPLATE);

    requests.complete("officer", reference, Elements.APPROVE_ANSWER, Map.of("answerApproved", true));

    assertThat(instance(reference)).isEnded();
    Complaint answered = support.complaint(reference);
    assertThat(answered.draftedBy()).isEqualTo("desk");
    assertThat(answered.approvedBy()).isEqualTo("officer");
    assertThat(answered.aboutRequestReference()).isEqualTo(decided.reference());
    // CMP-2 and LET-3: AP route always; the court route because it is about the decision on a request
    assertThat(answerLetter(reference)).contains("Autoriteit Persoonsgegevens").contains("deels gegrond")
        .contains("rechtbank").contains("zes weken").contains(decided.reference())
        .contains("door twee medewerkers beoordeeld");
    // GreenMail: the delivered answer names the AP route and the court route (CMP-2, LET-3)
    var mail = delivered.last(reference, "Antwoord op uw privacyklacht " + reference);
    assertThat(mail.recipients()).containsExactly(email);
    assertThat(mail.html()).contains("Autoriteit Persoonsgegevens").contains("rechtbank").contains("zes weken")
        .contains(decided.reference());
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).finished()
        .list()).extracting(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee())
        .contains(Elements.DRAFT_ANSWER + ":desk", Elements.APPROVE_ANSWER + ":officer");
  }

  @Test
  void aNotUpheldAnswerCannotBeApprovedByItsDrafterAndAnErasureIsExplained() {
    Complaint complaint = register();
    String reference = complaint.reference();
    triage(reference, Map.of("rightsRequestFound", false, "possibleBreach", false));
    // deskofficer is in both groups: drafts as the desk, then may not approve as an officer (principle 6)
    investigate("deskofficer", reference, true);
    draft("deskofficer", reference, ComplaintOutcome.NOT_UPHELD);
    assertThat(instance(reference)).isWaitingAt(Elements.APPROVE_ANSWER);

    assertThatThrownBy(() -> requests.complete("deskofficer", reference, Elements.APPROVE_ANSWER,
        Map.of("answerApproved", true))).isNotNull();
    // the service refuses on its own, whatever the engine is told (trust boundary)
    assertThatThrownBy(() -> requests.as("deskofficer", () -> {
      complaints.decideApproval(reference, true, null, "deskofficer");
      return null;
    })).isInstanceOf(RefusedStepException.class).hasMessageContaining("Vier ogen");
    // and no answer goes out without the approval, even when a caller jumps to the sending step
    assertThatThrownBy(() -> complaints.sendAnswer(reference)).isInstanceOf(RefusedStepException.class);
    assertThat(support.complaint(reference).status()).isEqualTo(ComplaintStatus.AWAITING_APPROVAL);

    // another officer sends it back once, then approves the redraft
    requests.complete("officer", reference, Elements.APPROVE_ANSWER, Map.of("answerApproved", false,
        "approvalNote", note));
    assertThat(instance(reference)).isWaitingAt(Elements.DRAFT_ANSWER);
    draft("deskofficer", reference, ComplaintOutcome.NOT_UPHELD);
    requests.complete("officer", reference, Elements.APPROVE_ANSWER, Map.of("answerApproved", true));

    assertThat(instance(reference)).isEnded();
    assertThat(support.complaint(reference).approvedBy()).isEqualTo("officer");
    assertThat(support.eventTypes(reference)).containsSubsequence("ANSWER_DRAFTED", "ANSWER_SENT_BACK",
        "ANSWER_DRAFTED", "ANSWER_APPROVED", "ANSWERED");
    // CMP-3: the answer explains that data were erased at the person's own request; no court route (no decision)
    assertThat(answerLetter(reference)).contains("uw klacht is ongegrond").contains("Gewiste gegevens")
        .contains("op uw eigen verzoek gewist").contains("Autoriteit Persoonsgegevens").doesNotContain("rechtbank");
    // GreenMail: the delivered answer explains the erased data and names the AP route, not the court route (CMP-3)
    assertThat(delivered.last(reference, "Antwoord op uw privacyklacht " + reference).html())
        .contains("Gewiste gegevens").contains("op uw eigen verzoek gewist").contains("Autoriteit Persoonsgegevens")
        .doesNotContain("rechtbank");
  }

  @Test
  void anAccessRequestInsideTheComplaintBecomesItsOwnRequestWithTheComplaintsReceiptDate() {
    Complaint complaint = register();
    String reference = complaint.reference();
    // triaged a week after receipt: the request's clock started on the complaint's receipt date (CMP-1, DL-1)
    requests.setNow(RECEIVED.plusDays(7), 9, 0);
    triage(reference, Map.of("rightsRequestFound", true, "rightsRequestRight", "ACCESS", "possibleBreach", true,
        "breachAlreadyReported", true));

    List<Map<String, Object>> links = support.links(reference);
    assertThat(links).extracting(l -> l.get("LINK_KIND")).containsExactly(ComplaintService.LINK_REQUEST,
        ComplaintService.LINK_POSSIBLE_BREACH);
    String requestReference = (String) links.get(0).get("LINKED_REFERENCE");
    RequestRecord request = requestRecords.getByReference(requestReference);
    assertThat(request.right()).isEqualTo(RequestRight.ACCESS);
    assertThat(request.receivedOn()).isEqualTo(RECEIVED);
    assertThat(request.dueDate()).isEqualTo(calculator.dueDate(RECEIVED, 0));
    assertThat(request.processInstanceId()).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(instance(reference).getId(), "linkedRequestReference"))
        .isEqualTo(requestReference);

    // a breach already reported: a privacy officers' task beside the handling links its DL reference
    assertThat(instance(reference)).isWaitingAt(Elements.INVESTIGATE, Elements.ASSESS_POSSIBLE_BREACH);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.ASSESS_POSSIBLE_BREACH).taskCandidateGroup("privacy-officers").count())
        .isEqualTo(1);
    requests.complete("officer", reference, Elements.ASSESS_POSSIBLE_BREACH, Map.of("breachAssessment",
        "NO_BREACH"));
    assertThat(support.eventTypes(reference)).contains("BREACH_NO_BREACH");
    assertThat(instance(reference)).isWaitingAt(Elements.INVESTIGATE);
  }

  /** CMP-1, BRE-1: a breach the complaint reveals is reported at once and starts data-breach, linked to it. */
  @Test
  void aBreachRevealedInTheComplaintIsReportedAtOnceAndStartsTheBreachProcess() {
    Complaint complaint = register();
    String reference = complaint.reference();
    requests.setNow(RECEIVED.plusDays(1), 9, 0);
    // the breach's facts are required: a report without them is refused and nothing is reported or triaged
    long breaches = support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach", Long.class);
    assertThatThrownBy(() -> triage(reference, Map.of("rightsRequestFound", false, "possibleBreach", true,
        "breachAlreadyReported", false, "breachDataCategory", "FINANCIAL", "breachPersonsEstimate", 1L)))
        .hasMessageContaining("breachDescription");
    assertThat(support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach", Long.class))
        .isEqualTo(breaches);
    assertThat(instance(reference)).isWaitingAt(Elements.TRIAGE);

    triage(reference, Map.of("rightsRequestFound", false, "possibleBreach", true, "breachAlreadyReported", false,
        "breachDescription", note, "breachDataCategory", "FINANCIAL", "breachPersonsEstimate", 1L));

    List<Map<String, Object>> links = support.links(reference);
    assertThat(links).extracting(l -> l.get("LINK_KIND")).containsExactly(ComplaintService.LINK_POSSIBLE_BREACH,
        ComplaintService.LINK_BREACH);
    String breachReference = (String) links.get(1).get("LINKED_REFERENCE");
    assertThat(breachReference).matches("DL-2026-\\d{6}");
    Map<String, Object> breach = support.jdbc.queryForMap("SELECT * FROM privacy.breach WHERE reference = ?",
        breachReference);
    assertThat(breach.get("CHANNEL")).isEqualTo("COMPLAINT");
    assertThat(breach.get("DESCRIPTION")).isEqualTo(note);
    // data-breach runs for it with the DL reference as business key; no officer task to type a reference
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("data-breach")
        .processInstanceBusinessKey(breachReference).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance(reference).getId(), "linkedBreachReference"))
        .isEqualTo(breachReference);
    assertThat(instance(reference)).isWaitingAt(Elements.INVESTIGATE);
    assertThat(requests.task(reference, Elements.ASSESS_POSSIBLE_BREACH)).isNull();
    assertThat(support.eventTypes(reference)).contains("TRIAGED", "BREACH_REPORTED");
  }

  @Test
  void theDeskIsRemindedBeforeTheDueDateAndOfficersAndTheFgAreToldWhenItLapses() {
    Complaint complaint = register();
    String reference = complaint.reference();
    triage(reference, Map.of("rightsRequestFound", false, "possibleBreach", false));
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE"))
        .doesNotContain(ComplaintService.REMINDER_TEMPLATE);

    // DL-11: 5 working days before Thursday 2 April is Thursday 26 March, 08:00
    requests.setNow(LocalDate.of(2026, 3, 26), 7, 59);
    requests.executeDueTimers(reference);
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE"))
        .doesNotContain(ComplaintService.REMINDER_TEMPLATE);
    requests.setNow(LocalDate.of(2026, 3, 26), 8, 0);
    requests.executeDueTimers(reference);
    assertThat(support.outbox(reference)).filteredOn(m -> ComplaintService.REMINDER_TEMPLATE.equals(m.get("TEMPLATE")))
        .isNotEmpty().allSatisfy(m -> assertThat(m.get("RECIPIENT_ROLE")).isEqualTo("PRIVACY_DESK"));

    // the term lapses at the end of 2 April (DL-3: 23:59:59 Amsterdam time)
    requests.setNow(LocalDate.of(2026, 4, 2), 23, 59);
    requests.executeDueTimers(reference);
    assertThat(support.outbox(reference)).extracting(m -> m.get("TEMPLATE"))
        .doesNotContain(ComplaintService.ESCALATION_TEMPLATE);
    requests.setNow(LocalDate.of(2026, 4, 3), 0, 0);
    requests.executeDueTimers(reference);
    assertThat(support.outbox(reference)).filteredOn(m -> ComplaintService.ESCALATION_TEMPLATE.equals(
        m.get("TEMPLATE"))).extracting(m -> m.get("RECIPIENT_ROLE")).contains("PRIVACY_OFFICERS", "FG");
    // internal notices carry the reference and dates, never the complainant
    assertThat(support.outbox(reference)).filteredOn(m -> !"REQUESTER".equals(m.get("RECIPIENT_ROLE")))
        .allSatisfy(m -> assertThat((String) m.get("BODY_HTML")).doesNotContain(name).doesNotContain(email));
    assertThat(support.eventTypes(reference)).contains("REMINDER_SENT", "ESCALATED");
    // the handling goes on after the escalation
    assertThat(instance(reference)).isWaitingAt(Elements.INVESTIGATE);
  }

  /** The Tasklist start form for a letter or phone call: its real receipt date counts; only the reference stays. */
  @Test
  void aLetterRegisteredThroughTheTasklistStartFormKeepsItsReceiptDateAndOnlyItsReference() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> form = new java.util.HashMap<>(Map.of("receivedAt", RECEIVED.toString(), "channel", "LETTER",
        "complainantName", name, "complainantPostalAddress", "Klachtlaan 1, 1011 AA Amsterdam", "description", text));
    String pid = requests.as("desk", () -> engine.getFormService().submitStartForm(definitionId, form)).getId();
    String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey();
    assertThat(reference).matches("KL-2026-\\d{6}");
    Complaint complaint = support.complaint(reference);
    assertThat(complaint.receivedOn()).isEqualTo(RECEIVED);
    assertThat(complaint.dueDate()).isEqualTo(DUE);
    assertThat(complaint.channel()).isEqualTo(nl.ymere.privacy.request.Channel.LETTER);
    assertThat(complaint.registeredBy()).isEqualTo("desk");
    assertThat(engine.getRuntimeService().getVariables(pid).keySet()).containsExactly("complaintReference");
    // no e-mail address: the acknowledgement is a letter to print
    assertThat(support.outbox(reference)).singleElement().satisfies(m -> assertThat(m.get("CHANNEL"))
        .isEqualTo("LETTER"));

    // a start form without a name is refused and leaves nothing (principle 7)
    long rows = support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.complaint", Long.class);
    Map<String, Object> anonymous = new java.util.HashMap<>(form);
    anonymous.remove("complainantName");
    assertThatThrownBy(() -> requests.as("desk", () -> engine.getFormService().submitStartForm(definitionId,
        anonymous))).hasMessageContaining("complainant.name");
    assertThat(support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.complaint", Long.class)).isEqualTo(rows);
  }

  /** DESIGN principle 10: the approving officer sees the complaint, the draft and who drafted it beside the task. */
  @Test
  void theApproverSeesTheComplaintTheDraftAndWhoDraftedItOnTheCasePanel() {
    Complaint complaint = register();
    String reference = complaint.reference();
    triage(reference, Map.of("rightsRequestFound", false, "possibleBreach", false));
    investigate("desk", reference, false);
    draft("desk", reference, ComplaintOutcome.NOT_UPHELD);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.APPROVE_ANSWER).singleResult().getId();

    var answer = rest.withBasicAuth("officer", "officer").getForEntity("/werkbank/taken/" + taskId + "?ingebed=true",
        String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(answer.getBody());
    assertThat(page.getElementById("complaint-case").text()).contains(reference, name, email, text, ANSWER,
        "NOT_UPHELD", "02-04-2026", "Daan Balie");
    assertThat(page.getElementById("complaint-steps").text()).contains("INVESTIGATION_NOTE", note, "ANSWER_DRAFTED");
    assertThat(page.getElementById("case")).as("no generic panel").isNull();
    // a user who may not see the task sees no case
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/werkbank/taken/" + taskId, String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded HTML part of a delivered message. */
  private static String html(MimeMessage message) {
    try {
      return partText(message.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String partText(Object content) throws Exception {
    if (content instanceof String text) {
      return text;
    }
    StringBuilder all = new StringBuilder();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        all.append(partText(part.getContent()));
      }
    }
    return all.toString();
  }
}
