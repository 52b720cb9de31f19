package nl.ymere.privacy.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import nl.ymere.privacy.fraud.FraudSignalRepository.Evaluation;
import nl.ymere.privacy.fraud.FraudSignalRepository.RuleContribution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the risk model for one signal and stores the evaluation in the product's tables (ADM-3): decision
 * definition id, version and version tag, the inputs used, each matched rule's points and reason, score and band.
 * Only the band goes back to the process; an explanation is later read from this record, never by evaluating again.
 */
@Service
class FraudRiskEvaluationService {

  private final FraudSignalRepository signals;
  private final FraudRiskModel model;
  private final ObjectMapper json;
  private final Clock clock;

  FraudRiskEvaluationService(FraudSignalRepository signals, FraudRiskModel model, ObjectMapper json, Clock clock) {
    this.signals = signals;
    this.model = model;
    this.json = json;
    this.clock = clock;
  }

  /** Returns the band (LOW, MEDIUM, HIGH). */
  @Transactional
  public String evaluate(String reference) {
    FraudSignal signal = signals.getByReference(reference);
    if (signal.inputs() == null) {
      throw new IllegalStateException("Signal " + reference + " has no model inputs (deleted?)");
    }
    FraudRiskModel.ModelResult result = model.evaluate(signal.inputs());
    String inputs;
    try {
      inputs = json.writeValueAsString(signal.inputs().asVariables());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Model inputs of " + reference + " cannot be stored", e);
    }
    signals.insertEvaluation(new Evaluation(0, signal.id(), result.decisionDefinitionId(), result.decisionKey(),
            result.decisionVersion(), result.versionTag(), result.score(), result.band(), result.bandRule(), inputs,
            clock.instant()),
        result.rules().stream().map(r -> new RuleContribution(r.position(), r.points(), r.reason())).toList());
    return result.band();
  }
}
