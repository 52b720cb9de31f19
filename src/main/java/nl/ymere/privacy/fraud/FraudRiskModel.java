package nl.ymere.privacy.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Runs the risk model {@code processes/fraud-risk.dmn} through the engine's decision service: the newest deployed
 * version of {@code fraud-risk} (a COLLECT table: each matched rule gives points and a plain-language reason), the
 * points summed into a score, and {@code fraud-risk-band} of the same deployment for the band (ADM-3). It is given
 * only the allow-listed inputs (ADM-4). Evaluated without the user's engine authorizations: assessors may run the
 * model on a signal they registered, not read or deploy decision definitions.
 */
@Component
class FraudRiskModel {

  record MatchedRule(int position, int points, String reason) {
  }

  record ModelResult(String decisionDefinitionId, String decisionKey, int decisionVersion, String versionTag,
      List<MatchedRule> rules, int score, String band, String bandRule) {
  }

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final SystemActions systemActions;

  FraudRiskModel(DecisionService decisionService, RepositoryService repositoryService, SystemActions systemActions) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.systemActions = systemActions;
  }

  ModelResult evaluate(FraudRiskInputs inputs) {
    return systemActions.call(() -> {
      DecisionDefinition risk = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(FraudSignalProcess.RISK_DECISION).latestVersion().singleResult();
      if (risk == null) {
        throw new IllegalStateException("Risk model " + FraudSignalProcess.RISK_DECISION + " is not deployed");
      }
      DecisionDefinition bandTable = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(FraudSignalProcess.BAND_DECISION).deploymentId(risk.getDeploymentId())
          .singleResult();
      if (bandTable == null) {
        throw new IllegalStateException("Deployment of " + risk.getId() + " has no " + FraudSignalProcess.BAND_DECISION);
      }
      DmnDecisionResult matched = decisionService.evaluateDecisionById(risk.getId())
          .variables(inputs.asVariables()).evaluate();
      List<MatchedRule> rules = new ArrayList<>();
      int score = 0;
      for (Map<String, Object> entry : matched.getResultList()) {
        int points = ((Number) entry.get("points")).intValue();
        rules.add(new MatchedRule(rules.size() + 1, points, String.valueOf(entry.get("reason"))));
        score += points;
      }
      Map<String, Object> band = decisionService.evaluateDecisionById(bandTable.getId())
          .variables(Map.of("score", score)).evaluate().getSingleResult().getEntryMap();
      return new ModelResult(risk.getId(), risk.getKey(), risk.getVersion(), risk.getVersionTag(), List.copyOf(rules),
          score, (String) band.get("band"), (String) band.get("bandRule"));
    });
  }
}
