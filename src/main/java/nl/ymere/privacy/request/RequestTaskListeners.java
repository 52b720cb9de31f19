package nl.ymere.privacy.request;

import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.ANSWER_DRAFTER;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.AUTHORITY_PROVEN;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.OUTCOME;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.REFERENCE;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.REFUSAL_APPROVED;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the request's user tasks. Free text a form submits (reasons, justifications) is moved into
 * the product's tables and removed from the process before the transaction commits (DESIGN principle 2); the
 * completing user is taken from the engine authentication, never from a form field (principle 6).
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

  static final int MIN_REASONS = 20;

  @Bean
  TaskListener answerDraftListener(RequestSteps steps, RepresentationChecks representationChecks, FourEyesSteps fourEyes) {
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
      String outcomeCode = OUTCOME.from(task);
      Outcome outcome;
      try {
        outcome = Outcome.valueOf(outcomeCode);
      } catch (RuntimeException e) {
        throw new ProcessEngineException("Kies een uitkomst (GRANTED, PARTIALLY_GRANTED, REFUSED of NO_DATA).");
      }
      if (outcome == Outcome.NOT_PROCESSABLE || outcome == Outcome.WITHDRAWN) {
        // WITHDRAWN is recorded, NOT_PROCESSABLE comes only from the identity/authority path
        if (outcome == Outcome.NOT_PROCESSABLE) {
          throw new ProcessEngineException("NOT_PROCESSABLE volgt alleen uit de identiteits- of "
              + "bevoegdheidscontrole.");
        }
      }
      String reasons = CurrentUser.text(task, FIELD_ANSWER_REASONS);
      task.getExecution().removeVariable(FIELD_ANSWER_REASONS);
      if (outcome.isRefusal() && (reasons == null || reasons.length() < MIN_REASONS)) {
        throw new ProcessEngineException("Een (gedeeltelijke) weigering vraagt om een zaakspecifieke motivering "
            + "(LET-3) van minstens " + MIN_REASONS + " tekens.");
      }
      String user = CurrentUser.of(task);
      if (user == null) {
        // the drafter is the first pair of eyes of a refusal (principle 6): it must be a logged-in person
        throw new ProcessEngineException("Het antwoord kan alleen door een ingelogde gebruiker worden opgesteld.");
      }
      if (reasons != null) {
        steps.recordNote(reference, RequestNotes.ANSWER_REASONS, reasons, user);
      }
      fourEyes.recordFirstStep(task, ANSWER_DRAFTER, user);
      steps.recordEvent(reference, "ANSWER_DRAFTED_" + outcome.name(), user);
    };
  }

  @Bean
  TaskListener refusalApprovalListener(RequestSteps steps) {
    return task -> {
      String reference = REFERENCE.required(task);
      Boolean approved = REFUSAL_APPROVED.from(task);
      if (approved == null) {
        throw new ProcessEngineException("Geef aan of de weigering is goedgekeurd.");
      }
      String comment = CurrentUser.text(task, FIELD_APPROVAL_COMMENT);
      task.getExecution().removeVariable(FIELD_APPROVAL_COMMENT);
      String user = CurrentUser.of(task);
      if (comment != null) {
        steps.recordNote(reference, RequestNotes.APPROVAL_COMMENT, comment, user);
      }
      steps.recordEvent(reference, approved ? "REFUSAL_APPROVED" : "REFUSAL_SENT_BACK", user);
    };
  }

  @Bean
  TaskListener representationCheckListener(RepresentationChecks checks) {
    return task -> {
      String reference = REFERENCE.required(task);
      Boolean proven = AUTHORITY_PROVEN.from(task);
      if (proven == null) {
        throw new ProcessEngineException("Geef aan of de bevoegdheid is aangetoond.");
      }
      String note = CurrentUser.text(task, FIELD_REPRESENTATION_NOTE);
      task.getExecution().removeVariable(FIELD_REPRESENTATION_NOTE);
      // the discovered representation has been checked now; the next decision starts clean
      task.getExecution().setVariable(FIELD_REPRESENTATION_DISCOVERED, "NONE");
      checks.record(reference, CurrentUser.text(task, FIELD_EVIDENCE_TYPE),
          CurrentUser.text(task, FIELD_EVIDENCE_DATE), proven, note, CurrentUser.of(task));
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
        throw new ProcessEngineException("Kies de reden: COMPLEXITY of NUMBER_OF_REQUESTS (DL-6).");
      }
      try {
        extensions.extend(reference, reason, justification, CurrentUser.of(task), true);
      } catch (nl.ymere.privacy.web.ApiProblemException e) {
        throw new ProcessEngineException("Verlenging geweigerd: " + e.detail());
      }
    };
  }
}
