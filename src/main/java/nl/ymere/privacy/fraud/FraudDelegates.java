package nl.ymere.privacy.fraud;

import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.CASE_REFERENCE;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.RISK_BAND;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.SIGNAL_REFERENCE;
import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.TENANT_INFORMATION_POSTPONED;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code fraud-signal-assessment.bpmn}: each reads the signal reference, calls one service and
 * writes typed outputs (codes only). Bean names are the diagram's {@code delegateExpression}s.
 */
@Configuration
class FraudDelegates {

  /** ADM-3: the model runs and its evaluation is stored; only the band becomes a process variable. */
  @Bean
  JavaDelegate evaluateFraudRiskDelegate(FraudRiskEvaluationService evaluations) {
    return execution -> RISK_BAND.set(execution, evaluations.evaluate(SIGNAL_REFERENCE.required(execution)));
  }

  @Bean
  JavaDelegate openFraudInvestigationDelegate(FraudOutcomeService outcomes) {
    return execution -> {
      FraudOutcomeService.OpenedInvestigation opened = outcomes.openInvestigation(SIGNAL_REFERENCE.required(execution));
      CASE_REFERENCE.set(execution, opened.caseReference());
      TENANT_INFORMATION_POSTPONED.set(execution, opened.tenantInformationPostponed());
    };
  }

  @Bean
  JavaDelegate informFraudTenantDelegate(FraudOutcomeService outcomes) {
    return execution -> outcomes.informTenant(SIGNAL_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate recordFraudDismissalDelegate(FraudOutcomeService outcomes) {
    return execution -> outcomes.recordDismissal(SIGNAL_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate deleteFraudSignalDataDelegate(FraudOutcomeService outcomes) {
    return execution -> outcomes.deleteSignalData(SIGNAL_REFERENCE.required(execution));
  }
}
