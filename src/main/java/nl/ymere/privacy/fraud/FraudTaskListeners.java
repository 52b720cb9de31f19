package nl.ymere.privacy.fraud;

import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.FIRST_ASSESSOR;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.FRAUD_DECISION;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.FRAUD_PROPOSAL;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.SECOND_ASSESSOR;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.SIGNAL_REFERENCE;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.TENANT_INFORMATION_POSTPONED;

import java.util.List;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the assessment tasks. The reasoning texts (free text about a person, fraud evidence) are
 * moved into the product's tables and removed from the process before the transaction commits (DESIGN principle 2);
 * each assessor is taken from the engine authentication, never from a form field (principle 6).
 */
@Configuration
class FraudTaskListeners {

  /** Form fields of {@code forms/fraud-first-assessment.form} and {@code forms/fraud-second-assessment.form}. */
  static final String FIELD_REASONING = "assessmentReasoning";
  /** Form fields of {@code forms/fraud-second-assessment.form}. */
  static final String FIELD_POSTPONE = "postponeTenantInformation";
  static final String FIELD_POSTPONEMENT_GROUND = "postponementGround";
  static final String FIELD_POSTPONEMENT_NOTE = "postponementNote";
  /** Form field of {@code forms/fraud-postponement-review.form}. */
  static final String FIELD_GROUND_STILL_APPLIES = "groundStillApplies";

  private static final List<String> CHOICES = List.of(FraudSignalProcess.INVESTIGATE, FraudSignalProcess.DISMISS);

  /** ADM-2, first assessor: a proposal with own reasoning. */
  @Bean
  TaskListener firstFraudAssessmentListener(FraudAssessmentService assessments, FourEyesSteps fourEyes) {
    return task -> {
      String reasoning = takeText(task, FIELD_REASONING);
      String proposal = choice(task, FRAUD_PROPOSAL.name());
      String user = requireUser(task);
      refuseWeakReasoning(reasoning);
      assessments.recordFirst(SIGNAL_REFERENCE.required(task), task.getProcessInstanceId(), user, proposal,
          reasoning);
      fourEyes.recordFirstStep(task, FIRST_ASSESSOR, user);
    };
  }

  /** ADM-2, second assessor (another user, enforced by the four-eyes listener): confirms or overturns. */
  @Bean
  TaskListener secondFraudAssessmentListener(FraudAssessmentService assessments) {
    return task -> {
      String reasoning = takeText(task, FIELD_REASONING);
      String note = takeText(task, FIELD_POSTPONEMENT_NOTE);
      String groundCode = takeText(task, FIELD_POSTPONEMENT_GROUND);
      boolean postpone = Boolean.TRUE.equals(task.getVariable(FIELD_POSTPONE));
      task.getExecution().removeVariable(FIELD_POSTPONE);
      String decision = choice(task, FRAUD_DECISION.name());
      String user = requireUser(task);
      refuseWeakReasoning(reasoning);
      String reference = SIGNAL_REFERENCE.required(task);
      boolean postponed = FraudSignalProcess.INVESTIGATE.equals(decision) && postpone;
      PostponementGround ground = null;
      if (postponed) {
        try {
          ground = PostponementGround.valueOf(groundCode);
        } catch (RuntimeException e) {
          throw new RefusedStepException("Kies de grond om het informeren van de huurder uit te stellen "
              + "(Art 23 AVG / art 41 UAVG): PREVENTION_AND_DETECTION of PROTECTION_OF_OTHERS.");
        }
      }
      assessments.recordSecond(reference, task.getProcessInstanceId(), user, decision, reasoning);
      if (postponed) {
        assessments.postponeTenantInformation(reference, ground, note, user);
      }
      SECOND_ASSESSOR.set(task.getExecution(), user);
      task.getExecution().setVariable(FRAUD_DECISION.name(), decision);
      TENANT_INFORMATION_POSTPONED.set(task.getExecution(), postponed);
    };
  }

  /** The timer's re-check of a postponement ground: still applies (next check) or not (the tenant is informed). */
  @Bean
  TaskListener fraudPostponementReviewListener(FraudAssessmentService assessments) {
    return task -> {
      Object value = task.getVariable(FIELD_GROUND_STILL_APPLIES);
      task.getExecution().removeVariable(FIELD_GROUND_STILL_APPLIES);
      if (!(value instanceof Boolean stillApplies)) {
        throw new RefusedStepException("Geef aan of de grond voor uitstel nog geldt.");
      }
      assessments.reviewPostponement(SIGNAL_REFERENCE.required(task), stillApplies, requireUser(task));
      TENANT_INFORMATION_POSTPONED.set(task.getExecution(), stillApplies);
    };
  }

  /** The field's text, removed from the process at once (also when the completion is refused). */
  private static String takeText(DelegateTask task, String field) {
    String text = CurrentUser.text(task, field);
    task.removeVariable(field);
    task.getExecution().removeVariable(field);
    return text;
  }

  private static String choice(DelegateTask task, String field) {
    String value = CurrentUser.text(task, field);
    if (!CHOICES.contains(value)) {
      throw new RefusedStepException("Kies INVESTIGATE (onderzoek openen) of DISMISS (signaal afwijzen).");
    }
    return value;
  }

  private static String requireUser(DelegateTask task) {
    String user = CurrentUser.of(task);
    if (user == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Een beoordeling kan alleen door een ingelogde gebruiker "
          + "worden afgerond.");
    }
    return user;
  }

  private static void refuseWeakReasoning(String reasoning) {
    AssessmentReasoning.problem(reasoning).ifPresent(problem -> {
      throw new RefusedStepException(problem);
    });
  }
}
