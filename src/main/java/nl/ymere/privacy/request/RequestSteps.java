package nl.ymere.privacy.request;

import java.time.Clock;
import java.util.Map;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the automated steps of {@code data-subject-request} do to a request: letters, status, outcome and the event
 * log. Delegates call one method each.
 */
@Service
public class RequestSteps {

  private final RequestRepository requests;
  private final RequestLetters letters;
  private final RequestDeadlineService deadlines;
  private final AnswerDrafts drafts;
  private final Clock clock;

  RequestSteps(RequestRepository requests, RequestLetters letters, RequestDeadlineService deadlines,
      AnswerDrafts drafts, Clock clock) {
    this.requests = requests;
    this.letters = letters;
    this.deadlines = deadlines;
    this.drafts = drafts;
    this.clock = clock;
  }

  /** LET-2 acknowledgement (e-mail when there is an address, else a printable letter). */
  @Transactional
  public void sendAcknowledgement(String reference) {
    RequestRecord request = requests.getByReference(reference);
    letters.send(request, LetterType.ACKNOWLEDGEMENT);
    requests.addEvent(request.id(), clock.instant(), "ACKNOWLEDGEMENT_QUEUED", null);
  }

  /** REP-1: the child is told a legal representative must file; the minimal record closes. */
  @Transactional
  public void sendChildReply(String reference) {
    RequestRecord request = requests.getByReference(reference);
    letters.send(request, LetterType.CHILD_REPLY);
    requests.close(request.id(), Outcome.NOT_PROCESSABLE, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "CHILD_REPLY_QUEUED", null);
  }

  /** LET-3 for a request whose identity or authority was not established (REQ-5 NOT_PROCESSABLE). */
  @Transactional
  public void sendNotProcessable(String reference, String identityResult) {
    RequestRecord request = requests.getByReference(reference);
    requests.setOutcome(request.id(), Outcome.NOT_PROCESSABLE);
    String ground = "VERIFIED".equals(identityResult) ? "AUTHORITY_NOT_PROVEN"
        : "NO_REPLY".equals(identityResult) ? "NO_REPLY" : "IDENTITY_NOT_ESTABLISHED";
    letters.send(requests.getByReference(reference), LetterType.NOT_PROCESSABLE, Map.of("ground", ground));
    requests.addEvent(request.id(), clock.instant(), "NOT_PROCESSABLE_LETTER_QUEUED", null);
  }

  /**
   * The answer as the latest draft in the product's table has it ({@link AnswerDrafts}): LET-3 for a (partial)
   * refusal with its reasons, only once another user approved it; otherwise the outcome letter.
   *
   * @return the outcome sent, which the request closes with
   */
  @Transactional
  public Outcome sendAnswer(String reference) {
    RequestRecord request = requests.getByReference(reference);
    AnswerDraftRepository.Draft draft = drafts.toSend(request);
    Outcome outcome = draft.outcome();
    requests.setOutcome(request.id(), outcome);
    RequestRecord updated = requests.getByReference(reference);
    if (outcome.isRefusal()) {
      letters.send(updated, LetterType.REFUSAL, Map.of("reasons", draft.reasons()));
    } else {
      letters.send(updated, LetterType.ANSWER);
    }
    requests.addEvent(request.id(), clock.instant(), "ANSWER_QUEUED", null);
    return outcome;
  }

  @Transactional
  public void close(String reference, Outcome outcome) {
    RequestRecord request = requests.getByReference(reference);
    requests.closeOpenPauses(request.id(), deadlines.today());
    requests.close(request.id(), outcome, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "CLOSED", null);
  }

  /**
   * Reminder (handling group) or escalation (privacy officers), once per kind and due date: the watch is re-created
   * on every deadline change, and a notice already sent for the same date is not sent again.
   */
  @Transactional
  public void sendDeadlineNotice(String reference, DeadlineNoticeKind kind) {
    RequestRecord request = requests.getByReference(reference);
    if (request.isClosed() || requests.hasEvent(request.id(), RequestRecords.ANSWER_SENT)) {
      return;
    }
    String eventType = kind.name() + "_" + request.effectiveDueDate();
    if (requests.hasEvent(request.id(), eventType)) {
      return;
    }
    Map<String, Object> variables = Map.of("kind", kind.name(), "today", deadlines.today());
    if (kind == DeadlineNoticeKind.REMINDER) {
      letters.notifyGroup(request, Groups.PRIVACY_DESK, RecipientRole.HANDLING_GROUP, "deadline-reminder", variables);
    } else {
      letters.notifyGroup(request, Groups.PRIVACY_OFFICERS, RecipientRole.PRIVACY_OFFICERS, "deadline-escalation",
          variables);
    }
    requests.addEvent(request.id(), clock.instant(), eventType, null);
  }

  /** @return whether the request is overdue: false once the answer went out (RequestRecords#recordAnswerSent) */
  @Transactional
  public boolean markOverdue(String reference) {
    RequestRecord request = requests.getByReference(reference);
    if (requests.hasEvent(request.id(), RequestRecords.ANSWER_SENT)) {
      return false;
    }
    requests.addEvent(request.id(), clock.instant(), "OVERDUE", null);
    return true;
  }
}
