package nl.ymere.privacy.complaint;

import static nl.ymere.privacy.process.TaskFields.take;
import static nl.ymere.privacy.process.TaskFields.flag;
import static nl.ymere.privacy.process.TaskFields.user;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.ANSWER_APPROVED;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.BREACH_ALREADY_REPORTED;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.BREACH_ASSESSMENT;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.COMPLAINT_DRAFTER;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.COMPLAINT_OUTCOME;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.COMPLAINT_REFERENCE;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.LINKED_BREACH_REFERENCE;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.LINKED_REQUEST_REFERENCE;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.POSSIBLE_BREACH;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.RIGHTS_REQUEST_FOUND;
import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.RIGHTS_REQUEST_RIGHT;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the complaint's user tasks. Free text (investigation notes, the answer, an approver's
 * remark) moves into the complaint tables and is removed from the process before the transaction commits (DESIGN
 * principle 2); the acting user is the engine authentication, never a form field (principle 6).
 */
@Configuration
class ComplaintTaskListeners {

  /** Form fields that never stay in the process. */
  static final String FIELD_ABOUT_REQUEST = "aboutRequestReference";
  static final String FIELD_BREACH_REFERENCE = "breachReference";
  static final String FIELD_INVESTIGATION_NOTE = "investigationNote";
  static final String FIELD_DATA_ERASED = "dataErasedAtRequest";
  static final String FIELD_ANSWER_TEXT = "answerText";
  static final String FIELD_APPROVAL_NOTE = "approvalNote";
  static final String FIELD_BREACH_DESCRIPTION = "breachDescription";
  static final String FIELD_BREACH_CATEGORY = "breachDataCategory";
  static final String FIELD_BREACH_PERSONS = "breachPersonsEstimate";

  /** CMP-1: the desk's triage of {@code forms/triage-complaint.form}. */
  @Bean
  TaskListener complaintTriageListener(ComplaintService complaints) {
    return task -> {
      String about = take(task, FIELD_ABOUT_REQUEST);
      String breachDescription = take(task, FIELD_BREACH_DESCRIPTION);
      String breachCategory = take(task, FIELD_BREACH_CATEGORY);
      Object persons = task.getVariable(FIELD_BREACH_PERSONS);
      task.removeVariable(FIELD_BREACH_PERSONS);
      task.getExecution().removeVariable(FIELD_BREACH_PERSONS);
      boolean rightsRequest = flag(task, RIGHTS_REQUEST_FOUND.name());
      boolean breach = flag(task, POSSIBLE_BREACH.name());
      boolean alreadyReported = breach && flag(task, BREACH_ALREADY_REPORTED.name());
      String right = rightsRequest ? CurrentUser.text(task, RIGHTS_REQUEST_RIGHT.name()) : null;
      ComplaintService.TriageResult result = complaints.triage(COMPLAINT_REFERENCE.required(task), rightsRequest,
          right, breach, about, user(task));
      RIGHTS_REQUEST_FOUND.set(task.getExecution(), rightsRequest);
      POSSIBLE_BREACH.set(task.getExecution(), breach);
      BREACH_ALREADY_REPORTED.set(task.getExecution(), alreadyReported);
      if (breach && !alreadyReported) {
        // CMP-1, BRE-1: a revealed breach is reported at once and starts data-breach (channel COMPLAINT)
        LINKED_BREACH_REFERENCE.set(task.getExecution(), complaints.reportBreach(COMPLAINT_REFERENCE.required(task),
            breachDescription, breachCategory, persons, user(task)));
      }
      if (result.linkedRequestReference() != null) {
        LINKED_REQUEST_REFERENCE.set(task.getExecution(), result.linkedRequestReference());
      }
    };
  }

  /** CMP-1, BRE: the privacy officer links a breach the triage found already reported (its DL reference). */
  @Bean
  TaskListener complaintBreachAssessmentListener(ComplaintService complaints) {
    return task -> {
      String breachReference = take(task, FIELD_BREACH_REFERENCE);
      String assessment = CurrentUser.text(task, BREACH_ASSESSMENT.name());
      complaints.recordBreachAssessment(COMPLAINT_REFERENCE.required(task), assessment, breachReference, user(task));
    };
  }

  /** The handler's investigation; the note goes to the complaint's events (product table). */
  @Bean
  TaskListener complaintInvestigationListener(ComplaintService complaints) {
    return task -> {
      String note = take(task, FIELD_INVESTIGATION_NOTE);
      boolean erased = flag(task, FIELD_DATA_ERASED);
      task.getExecution().removeVariable(FIELD_DATA_ERASED);
      complaints.recordInvestigation(COMPLAINT_REFERENCE.required(task), note, erased, user(task));
    };
  }

  /** The answer draft: the drafter is the first step of the four-eyes pair (principle 6). */
  @Bean
  TaskListener complaintAnswerDraftListener(ComplaintService complaints, FourEyesSteps fourEyes) {
    return task -> {
      String answer = take(task, FIELD_ANSWER_TEXT);
      String user = user(task);
      ComplaintOutcome outcome = complaints.draftAnswer(COMPLAINT_REFERENCE.required(task),
          CurrentUser.text(task, COMPLAINT_OUTCOME.name()), answer, user);
      task.getExecution().setVariable(COMPLAINT_OUTCOME.name(), outcome.name());
      if (outcome.needsApproval()) {
        fourEyes.recordFirstStep(task, COMPLAINT_DRAFTER, user);
      }
    };
  }

  /** The privacy officer's approval (another user than the drafter: the four-eyes listener and the service). */
  @Bean
  TaskListener complaintAnswerApprovalListener(ComplaintService complaints) {
    return task -> {
      String note = take(task, FIELD_APPROVAL_NOTE);
      boolean approved = flag(task, ANSWER_APPROVED.name());
      complaints.decideApproval(COMPLAINT_REFERENCE.required(task), approved, note, user(task));
      ANSWER_APPROVED.set(task.getExecution(), approved);
    };
  }
}
