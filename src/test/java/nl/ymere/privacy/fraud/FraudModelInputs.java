package nl.ymere.privacy.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;

/**
 * ADM-4 check over a risk-model DMN: every input expression of {@code fraud-risk} is exactly one name of
 * {@link FraudRiskInputs#ALLOWED} (no expression that could compute a proxy), and {@code fraud-risk-band} reads only
 * the score. Returns one text per violation.
 */
final class FraudModelInputs {

  private static final Map<String, List<String>> ALLOWED_PER_DECISION = Map.of(
      FraudSignalProcess.RISK_DECISION, FraudRiskInputs.ALLOWED,
      FraudSignalProcess.BAND_DECISION, List.of("score"));

  static List<String> violations(DmnModelInstance model) {
    List<String> violations = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      List<String> allowed = ALLOWED_PER_DECISION.get(decision.getId());
      if (allowed == null) {
        violations.add("decision " + decision.getId() + " is not an approved part of the model");
        continue;
      }
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        violations.add("decision " + decision.getId() + " is not a decision table");
        continue;
      }
      for (Input input : table.getInputs()) {
        String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
            ? "" : input.getInputExpression().getText().getTextContent().strip();
        if (!allowed.contains(expression)) {
          violations.add(decision.getId() + " reads '" + expression + "', which is not on the approved input list");
        }
      }
    }
    return violations;
  }

  private FraudModelInputs() {
  }
}
