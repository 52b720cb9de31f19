package nl.ymere.privacy.erasure;

import static nl.ymere.privacy.erasure.ErasureProcess.Variables.ERASURE_LIST_CONFIRMED;
import static nl.ymere.privacy.erasure.ErasureProcess.Variables.ERASURE_PROPOSER;
import static nl.ymere.privacy.erasure.ErasureProcess.Variables.OUTCOME;
import static nl.ymere.privacy.erasure.ErasureProcess.Variables.REFERENCE;

import nl.ymere.privacy.erasure.ErasureProcess.Variables;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates and task listeners of {@code dsr-erasure.bpmn}; each calls one {@link ErasureService} method. */
@Configuration
class ErasureDelegates {

  @Bean
  JavaDelegate collectErasureItemsDelegate(ErasureService service) {
    return execution -> service.collect(REFERENCE.required(execution));
  }

  /** Create listener of both tasks: the current list as the task description, so Tasklist shows it. */
  @Bean
  TaskListener erasureListDescriptionListener(ErasureService service) {
    return task -> task.setDescription(service.summary(REFERENCE.required(task)));
  }

  /**
   * Complete listener of the proposal task: the optional tenancy number goes to the product table (and the items it
   * finds onto the list), the handler's changes are checked and stored (ERA-2, RET-4), and the handler is recorded
   * as the first pair of eyes (ERA-4) from the engine authentication, with the recipients who cannot be told (REQ-6).
   * All form fields leave the process.
   */
  @Bean
  TaskListener erasureProposalListener(ErasureService service, FourEyesSteps fourEyes) {
    return task -> {
      String reference = REFERENCE.required(task);
      String tenancyNumber = CurrentUser.text(task, Variables.FIELD_TENANCY_NUMBER);
      String changes = CurrentUser.text(task, Variables.FIELD_ITEM_DECISIONS);
      String recipientExceptions = CurrentUser.text(task, Variables.FIELD_RECIPIENT_EXCEPTIONS);
      task.getExecution().removeVariable(Variables.FIELD_TENANCY_NUMBER);
      task.getExecution().removeVariable(Variables.FIELD_ITEM_DECISIONS);
      task.getExecution().removeVariable(Variables.FIELD_RECIPIENT_EXCEPTIONS);
      if (tenancyNumber != null) {
        service.setTenancyNumber(reference, tenancyNumber);
        service.collect(reference);
      }
      String user = CurrentUser.of(task);
      service.propose(reference, changes, recipientExceptions, user);
      fourEyes.recordFirstStep(task, ERASURE_PROPOSER, user);
    };
  }

  /** Complete listener of the confirmation (after the four-eyes listener refused the proposer, ERA-4). */
  @Bean
  TaskListener erasureConfirmationListener(ErasureService service) {
    return task -> {
      Object verdict = task.getVariable(ERASURE_LIST_CONFIRMED.name());
      if (verdict != null && !(verdict instanceof Boolean)) {
        // bad input from a hand-made form submission: refused, the completion is rolled back
        throw new ErasureRefusedException("Het veld 'Wislijst bevestigd' moet aan- of uitgevinkt zijn (ja/nee).");
      }
      if (Boolean.TRUE.equals(verdict)) {
        service.confirm(REFERENCE.required(task), CurrentUser.of(task));
      } else {
        ERASURE_LIST_CONFIRMED.set(task.getExecution(), false);
      }
    };
  }

  @Bean
  JavaDelegate executeErasureDelegate(ErasureService service) {
    return execution -> service.execute(REFERENCE.required(execution));
  }

  /** ERA-5, RET-6: the person's other finished process instances leave the engine history. */
  @Bean
  JavaDelegate removeOtherHistoryDelegate(ErasureHistoryRemoval removal) {
    return execution -> removal.removeOtherHistory(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendErasureLetterDelegate(ErasureService service) {
    return execution -> OUTCOME.set(execution, service.sendLetter(REFERENCE.required(execution)).name());
  }
}
