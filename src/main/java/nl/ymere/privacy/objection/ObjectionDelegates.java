package nl.ymere.privacy.objection;

import static nl.ymere.privacy.objection.ObjectionProcess.Variables.BALANCE_CONFIRMED;
import static nl.ymere.privacy.objection.ObjectionProcess.Variables.COMPELLING_GROUNDS;
import static nl.ymere.privacy.objection.ObjectionProcess.Variables.OBJECTION_SCOPE;
import static nl.ymere.privacy.objection.ObjectionProcess.Variables.OBJECTION_WEIGHER;
import static nl.ymere.privacy.objection.ObjectionProcess.Variables.OUTCOME;
import static nl.ymere.privacy.objection.ObjectionProcess.Variables.REFERENCE;

import nl.ymere.privacy.objection.ObjectionProcess.Variables;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates and task listeners of {@code dsr-objection.bpmn}; each calls one {@link ObjectionService} method. */
@Configuration
class ObjectionDelegates {

  /** The desk records what the objection is against when the intake did not say (OBJ-1, OBJ-2). */
  @Bean
  TaskListener objectionScopeListener(ObjectionService service) {
    return task -> service.recordScope(REFERENCE.required(task), OBJECTION_SCOPE.from(task), CurrentUser.of(task));
  }

  @Bean
  JavaDelegate stopDirectMarketingDelegate(ObjectionService service) {
    return execution -> service.stopDirectMarketing(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate restrictPendingObjectionDelegate(ObjectionService service) {
    return execution -> service.restrictPendingDecision(REFERENCE.required(execution));
  }

  /** Create listener of both tasks: the items objected to as the task description, so Tasklist shows them. */
  @Bean
  TaskListener objectionItemsDescriptionListener(ObjectionService service) {
    return task -> task.setDescription(service.summary(REFERENCE.required(task)));
  }

  /** The balance goes to the product table; the weigher is the first pair of eyes (OBJ-3). */
  @Bean
  TaskListener objectionWeighingListener(ObjectionService service, FourEyesSteps fourEyes) {
    return task -> {
      String reference = REFERENCE.required(task);
      String tenancyNumber = CurrentUser.text(task, Variables.FIELD_TENANCY_NUMBER);
      String reasons = CurrentUser.text(task, Variables.FIELD_BALANCING_REASONS);
      task.getExecution().removeVariable(Variables.FIELD_TENANCY_NUMBER);
      task.getExecution().removeVariable(Variables.FIELD_BALANCING_REASONS);
      service.addTenancyNumber(reference, tenancyNumber);
      String user = CurrentUser.of(task);
      service.weigh(reference, COMPELLING_GROUNDS.from(task), reasons, user);
      fourEyes.recordFirstStep(task, OBJECTION_WEIGHER, user);
    };
  }

  @Bean
  TaskListener objectionBalanceConfirmationListener(ObjectionService service) {
    return task -> {
      if (Boolean.TRUE.equals(BALANCE_CONFIRMED.from(task))) {
        service.confirm(REFERENCE.required(task), CurrentUser.of(task));
      } else {
        BALANCE_CONFIRMED.set(task.getExecution(), false);
      }
    };
  }

  @Bean
  JavaDelegate keepProcessingStoppedDelegate(ObjectionService service) {
    return execution -> service.upheld(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate liftRestrictionAfterNoticeDelegate(ObjectionService service) {
    return execution -> service.liftAfterNotice(REFERENCE.required(execution));
  }

  /** Scope and balance are read from the product's table, not from the variables (OBJ-3, issue 14). */
  @Bean
  JavaDelegate sendObjectionLetterDelegate(ObjectionService service) {
    return execution -> OUTCOME.set(execution, service.sendLetter(REFERENCE.required(execution)).name());
  }
}
