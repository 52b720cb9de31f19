package nl.ymere.privacy.restriction;

import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.GROUND;
import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.OUTCOME;
import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.REFERENCE;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.restriction.RestrictionProcess.Variables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates and task listeners of {@code dsr-restriction.bpmn}; each calls one {@link RestrictionService} method. */
@Configuration
class RestrictionDelegates {

  /** Create listener: the person's items as the task description, so Tasklist shows what can be chosen. */
  @Bean
  TaskListener restrictionItemsDescriptionListener(RestrictionService service) {
    return task -> task.setDescription(service.summary(REFERENCE.required(task)));
  }

  /** Complete listener: the choice goes to the product table (RES-1); the free-text fields leave the process. */
  @Bean
  TaskListener restrictionChoiceListener(RestrictionService service) {
    return task -> {
      String tenancyNumber = CurrentUser.text(task, Variables.FIELD_TENANCY_NUMBER);
      String lines = CurrentUser.text(task, Variables.FIELD_ITEMS);
      task.getExecution().removeVariable(Variables.FIELD_TENANCY_NUMBER);
      task.getExecution().removeVariable(Variables.FIELD_ITEMS);
      service.choose(REFERENCE.required(task), tenancyNumber, GROUND.from(task), lines, CurrentUser.of(task));
    };
  }

  @Bean
  JavaDelegate applyRestrictionDelegate(RestrictionService service) {
    return execution -> service.apply(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate informRestrictionRecipientsDelegate(RestrictionService service) {
    return execution -> service.informRecipients(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendRestrictionLetterDelegate(RestrictionService service) {
    return execution -> OUTCOME.set(execution, service.sendLetter(REFERENCE.required(execution)).name());
  }

  @Bean
  JavaDelegate sendRestrictionLiftNoticeDelegate(RestrictionService service) {
    return execution -> service.sendLiftNotice(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate liftRestrictionDelegate(RestrictionService service) {
    return execution -> service.lift(REFERENCE.required(execution));
  }
}
