package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two human assessments of a signal (ADM-2, four eyes): each with an own choice and own reasoning, stored in the
 * product's tables. The second assessment is the decision; with it an Art 23 / art 41 UAVG ground to postpone
 * informing the tenant can be recorded.
 */
@Service
class FraudAssessmentService {

  static final String FIRST = "FIRST";
  static final String SECOND = "SECOND";

  private final FraudSignalRepository signals;
  private final FraudProperties properties;
  private final Clock clock;

  FraudAssessmentService(FraudSignalRepository signals, FraudProperties properties, Clock clock) {
    this.signals = signals;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public void recordFirst(String reference, String assessor, String proposal, String reasoning) {
    FraudSignal signal = signals.getByReference(reference);
    signals.insertAssessment(signal.id(), FIRST, assessor, proposal, reasoning, clock.instant());
  }

  @Transactional
  public void recordSecond(String reference, String assessor, String decision, String reasoning) {
    FraudSignal signal = signals.getByReference(reference);
    Instant now = clock.instant();
    signals.insertAssessment(signal.id(), SECOND, assessor, decision, reasoning, now);
    signals.recordDecision(signal.id(), decision, now);
  }

  @Transactional
  public void postponeTenantInformation(String reference, PostponementGround ground, String note, String by) {
    FraudSignal signal = signals.getByReference(reference);
    Instant now = clock.instant();
    signals.insertPostponement(signal.id(), ground.name(), note, by, now, nextReview(now));
  }

  /** The re-check of a postponement: still applies (next review) or lifted (the tenant is informed next). */
  @Transactional
  public void reviewPostponement(String reference, boolean stillApplies, String by) {
    FraudSignal signal = signals.getByReference(reference);
    FraudSignalRepository.Postponement open = signals.openPostponement(signal.id())
        .orElseThrow(() -> new IllegalStateException("Signal " + reference + " has no open postponement"));
    Instant now = clock.instant();
    if (stillApplies) {
      signals.extendPostponement(open.id(), nextReview(now));
    } else {
      signals.liftPostponement(open.id(), by, now);
    }
  }

  private Instant nextReview(Instant now) {
    return ZonedDateTime.ofInstant(now, clock.getZone()).plus(properties.postponementReview())
        .toInstant();
  }
}
