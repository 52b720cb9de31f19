package nl.ymere.privacy.processor;

import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.AGREEMENT_APPROVED;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.AGREEMENT_REFERENCE;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.CHECKLIST_COMPLETE;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.END_ACTION;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.FG_ADVICE;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.MANAGEMENT_APPROVED;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.MISSING_ELEMENTS;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.PARTY_ROLE;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.PREPARER;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.REVIEW_OUTCOME;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.TRANSFER_SAFEGUARDS_COMPLETE;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the user tasks of {@code processor-agreement.bpmn}: they record the form's answers in the
 * register, move free text out of the process (DESIGN principle 2) and take the completing user from the engine
 * authentication, never from a form field (principle 6).
 */
@Configuration
class ProcessorTaskListeners {

  static final String FIELD_BREACH_NOTICE_HOURS = "breachNoticeHours";
  static final String FIELD_SUB_PROCESSING = "subProcessingAuthorisation";
  static final String FIELD_SCC_MODULE = "sccModule";
  static final String FIELD_ANNEXES_COMPLETE = "sccAnnexesComplete";
  static final String FIELD_TIA_REFERENCE = "tiaReference";
  static final String FIELD_FG_ADVICE_TEXT = "fgAdviceText";
  static final String FIELD_APPROVAL_COMMENT = "approvalComment";
  static final String FIELD_REVIEW_NOTE = "reviewNote";
  static final String FIELD_DATA_CONFIRMED = "dataReturnedOrDeleted";

  /** Both checklists (processor: Art 28(3), PRC-2; covenant: PRC-6). Missing elements send the draft back. */
  @Bean
  TaskListener checklistListener(AgreementSteps steps, FourEyesSteps fourEyes) {
    return task -> {
      String reference = AGREEMENT_REFERENCE.required(task);
      PartyRole role = PartyRole.valueOf(PARTY_ROLE.required(task));
      Set<ChecklistElement> marked = EnumSet.noneOf(ChecklistElement.class);
      Map<ChecklistElement, String> clauses = new HashMap<>();
      for (ChecklistElement element : ChecklistElement.values()) {
        if (Boolean.TRUE.equals(task.getVariable(element.fieldKey()))) {
          marked.add(element);
        }
        String clause = CurrentUser.text(task, element.clauseFieldKey());
        if (clause != null) {
          clauses.put(element, clause.length() > 100 ? clause.substring(0, 100) : clause);
        }
        task.getExecution().removeVariable(element.fieldKey());
        task.getExecution().removeVariable(element.clauseFieldKey());
      }
      Integer hours = number(task, FIELD_BREACH_NOTICE_HOURS);
      String subProcessing = CurrentUser.text(task, FIELD_SUB_PROCESSING);
      task.getExecution().removeVariable(FIELD_BREACH_NOTICE_HOURS);
      task.getExecution().removeVariable(FIELD_SUB_PROCESSING);
      String user = CurrentUser.of(task);
      List<ChecklistElement> missing = steps.recordChecklist(reference, marked, clauses,
          role == PartyRole.PROCESSOR ? hours : null, role == PartyRole.PROCESSOR ? subProcessing : null, user);
      CHECKLIST_COMPLETE.set(task.getExecution(), missing.isEmpty());
      MISSING_ELEMENTS.set(task.getExecution(), AgreementSteps.codes(missing));
      fourEyes.recordFirstStep(task, PREPARER, user);
    };
  }

  /** PRC-4: the exception's safeguards for a processing location outside the EEA without adequacy. */
  @Bean
  TaskListener transferSafeguardsListener(AgreementSteps steps) {
    return task -> {
      Integer module = number(task, FIELD_SCC_MODULE);
      boolean annexes = Boolean.TRUE.equals(task.getVariable(FIELD_ANNEXES_COMPLETE));
      String tia = CurrentUser.text(task, FIELD_TIA_REFERENCE);
      task.getExecution().removeVariable(FIELD_TIA_REFERENCE);
      task.getExecution().removeVariable(FIELD_ANNEXES_COMPLETE);
      task.getExecution().removeVariable(FIELD_SCC_MODULE);
      boolean complete = steps.recordTransferSafeguards(AGREEMENT_REFERENCE.required(task), module, annexes,
          tia == null ? null : tia.substring(0, Math.min(200, tia.length())), CurrentUser.of(task));
      TRANSFER_SAFEGUARDS_COMPLETE.set(task.getExecution(), complete);
    };
  }

  /** The FG advises (Art 38(6): advice, not the decision). */
  @Bean
  TaskListener transferFgAdviceListener(AgreementSteps steps) {
    return task -> {
      String advice = CurrentUser.text(task, FG_ADVICE.name());
      if (!"POSITIVE".equals(advice) && !"NEGATIVE".equals(advice)) {
        throw new RefusedStepException("Kies het advies: POSITIVE of NEGATIVE.");
      }
      String text = CurrentUser.text(task, FIELD_FG_ADVICE_TEXT);
      task.getExecution().removeVariable(FIELD_FG_ADVICE_TEXT);
      steps.recordFgAdvice(AGREEMENT_REFERENCE.required(task), advice, CurrentUser.of(task));
      if (text != null) {
        steps.recordNote(AGREEMENT_REFERENCE.required(task), "FG_ADVICE_TEXT", text, CurrentUser.of(task));
      }
    };
  }

  @Bean
  TaskListener managementApprovalListener(AgreementSteps steps) {
    return task -> {
      Boolean approved = MANAGEMENT_APPROVED.from(task);
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de doorgifte is goedgekeurd.");
      }
      steps.recordManagementDecision(AGREEMENT_REFERENCE.required(task), approved, CurrentUser.of(task));
    };
  }

  /**
   * Second pair of eyes (the four-eyes listener has refused the preparer before this runs; the service checks the
   * checklist and preparer again in the processor tables). {@code agreementApprover} only mirrors the approver.
   */
  @Bean
  TaskListener agreementApprovalListener(AgreementSteps steps) {
    return task -> {
      Boolean approved = AGREEMENT_APPROVED.from(task);
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de overeenkomst is goedgekeurd.");
      }
      String comment = CurrentUser.text(task, FIELD_APPROVAL_COMMENT);
      task.getExecution().removeVariable(FIELD_APPROVAL_COMMENT);
      String user = CurrentUser.of(task);
      steps.recordApproval(AGREEMENT_REFERENCE.required(task), task.getProcessInstanceId(), approved, comment, user);
      task.getExecution().setVariable(ProcessorDelegates.APPROVER, user);
    };
  }

  /** PRC-5: the periodic review continues the agreement (next review scheduled) or ends it. */
  @Bean
  TaskListener periodicReviewListener(AgreementSteps steps) {
    return task -> {
      String outcome = REVIEW_OUTCOME.from(task);
      if (!ProcessorAgreementProcess.REVIEW_CONTINUE.equals(outcome)
          && !ProcessorAgreementProcess.REVIEW_TERMINATE.equals(outcome)) {
        throw new RefusedStepException("Kies de uitkomst: CONTINUE of TERMINATE.");
      }
      String note = CurrentUser.text(task, FIELD_REVIEW_NOTE);
      task.getExecution().removeVariable(FIELD_REVIEW_NOTE);
      steps.recordReview(AGREEMENT_REFERENCE.required(task), outcome, note, CurrentUser.of(task));
    };
  }

  /** Art 28(3)(g): return or deletion, at the corporation's choice, is confirmed before the file closes. */
  @Bean
  TaskListener endConfirmationListener(AgreementSteps steps) {
    return task -> {
      String action = END_ACTION.from(task);
      if (action == null || !AgreementSteps.END_ACTIONS.contains(action)) {
        throw new RefusedStepException("Kies wat de corporatie heeft gekozen: RETURN of DELETE.");
      }
      if (!Boolean.TRUE.equals(task.getVariable(FIELD_DATA_CONFIRMED))) {
        throw new RefusedStepException("Bevestig dat de gegevens zijn teruggegeven of gewist.");
      }
      steps.confirmEnd(AGREEMENT_REFERENCE.required(task), action, CurrentUser.of(task));
    };
  }

  private static Integer number(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new RefusedStepException("Veld " + field + " moet een geheel getal zijn.");
    }
  }
}
