package nl.ymere.privacy.restriction;

import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.DECISION;
import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.GROUND;
import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.OUTCOME;
import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.REFERENCE;
import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.REFUSAL_CONFIRMED;
import static nl.ymere.privacy.restriction.RestrictionProcess.Variables.REFUSAL_DRAFTER;

import java.util.Arrays;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.restriction.RestrictionProcess.Decision;
import nl.ymere.privacy.restriction.RestrictionProcess.Variables;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates and task listeners of {@code dsr-restriction.bpmn}; each calls one {@link RestrictionService} method. */
@Configuration
class RestrictionDelegates {

  /**
   * Create listener: the person's items as the task description, so Tasklist shows what can be chosen. A refusal sent
   * back leaves its decision behind; it is cleared so the handler decides afresh (absent means RESTRICT).
   */
  @Bean
  TaskListener restrictionItemsDescriptionListener(RestrictionService service) {
    return task -> {
      DECISION.remove(task.getExecution());
      REFUSAL_CONFIRMED.remove(task.getExecution());
      task.setDescription(service.summary(REFERENCE.required(task)));
    };
  }

  /**
   * Complete listener: the choice goes to the product table (RES-1), or the proposed refusal with its reasons when no
   * RES-1 ground applies (the proposer is the first pair of eyes); the free-text fields leave the process.
   */
  @Bean
  TaskListener restrictionChoiceListener(RestrictionService service, RestrictionRefusalService refusals, FourEyesSteps fourEyes) {
    return task -> {
      String tenancyNumber = CurrentUser.text(task, Variables.FIELD_TENANCY_NUMBER);
      String lines = CurrentUser.text(task, Variables.FIELD_ITEMS);
      String reasons = CurrentUser.text(task, Variables.FIELD_REFUSAL_REASONS);
      task.getExecution().removeVariable(Variables.FIELD_TENANCY_NUMBER);
      task.getExecution().removeVariable(Variables.FIELD_ITEMS);
      task.getExecution().removeVariable(Variables.FIELD_REFUSAL_REASONS);
      String reference = REFERENCE.required(task);
      String user = CurrentUser.of(task);
      Decision decision = decision(DECISION.from(task));
      if (decision == Decision.REFUSE) {
        if (lines != null) {
          throw new RestrictionRefusedException("Bij een weigering wordt niets beperkt; laat de lijst met items leeg.");
        }
        refusals.propose(reference, reasons, user);
        fourEyes.recordFirstStep(task, REFUSAL_DRAFTER, user);
      } else {
        if (reasons != null) {
          throw new RestrictionRefusedException("Een motivering van de weigering hoort alleen bij Weigeren; laat "
              + "haar leeg bij Beperken.");
        }
        service.choose(reference, tenancyNumber, GROUND.from(task), lines, user);
      }
      DECISION.set(task.getExecution(), decision.name());
    };
  }

  /** Create listener of the confirm task: who proposed the refusal; the reasons stay out of the engine (SEC-3). */
  @Bean
  TaskListener restrictionRefusalDescriptionListener(RestrictionRefusalService refusals) {
    return task -> task.setDescription(refusals.summary(REFERENCE.required(task)));
  }

  /** Complete listener of the confirm task (after the four-eyes listener): confirmed, or sent back. */
  @Bean
  TaskListener restrictionRefusalConfirmationListener(RestrictionRefusalService refusals) {
    return task -> {
      if (Boolean.TRUE.equals(REFUSAL_CONFIRMED.from(task))) {
        refusals.confirm(REFERENCE.required(task), CurrentUser.of(task));
      } else {
        refusals.sendBack(REFERENCE.required(task), CurrentUser.of(task));
        REFUSAL_CONFIRMED.set(task.getExecution(), false);
      }
    };
  }

  @Bean
  JavaDelegate sendRestrictionRefusalLetterDelegate(RestrictionRefusalService refusals) {
    return execution -> OUTCOME.set(execution, refusals.sendLetter(REFERENCE.required(execution)).name());
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

  private static Decision decision(String code) {
    if (code == null || code.isBlank()) {
      return Decision.RESTRICT;
    }
    return Arrays.stream(Decision.values()).filter(d -> d.name().equals(code.strip())).findFirst()
        .orElseThrow(() -> new RestrictionRefusedException("Onbekend besluit; kies RESTRICT (beperken) of REFUSE "
            + "(weigeren)."));
  }
}
