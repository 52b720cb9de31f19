package nl.ymere.privacy.fraud;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fraud signal as the assessors see it beside their task (issue 16 item 1, DESIGN principle 10): the signal, the
 * model's explanation (ADM-3) and the assessments so far with their reasons. ADM-2 has the second assessor confirm
 * or overturn the first one, with access to the underlying data; it does not ask for a blind second assessment, so
 * the first assessment (choice and reasons) is shown to the second assessor. Every view is a logged read
 * (SEC-1, {@link ReadPurpose#CASE_HANDLING}). The caller has already found the task with the viewer's own engine
 * authorizations; a signal whose data were deleted shows no personal data.
 */
@Service
public class FraudSignalCases {

  public record FraudCase(String reference, String source, String status, String address, String tenancyReference,
      String tenantName, String description, String reporterUser, Instant registeredAt, Integer score, String band,
      String bandThreshold, List<String> reasons, String modelVersion, List<AssessmentView> assessments,
      String decision) {
  }

  public record AssessmentView(String step, String assessor, String choice, String reasoning, Instant at) {
  }

  private final FraudSignalQueryService queries;
  private final FraudSignalRepository signals;

  FraudSignalCases(FraudSignalQueryService queries, FraudSignalRepository signals) {
    this.queries = queries;
    this.signals = signals;
  }

  /** The signal's case, read (and logged) for {@code viewer}; empty for an unknown reference. */
  @Transactional
  public Optional<FraudCase> find(String reference, String viewer) {
    Optional<FraudSignal> signal = signals.findByReference(reference);
    if (signal.isEmpty()) {
      return Optional.empty();
    }
    FraudSignalQueryService.SignalView view = queries.view(reference, viewer);
    FraudExplanation explanation = view.explanation();
    List<AssessmentView> assessments = signals.assessments(signal.get().id()).stream()
        .map(a -> new AssessmentView(a.step(), a.assessor(), a.choice(), a.reasoning(), a.assessedAt())).toList();
    return Optional.of(new FraudCase(view.reference(), view.source() == null ? null : view.source().name(),
        view.status() == null ? null : view.status().name(), view.address(), view.tenancyReference(),
        view.tenantName(), view.description(), view.reporterUser(), view.registeredAt(),
        explanation == null ? null : explanation.score(), explanation == null ? null : explanation.band(),
        explanation == null ? null : explanation.bandThreshold(),
        explanation == null ? List.of() : explanation.reasons().stream()
            .map(r -> r.reason() + " (" + r.points() + " punten)").toList(),
        explanation == null || explanation.model() == null ? null
            : explanation.model().decisionKey() + " v" + explanation.model().version(),
        assessments, view.decision()));
  }
}
