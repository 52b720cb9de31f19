package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a signal for the people handling it; every read is logged (SEC-1, DESIGN principle 5). */
@Service
class FraudSignalQueryService {

  record SignalView(String reference, SignalSource source, SignalStatus status, String address,
      String tenancyReference, String tenantName, String description, FraudRiskInputs indicators,
      String reporterUser, String registeredBy, Instant registeredAt, String decision, Instant decidedAt,
      String caseReference, Instant tenantInformedAt, Instant deleteAfter, Instant dataDeletedAt,
      FraudExplanation explanation) {
  }

  record ReadView(String readBy, String purpose, Instant readAt) {
  }

  private final FraudSignalRepository signals;
  private final FraudExplanationService explanations;
  private final Clock clock;

  FraudSignalQueryService(FraudSignalRepository signals, FraudExplanationService explanations, Clock clock) {
    this.signals = signals;
    this.explanations = explanations;
    this.clock = clock;
  }

  @Transactional
  SignalView view(String reference, String readBy) {
    FraudSignal s = signals.findByReference(reference)
        .orElseThrow(() -> new ApiNotFoundException("No fraud signal with reference " + reference));
    FraudExplanation explanation = null;
    if (s.status() != SignalStatus.DATA_DELETED && signals.latestEvaluation(s.id()).isPresent()) {
      explanation = explanations.explain(reference, readBy, ReadPurpose.CASE_HANDLING); // logs the read
    } else {
      signals.logRead(reference, readBy, ReadPurpose.CASE_HANDLING, clock.instant());
    }
    return new SignalView(s.reference(), s.source(), s.status(), s.address(), s.tenancyReference(), s.tenantName(),
        s.description(), s.inputs(), s.reporterUser(), s.registeredBy(), s.registeredAt(), s.decision(),
        s.decidedAt(), s.caseReference(), s.tenantInformedAt(), s.deleteAfter(), s.dataDeletedAt(), explanation);
  }

  @Transactional(readOnly = true)
  List<ReadView> reads(String reference) {
    if (signals.findByReference(reference).isEmpty()) {
      throw new ApiNotFoundException("No fraud signal with reference " + reference);
    }
    return signals.reads(reference).stream().map(r -> new ReadView(r.readBy(), r.purpose(), r.readAt())).toList();
  }
}
