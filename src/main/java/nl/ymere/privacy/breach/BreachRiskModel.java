package nl.ymere.privacy.breach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.breach.BreachCodes.Risk;
import nl.ymere.privacy.breach.BreachRepository.RiskReason;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Runs {@code processes/breach-risk.dmn} (BRE-3) on the stored assessment: a COLLECT table in which each matched rule
 * gives a risk level, a reason code and a plain-language reason. The proposal is the highest level matched, NO_RISK
 * when nothing matched. Evaluated without the user's engine authorizations (officers assess, they do not read
 * decision definitions); the history plugin keeps no DMN input values.
 */
@Component
class BreachRiskModel {

  record Proposal(String decisionDefinitionId, Risk risk, List<RiskReason> reasons) {
  }

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final SystemActions systemActions;

  BreachRiskModel(DecisionService decisionService, RepositoryService repositoryService, SystemActions systemActions) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.systemActions = systemActions;
  }

  static Map<String, Object> inputs(Breach b) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("specialCategory", Boolean.TRUE.equals(b.specialCategory()));
    inputs.put("criminalData", Boolean.TRUE.equals(b.criminalData()));
    inputs.put("personsAffected", b.personsEstimate());
    inputs.put("identifiable", Boolean.TRUE.equals(b.identifiable()));
    inputs.put("encryptedKeySafe", Boolean.TRUE.equals(b.encryptedKeySafe()));
    inputs.put("recipientTrustedDeleted", Boolean.TRUE.equals(b.recipientTrustedDeleted()));
    inputs.put("vulnerablePersons", Boolean.TRUE.equals(b.vulnerablePersons()));
    inputs.put("consequences", b.consequenceLevel() == null ? "NONE" : b.consequenceLevel());
    return inputs;
  }

  Proposal evaluate(Breach breach) {
    return systemActions.call(() -> {
      DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(BreachProcess.RISK_DECISION).latestVersion().singleResult();
      if (definition == null) {
        throw new IllegalStateException("Risk model " + BreachProcess.RISK_DECISION + " is not deployed");
      }
      DmnDecisionResult result = decisionService.evaluateDecisionById(definition.getId())
          .variables(inputs(breach)).evaluate();
      return proposal(definition.getId(), result);
    });
  }

  static Proposal proposal(String definitionId, DmnDecisionResult result) {
    Risk highest = Risk.NO_RISK;
    List<RiskReason> reasons = new ArrayList<>();
    for (Map<String, Object> entry : result.getResultList()) {
      Risk risk = Risk.valueOf((String) entry.get("risk"));
      if (risk.ordinal() > highest.ordinal()) {
        highest = risk;
      }
      reasons.add(new RiskReason(reasons.size() + 1, risk.name(), (String) entry.get("reasonCode"),
          String.valueOf(entry.get("reason"))));
    }
    return new Proposal(definitionId, highest, List.copyOf(reasons));
  }
}
