package nl.ymere.privacy.breach;

import static nl.ymere.privacy.breach.BreachProcess.Variables.REFERENCE;

import java.time.Instant;
import java.util.Date;
import nl.ymere.privacy.breach.BreachCodes.ConsequenceLevel;
import nl.ymere.privacy.breach.BreachCodes.Exemption;
import nl.ymere.privacy.breach.BreachCodes.Risk;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import nl.ymere.privacy.web.ApiProblemException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task listeners of {@code data-breach.bpmn}: each moves a form's free text into {@code privacy.breach*} and
 * removes it from the process (DESIGN principle 2), then calls one service step, which checks its preconditions in the
 * product's tables. Only codes and booleans stay as variables.
 */
@Configuration
class BreachTaskListeners {

  /** Every user task of a breach carries the AP deadline as due date once the FG fixed the moment of awareness. */
  @Bean
  TaskListener breachDueDateListener(BreachService breaches) {
    return task -> {
      Instant deadline = breaches.deadlineOf(REFERENCE.required(task));
      if (deadline != null) {
        task.setDueDate(Date.from(deadline));
      }
    };
  }

  @Bean
  TaskListener breachAwarenessListener(BreachService breaches) {
    return task -> {
      try {
        breaches.recordAwareness(REFERENCE.required(task), task.getProcessInstanceId(),
            BreachIntakeListener.dateTime(task.getExecution(), "awarenessAt"),
            CurrentUser.text(task, "awarenessReason"), CurrentUser.of(task), task.getId());
      } catch (ApiProblemException e) {
        throw new RefusedStepException(BreachIntakeListener.describe(e));
      } finally {
        remove(task, "awarenessAt", "awarenessReason");
      }
    };
  }

  @Bean
  TaskListener breachRiskAssessmentListener(BreachService breaches) {
    return task -> {
      try {
        breaches.assess(REFERENCE.required(task), task.getProcessInstanceId(), bool(task, "specialCategory"),
            bool(task, "criminalData"), bool(task, "identifiable"), bool(task, "encryptedKeySafe"),
            bool(task, "recipientTrustedDeleted"), bool(task, "vulnerablePersons"),
            code(ConsequenceLevel.class, task, "consequenceLevel"), CurrentUser.text(task, "consequencesText"),
            CurrentUser.text(task, "measures"), BreachIntakeListener.number(task.getExecution(), "personsAffected"),
            CurrentUser.of(task));
      } catch (ApiProblemException e) {
        throw new RefusedStepException(BreachIntakeListener.describe(e));
      } finally {
        remove(task, "specialCategory", "criminalData", "identifiable", "encryptedKeySafe", "recipientTrustedDeleted",
            "vulnerablePersons", "consequenceLevel", "consequencesText", "measures", "personsAffected");
      }
    };
  }

  @Bean
  TaskListener breachFgAdviceListener(BreachService breaches) {
    return task -> {
      try {
        breaches.adviseFg(REFERENCE.required(task), task.getProcessInstanceId(), CurrentUser.text(task, "fgAdvice"),
            CurrentUser.text(task, "fgAdviceText"), CurrentUser.of(task));
      } finally {
        remove(task, "fgAdviceText");
      }
    };
  }

  /** The first step of the four-eyes pair: recorded in privacy.four_eyes_step and mirrored as riskDecider. */
  @Bean
  TaskListener breachRiskDecisionListener(BreachService breaches, FourEyesSteps fourEyes) {
    return task -> {
      String user = CurrentUser.of(task);
      try {
        breaches.decide(REFERENCE.required(task), task.getProcessInstanceId(),
            code(Risk.class, task, "riskDecision"), CurrentUser.text(task, "decisionReason"), user);
      } finally {
        remove(task, "decisionReason", "riskDecision");
      }
      fourEyes.recordFirstStep(task, BreachProcess.Variables.RISK_DECIDER, user);
    };
  }

  /** The second step: the confirmed risk is copied from privacy.breach into the routing variable. */
  @Bean
  TaskListener breachRiskConfirmationListener(BreachService breaches) {
    return task -> {
      Boolean confirmed = BreachProcess.Variables.RISK_CONFIRMED.from(task);
      Risk risk;
      try {
        risk = breaches.confirm(REFERENCE.required(task), task.getProcessInstanceId(), Boolean.TRUE.equals(confirmed),
            CurrentUser.text(task, "confirmationNote"), CurrentUser.of(task));
      } finally {
        remove(task, "confirmationNote");
      }
      BreachProcess.Variables.RISK_CONFIRMED.set(task, risk != null);
      BreachProcess.Variables.RISK_DECISION.set(task, risk == null ? null : risk.name());
    };
  }

  @Bean
  TaskListener breachApNotificationListener(BreachService breaches) {
    return task -> {
      try {
        breaches.recordApNotification(REFERENCE.required(task), task.getProcessInstanceId(),
            BreachIntakeListener.dateTime(task.getExecution(), "notifiedAt"), CurrentUser.text(task, "apCaseNumber"),
            bool(task, "notificationComplete"), CurrentUser.text(task, "delayReasons"), CurrentUser.of(task));
      } catch (ApiProblemException e) {
        throw new RefusedStepException(BreachIntakeListener.describe(e));
      } finally {
        remove(task, "notifiedAt", "apCaseNumber", "delayReasons");
      }
    };
  }

  @Bean
  TaskListener breachPersonsNoticeListener(BreachService breaches) {
    return task -> {
      try {
        String exemption = CurrentUser.text(task, "exemption");
        breaches.informPersons(REFERENCE.required(task), task.getProcessInstanceId(),
            exemption == null || exemption.equals("NONE") ? null : code(Exemption.class, task, "exemption"),
            CurrentUser.text(task, "exemptionReason"), CurrentUser.text(task, "publicNoticeText"),
            CurrentUser.text(task, "tenancyNumberItems"),
            CurrentUser.of(task));
      } finally {
        remove(task, "exemption", "exemptionReason", "publicNoticeText", "tenancyNumberItems");
      }
    };
  }

  /** PRC-2: what was agreed with the late processor, kept with the breach. */
  @Bean
  TaskListener processorFollowUpListener(BreachService breaches) {
    return task -> {
      try {
        breaches.recordProcessorFollowUp(REFERENCE.required(task), task.getProcessInstanceId(),
            bool(task, "processorAddressed"), CurrentUser.text(task, "followUpNote"), CurrentUser.of(task));
      } finally {
        remove(task, "processorAddressed", "followUpNote");
      }
    };
  }

  private static void remove(DelegateTask task, String... fields) {
    DelegateExecution execution = task.getExecution();
    for (String field : fields) {
      task.removeVariable(field);
      execution.removeVariable(field);
    }
  }

  private static boolean bool(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    if (value != null && !(value instanceof Boolean)) {
      throw new RefusedStepException("Het veld '" + field + "' heeft een ongeldige waarde: verwacht ja of nee.");
    }
    return Boolean.TRUE.equals(value);
  }

  private static <E extends Enum<E>> E code(Class<E> type, DelegateTask task, String field) {
    String value = CurrentUser.text(task, field);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new RefusedStepException("Het veld '" + field + "' heeft een onbekende waarde.");
    }
  }
}
