package nl.ymere.privacy.rectification;

import static nl.ymere.privacy.rectification.RectificationProcess.Variables.APPLIER;
import static nl.ymere.privacy.rectification.RectificationProcess.Variables.APPLY_GROUPS;
import static nl.ymere.privacy.rectification.RectificationProcess.Variables.CHANGES_CHECKED;
import static nl.ymere.privacy.rectification.RectificationProcess.Variables.OUTCOME;
import static nl.ymere.privacy.rectification.RectificationProcess.Variables.REFERENCE;
import static nl.ymere.privacy.rectification.RectificationProcess.Variables.REFUSAL_CONFIRMED;

import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.rectification.RectificationProcess.Variables;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates and task listeners of {@code dsr-rectification.bpmn}; each calls one {@link RectificationService} method. */
@Configuration
class RectificationDelegates {

  /** Create listener of every task: the recorded changes (ids, items, field names, status; no values). */
  @Bean
  TaskListener rectificationChangesDescriptionListener(RectificationService service) {
    return task -> task.setDescription(service.summary(REFERENCE.required(task)));
  }

  /** Complete listener of the recording task: at least one change; the apply task goes to the owning departments. */
  @Bean
  TaskListener rectificationRecordedListener(RectificationService service) {
    return task -> {
      String reference = REFERENCE.required(task);
      APPLY_GROUPS.set(task.getExecution(), service.recorded(reference, CurrentUser.of(task)));
      task.getExecution().setVariable(Variables.PROPOSED_CHANGES, service.changes(reference).size());
    };
  }

  /** Complete listener of the apply task: the department applies what it did not refuse (REC-1, SEC-1). */
  @Bean
  TaskListener rectificationApplyListener(RectificationService service, FourEyesSteps fourEyes) {
    return task -> {
      if (!Boolean.TRUE.equals(CHANGES_CHECKED.from(task))) {
        throw new RefusedStepException("Bevestig dat u elke voorgestelde wijziging heeft beoordeeld.");
      }
      DataReader reader = DataReader.current(task.getProcessEngineServices().getIdentityService());
      int refused = service.apply(REFERENCE.required(task), reader);
      task.getExecution().setVariable(Variables.REFUSED_CHANGES, refused);
      fourEyes.recordFirstStep(task, APPLIER, reader.userId());
    };
  }

  /** Complete listener of the refusal confirmation (after the four-eyes listener refused the applier, LET-3). */
  @Bean
  TaskListener rectificationRefusalConfirmationListener(RectificationService service) {
    return task -> {
      boolean confirmed = Boolean.TRUE.equals(REFUSAL_CONFIRMED.from(task));
      service.confirmRefusal(REFERENCE.required(task), confirmed, CurrentUser.of(task));
      REFUSAL_CONFIRMED.set(task.getExecution(), confirmed);
    };
  }

  @Bean
  JavaDelegate informRectificationRecipientsDelegate(RectificationService service) {
    return execution -> service.informRecipients(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendRectificationLetterDelegate(RectificationService service) {
    return execution -> OUTCOME.set(execution, service.sendLetter(REFERENCE.required(execution)).name());
  }
}
