package nl.ymere.privacy.breach;

import static nl.ymere.privacy.breach.BreachProcess.Variables.REFERENCE;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code data-breach.bpmn}: each reads the reference and calls one service step. Bean names are
 * the diagram's {@code delegateExpression}s.
 */
@Configuration
class BreachDelegates {

  /** BRE-3: processes/breach-risk.dmn; the reasons are stored, only the proposed level becomes a variable. */
  @Bean
  JavaDelegate evaluateBreachRiskDelegate(BreachService breaches) {
    return execution -> BreachProcess.Variables.RISK_PROPOSAL.set(execution,
        breaches.evaluate(REFERENCE.required(execution)).name());
  }

  /** BRE-1: the alert number is the timer path's input parameter {@code alertNumber} (1, 2, 3). */
  @Bean
  JavaDelegate sendBreachAlertDelegate(BreachService breaches) {
    return execution -> breaches.alert(REFERENCE.required(execution),
        ((Number) execution.getVariableLocal("alertNumber")).intValue());
  }

  @Bean
  JavaDelegate escalateBreachDeadlineDelegate(BreachService breaches) {
    return execution -> {
      breaches.escalate(REFERENCE.required(execution));
      BreachProcess.Variables.OVERDUE.set(execution, true);
    };
  }

  /** BRE-4, Art 34(3)(a): encrypted with the key safe means no letters, the exemption recorded. */
  @Bean
  JavaDelegate checkPersonsExemptionDelegate(BreachService breaches) {
    return execution -> BreachProcess.Variables.PERSONS_EXEMPT.set(execution,
        breaches.checkPersonsExemption(REFERENCE.required(execution)));
  }

  @Bean
  JavaDelegate closeBreachDelegate(BreachService breaches) {
    return execution -> breaches.close(REFERENCE.required(execution));
  }
}
