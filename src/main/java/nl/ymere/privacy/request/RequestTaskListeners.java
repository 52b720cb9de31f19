package nl.ymere.privacy.request;

import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.ANSWER_DRAFTER;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.AUTHORITY_PROVEN;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.OUTCOME;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.REFERENCE;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.REFUSAL_APPROVED;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.security.FourEyesSteps;
import nl.ymere.privacy.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the request's user tasks. Free text a form submits (reasons, justifications) is moved into
 * the product's tables and removed from the process before the transaction commits (DESIGN principle 2); the
 * completing user is taken from the engine authentication, never from a form field (principle 6). Bad input and
 * steps the rules do not allow are refused with a Dutch message ({@link RefusedStepException}).
 */
@Configuration
class RequestTaskListeners {

  /** Form fields of {@code forms/decide-answer.form}. */
  static final String FIELD_ANSWER_REASONS = "answerReasons";
  static final String FIELD_REPRESENTATION_DISCOVERED = "representationDiscovered";
  /** Form fields of {@code forms/approve-refusal.form}. */
  static final String FIELD_APPROVAL_COMMENT = "approvalComment";
  /** Form fields of {@code forms/extend-deadline.form}. */
  static final String FIELD_EXTENSION_REASON = "extensionReason";
  static final String FIELD_EXTENSION_JUSTIFICATION = "extensionJustification";
  /** Form fields of {@code forms/check-representation.form}. */
  static final String FIELD_EVIDENCE_TYPE = "evidenceType";
  static final String FIELD_EVIDENCE_DATE = "evidenceDate";
  static final String FIELD_REPRESENTATION_NOTE = "representationNote";

  @Bean
  TaskListener answerDraftListener(AnswerDrafts drafts, RepresentationChecks representationChecks,
      FourEyesSteps fourEyes) {
    return task -> {
      String reference = REFERENCE.required(task);
      // REP-3: curatele or mentorschap that comes to light during handling leads back to the authority check
      String discovered = CurrentUser.text(task, FIELD_REPRESENTATION_DISCOVERED);
      if (Representation.GUARDIANSHIP.name().equals(discovered) || Representation.MENTORSHIP.name().equals(discovered)) {
        representationChecks.discovered(reference, Representation.valueOf(discovered), CurrentUser.of(task));
        task.getExecution().setVariable(FIELD_REPRESENTATION_DISCOVERED, discovered);
        task.getExecution().removeVariable(FIELD_ANSWER_REASONS);
        return;
      }
      task.getExecution().setVariable(FIELD_REPRESENTATION_DISCOVERED, "NONE");
      Outcome outcome;
      try {
        outcome = Outcome.valueOf(OUTCOME.from(task));
      } catch (RuntimeException e) {
        throw new RefusedStepException("Kies een uitkomst (GRANTED, PARTIALLY_GRANTED, REFUSED of NO_DATA).");
      }
      String reasons = CurrentUser.text(task, FIELD_ANSWER_REASONS);
      task.getExecution().removeVariable(FIELD_ANSWER_REASONS);
      // the drafter is the first pair of eyes of a refusal (principle 6): recorded with the draft and for the listener
      String user = CurrentUser.of(task);
      drafts.draft(reference, outcome, reasons, user);
      fourEyes.recordFirstStep(task, ANSWER_DRAFTER, user);
    };
  }

  /** The second pair of eyes on a drafted refusal: checked against the draft in the product's table. */
  @Bean
  TaskListener refusalApprovalListener(AnswerDrafts drafts) {
    return task -> {
      String reference = REFERENCE.required(task);
      Boolean approved = REFUSAL_APPROVED.from(task);
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de weigering is goedgekeurd.");
      }
      String comment = CurrentUser.text(task, FIELD_APPROVAL_COMMENT);
      task.getExecution().removeVariable(FIELD_APPROVAL_COMMENT);
      drafts.review(reference, approved, comment, CurrentUser.of(task));
    };
  }

  @Bean
  TaskListener representationCheckListener(RepresentationChecks checks) {
    return task -> {
      String reference = REFERENCE.required(task);
      Boolean proven = AUTHORITY_PROVEN.from(task);
      if (proven == null) {
        throw new RefusedStepException("Geef aan of de bevoegdheid is aangetoond.");
      }
      String note = CurrentUser.text(task, FIELD_REPRESENTATION_NOTE);
      task.getExecution().removeVariable(FIELD_REPRESENTATION_NOTE);
      // the discovered representation has been checked now; the next decision starts clean
      task.getExecution().setVariable(FIELD_REPRESENTATION_DISCOVERED, "NONE");
      try {
        checks.record(reference, CurrentUser.text(task, FIELD_EVIDENCE_TYPE),
            CurrentUser.text(task, FIELD_EVIDENCE_DATE), proven, note, CurrentUser.of(task));
      } catch (ApiProblemException e) {
        throw new RefusedStepException("Vul de datum van het bewijs in als datum (JJJJ-MM-DD).");
      }
    };
  }

  @Bean
  TaskListener extensionTaskListener(ExtensionService extensions) {
    return task -> {
      String reference = REFERENCE.required(task);
      String reasonCode = CurrentUser.text(task, FIELD_EXTENSION_REASON);
      String justification = CurrentUser.text(task, FIELD_EXTENSION_JUSTIFICATION);
      task.getExecution().removeVariable(FIELD_EXTENSION_JUSTIFICATION);
      ExtensionReason reason;
      try {
        reason = ExtensionReason.valueOf(reasonCode);
      } catch (RuntimeException e) {
        throw new RefusedStepException("Kies de reden: COMPLEXITY of NUMBER_OF_REQUESTS (DL-6).");
      }
      try {
        extensions.extend(reference, reason, justification, CurrentUser.of(task), true);
      } catch (ApiProblemException e) {
        // a conflict is a rule about the moment (too late, already extended, closed); anything else is the input
        throw new RefusedStepException(e.status() == HttpStatus.CONFLICT ? Kind.NOT_ALLOWED : Kind.INVALID_INPUT,
            "Verlenging geweigerd: " + e.detail());
      }
    };
  }
}
