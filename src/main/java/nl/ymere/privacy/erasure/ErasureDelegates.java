package nl.ymere.privacy.erasure;

import static nl.ymere.privacy.erasure.ErasureProcess.Variables.ERASURE_LIST_CONFIRMED;
import static nl.ymere.privacy.erasure.ErasureProcess.Variables.ERASURE_PROPOSER;
import static nl.ymere.privacy.erasure.ErasureProcess.Variables.OUTCOME;
import static nl.ymere.privacy.erasure.ErasureProcess.Variables.REFERENCE;

import nl.ymere.privacy.erasure.ErasureProcess.Variables;
import nl.ymere.privacy.process.CurrentUser;
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
   * as the first pair of eyes (ERA-4) from the engine authentication. Both form fields leave the process.
   */
  @Bean
  TaskListener erasureProposalListener(ErasureService service) {
    return task -> {
      String reference = REFERENCE.required(task);
      String tenancyNumber = CurrentUser.text(task, Variables.FIELD_TENANCY_NUMBER);
      String changes = CurrentUser.text(task, Variables.FIELD_ITEM_DECISIONS);
      task.getExecution().removeVariable(Variables.FIELD_TENANCY_NUMBER);
      task.getExecution().removeVariable(Variables.FIELD_ITEM_DECISIONS);
      if (tenancyNumber != null) {
        service.setTenancyNumber(reference, tenancyNumber);
        service.collect(reference);
      }
      String user = CurrentUser.of(task);
      service.propose(reference, changes, user);
      ERASURE_PROPOSER.set(task.getExecution(), user);
    };
  }

  /** Complete listener of the confirmation (after the four-eyes listener refused the proposer, ERA-4). */
  @Bean
  TaskListener erasureConfirmationListener(ErasureService service) {
    return task -> {
      if (Boolean.TRUE.equals(ERASURE_LIST_CONFIRMED.from(task))) {
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

  @Bean
  JavaDelegate sendErasureLetterDelegate(ErasureService service) {
    return execution -> OUTCOME.set(execution, service.sendLetter(REFERENCE.required(execution)).name());
  }
}
