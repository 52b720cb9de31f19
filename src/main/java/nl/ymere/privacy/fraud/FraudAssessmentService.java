package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two human assessments of a signal (ADM-2, four eyes): each with an own choice and own reasoning, stored in the
 * product's tables. The second assessment is the decision; with it an Art 23 / art 41 UAVG ground to postpone
 * informing the tenant can be recorded. Who assessed is checked here, in the product's tables (DESIGN principle 9):
 * the reporter assesses neither step, the first assessment is recorded once and before the second, and the second
 * assessor is not the first, whatever the process variables say or an operator changed in them.
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

  /** The first assessor's proposal, made in the signal's own process instance. */
  @Transactional
  public void recordFirst(String reference, String processInstanceId, String assessor, String proposal,
      String reasoning) {
    FraudSignal signal = signalOf(reference, processInstanceId);
    refuseReporter(signal, assessor);
    if (signal.decision() != null || !assessors(signals.assessments(signal.id()), FIRST).isEmpty()) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "De eerste beoordeling van signaal " + reference
          + " is al vastgelegd (ADM-2).");
    }
    signals.insertAssessment(signal.id(), FIRST, assessor, proposal, reasoning, clock.instant());
  }

  /** The second assessor's decision, made in the signal's own process instance: another user than the first. */
  @Transactional
  public void recordSecond(String reference, String processInstanceId, String assessor, String decision,
      String reasoning) {
    FraudSignal signal = signalOf(reference, processInstanceId);
    refuseReporter(signal, assessor);
    List<FraudSignalRepository.Assessment> assessments = signals.assessments(signal.id());
    List<String> firstAssessors = assessors(assessments, FIRST);
    if (firstAssessors.isEmpty()) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: van signaal " + reference + " is geen eerste "
          + "beoordeling vastgelegd, dus de tweede beoordeling kan niet plaatsvinden (ADM-2).");
    }
    if (firstAssessors.contains(assessor)) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: " + assessor + " deed de eerste beoordeling van "
          + "signaal " + reference + " en mag de tweede niet doen (ADM-2).");
    }
    if (signal.decision() != null || !assessors(assessments, SECOND).isEmpty()) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Over signaal " + reference + " is al besloten (ADM-2).");
    }
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

  /**
   * The signal, provided the process instance is the one the product started for it: an instance started elsewhere
   * with the reference of a real signal in a variable assesses nothing.
   */
  private FraudSignal signalOf(String reference, String processInstanceId) {
    FraudSignal signal = signals.getByReference(reference);
    if (!processInstanceId.equals(signal.processInstanceId())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Signaal " + reference + " wordt in een ander proces "
          + "beoordeeld; deze taak hoort er niet bij.");
    }
    return signal;
  }

  /** ADM-2: the reporter, as the signal's row names them, assesses neither step. */
  private static void refuseReporter(FraudSignal signal, String assessor) {
    if (assessor != null && assessor.equals(signal.reporterUser())) {
      throw ReporterExclusionListener.refused(assessor);
    }
  }

  private static List<String> assessors(List<FraudSignalRepository.Assessment> assessments, String step) {
    return assessments.stream().filter(a -> a.step().equals(step)).map(FraudSignalRepository.Assessment::assessor)
        .toList();
  }

  private Instant nextReview(Instant now) {
    return ZonedDateTime.ofInstant(now, clock.getZone()).plus(properties.postponementReview())
        .toInstant();
  }
}
