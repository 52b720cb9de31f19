package nl.ymere.privacy.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces the explanation of a past decision from the stored evaluation and assessments (ADM-3), for a tenant's
 * access request or a human-review request (ADM-6). It never evaluates the model again, so the explanation stays
 * correct after a new model version is deployed. Every call is a read of signal data and is logged (SEC-1).
 */
@Service
public class FraudExplanationService {

  private final FraudSignalRepository signals;
  private final ObjectMapper json;
  private final Clock clock;

  FraudExplanationService(FraudSignalRepository signals, ObjectMapper json, Clock clock) {
    this.signals = signals;
    this.json = json;
    this.clock = clock;
  }

  /** Logs the read, also when the signal's data have been deleted since (the attempt is then the record). */
  @Transactional(noRollbackFor = ApiNotFoundException.class)
  public FraudExplanation explain(String reference, String readBy, ReadPurpose purpose) {
    FraudSignal signal = signals.findByReference(reference)
        .orElseThrow(() -> new ApiNotFoundException("No fraud signal with reference " + reference));
    signals.logRead(reference, readBy, purpose, clock.instant());
    if (signal.status() == SignalStatus.DATA_DELETED) {
      throw new ApiNotFoundException("The data of fraud signal " + reference + " were deleted after its dismissal");
    }
    FraudSignalRepository.Evaluation evaluation = signals.latestEvaluation(signal.id())
        .orElseThrow(() -> new ApiNotFoundException("Fraud signal " + reference + " has no model evaluation"));
    return new FraudExplanation(signal.reference(), signal.source().name(),
        new FraudExplanation.Model(evaluation.decisionKey(), evaluation.decisionVersion(), evaluation.versionTag(),
            evaluation.decisionDefinitionId(), evaluation.evaluatedAt()),
        inputs(evaluation.inputsJson()), evaluation.score(), evaluation.band(), evaluation.bandRule(),
        signals.rules(evaluation.id()).stream().map(r -> new FraudExplanation.Reason(r.points(), r.reason())).toList(),
        FraudExplanation.PRINCIPLE,
        signals.assessments(signal.id()).stream().map(a -> new FraudExplanation.Assessment(a.step(), a.assessor(),
            a.choice(), a.reasoning(), a.assessedAt())).toList(),
        signal.decision(), signal.decidedAt(), signal.caseReference());
  }

  private Map<String, Object> inputs(String inputsJson) {
    if (inputsJson == null) {
      return Map.of();
    }
    try {
      return json.readValue(inputsJson, new TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored model inputs cannot be read", e);
    }
  }
}
