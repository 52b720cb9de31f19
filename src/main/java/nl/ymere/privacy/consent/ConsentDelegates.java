package nl.ymere.privacy.consent;

import nl.ymere.privacy.consent.ConsentWithdrawalProcess.Variables;
import nl.ymere.privacy.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates of {@code consent-withdrawal.bpmn}: each reads codes and calls one {@link ConsentPropagation} step. */
@Configuration
class ConsentDelegates {

  /** Complete listener of Task_ConfirmPropagation: the checkbox, the authenticated user, the step id. */
  @Bean
  TaskListener propagationConfirmedListener(ConsentPropagation propagation) {
    return task -> {
      Object confirmed = task.getVariable(Variables.PROPAGATION_CONFIRMED);
      propagation.confirm(stepOf(task), task.getProcessInstanceId(), Boolean.TRUE.equals(confirmed),
          CurrentUser.of(task));
    };
  }

  @Bean
  JavaDelegate escalateLatePropagationDelegate(ConsentPropagation propagation) {
    return execution -> propagation.escalate(String.valueOf(execution.getVariable(Variables.PROPAGATION_STEP)),
        execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate prepareErasureListDelegate(ConsentPropagation propagation) {
    return execution -> propagation.prepareErasureList(reference(execution), execution.getProcessInstanceId());
  }

  /** Complete listener of Task_ApproveErasureList: the checkbox and the authenticated user (four eyes, item 7). */
  @Bean
  TaskListener erasureListApprovedListener(ConsentPropagation propagation) {
    return task -> propagation.approveErasureList(task.getExecution().getProcessBusinessKey(),
        task.getProcessInstanceId(), Boolean.TRUE.equals(task.getVariable(Variables.ERASURE_LIST_APPROVED)),
        CurrentUser.of(task));
  }

  @Bean
  JavaDelegate eraseConsentOnlyDataDelegate(ConsentPropagation propagation) {
    return execution -> propagation.eraseConsentOnlyData(reference(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate sendWithdrawalConfirmationDelegate(ConsentPropagation propagation) {
    return execution -> propagation.sendConfirmation(reference(execution), execution.getProcessInstanceId());
  }

  private static String stepOf(DelegateTask task) {
    return String.valueOf(task.getVariable(Variables.PROPAGATION_STEP));
  }

  private static String reference(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
