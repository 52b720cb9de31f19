package nl.ymere.privacy.request;

import java.time.Clock;
import java.time.Instant;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.request.AnswerDraftRepository.Draft;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer on the generic decision path (REQ-5) and the four-eyes review of a (partial) refusal (LET-3, DESIGN
 * principles 6 and 9), recorded in {@code privacy.dsr_answer_draft} when they happen. The review checks there that a
 * refusal was drafted, with its reasons, by another user; the answer letter goes out with the latest draft's outcome
 * and reasons, a refusal only once another user approved it there. The process variables ({@code outcome},
 * {@code answerDrafter}, {@code refusalApproved}) only route the diagram: neither a caller who sets them nor an
 * operator who edits them changes what is sent.
 */
@Service
class AnswerDrafts {

  static final int MIN_REASONS = 20;

  private final AnswerDraftRepository drafts;
  private final RequestRepository requests;
  private final Clock clock;

  AnswerDrafts(AnswerDraftRepository drafts, RequestRepository requests, Clock clock) {
    this.drafts = drafts;
    this.requests = requests;
    this.clock = clock;
  }

  /** The handler's answer: a refusal needs case-specific reasons (LET-3); the drafter is the first pair of eyes. */
  @Transactional
  public void draft(String reference, Outcome outcome, String reasons, String user) {
    if (outcome == Outcome.NOT_PROCESSABLE) {
      throw new RefusedStepException("NOT_PROCESSABLE volgt alleen uit de identiteits- of bevoegdheidscontrole.");
    }
    if (outcome.isRefusal() && (reasons == null || reasons.length() < MIN_REASONS)) {
      throw new RefusedStepException("Een (gedeeltelijke) weigering vraagt om een zaakspecifieke motivering (LET-3) "
          + "van minstens " + MIN_REASONS + " tekens.");
    }
    if (user == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Het antwoord kan alleen door een ingelogde gebruiker worden "
          + "opgesteld.");
    }
    RequestRecord request = requests.getByReference(reference);
    Instant now = clock.instant();
    drafts.insert(request.id(), outcome, reasons, user, now);
    requests.addEvent(request.id(), now, "ANSWER_DRAFTED_" + outcome.name(), user);
  }

  /**
   * The second pair of eyes approves the drafted refusal or sends it back; refused when no refusal with reasons awaits
   * review, or when the user drafted it (the task's four-eyes listener refuses the drafter earlier; this holds even
   * when an operator changed the variables or the task's authorizations).
   */
  @Transactional
  public void review(String reference, boolean approved, String comment, String user) {
    if (user == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Een weigering kan alleen door een ingelogde gebruiker worden "
          + "beoordeeld.");
    }
    RequestRecord request = requests.getByReference(reference);
    Draft draft = drafts.latest(request.id())
        .filter(d -> d.outcome().isRefusal() && d.reasons() != null && d.review() == null)
        .orElseThrow(() -> new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: bij verzoek " + reference
            + " wacht geen opgestelde weigering met motivering op goedkeuring (LET-3)."));
    if (user.equals(draft.draftedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: " + user + " stelde de weigering van verzoek "
          + reference + " op en mag haar niet zelf goedkeuren (LET-3).");
    }
    Instant now = clock.instant();
    drafts.review(draft.id(), approved ? AnswerDraftRepository.APPROVED : AnswerDraftRepository.SENT_BACK, user, now);
    if (comment != null) {
      requests.addNote(request.id(), RequestNotes.APPROVAL_COMMENT, comment, user, now);
    }
    requests.addEvent(request.id(), now, approved ? "REFUSAL_APPROVED" : "REFUSAL_SENT_BACK", user);
  }

  /** The draft the answer letter goes out with: the latest one, a refusal only when another user approved it. */
  Draft toSend(RequestRecord request) {
    Draft draft = drafts.latest(request.id()).orElseThrow(() -> new RefusedStepException(Kind.NOT_ALLOWED,
        "Geen antwoordbrief: bij verzoek " + request.reference() + " is geen antwoord opgesteld."));
    if (draft.outcome().isRefusal() && !draft.approvedByAnother()) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Geen weigeringsbrief: de weigering van verzoek "
          + request.reference() + " is niet door een tweede medewerker goedgekeurd (LET-3, vier ogen).");
    }
    return draft;
  }
}
