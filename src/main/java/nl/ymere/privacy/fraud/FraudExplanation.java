package nl.ymere.privacy.fraud;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The explanation of a past decision on a signal (Art 15(1)(h) and Art 22 AVG; ADM-3; CJEU C-203/22 Dun &
 * Bradstreet): the data used, the reasons that fired with their points, score, band and threshold, the model version,
 * who decided and why. Built from the stored evaluation, never by evaluating the model again.
 */
public record FraudExplanation(String signalReference, String source, Model model, Map<String, Object> dataUsed,
    int score, String band, String bandThreshold, List<Reason> reasons, String principle,
    List<Assessment> assessments, String decision, Instant decidedAt, String caseReference) {

  public record Model(String decisionKey, int version, String versionTag, String decisionDefinitionId,
      Instant evaluatedAt) {
  }

  public record Reason(int points, String reason) {
  }

  public record Assessment(String step, String assessor, String choice, String reasoning, Instant at) {
  }

  /** ADM-2 in plain words, part of every explanation. */
  public static final String PRINCIPLE = "De score van het model ondersteunt de beoordeling, maar beslist niet: "
      + "twee medewerkers besluiten, elk met een eigen motivering, of een onderzoek wordt geopend. "
      + "The model's score supports, but never makes, the decision: two employees decide, each with own reasons.";
}
