package nl.ymere.privacy.fraud;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ymere.privacy.legalhold.LegalHold;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows the decision: an investigation opened with a case reference and the tenant informed (unless an Art 23
 * / art 41 UAVG ground postpones it), or the signal dismissed and its data deleted after
 * {@code privacy.fraud.dismissed-retention} (RET-1, RET-2).
 */
@Service
class FraudOutcomeService {

  private static final Logger log = LoggerFactory.getLogger(FraudOutcomeService.class);

  static final String TENANT_NOTICE_TEMPLATE = "fraud-investigation-notice";

  private final FraudSignalRepository signals;
  private final OutboxService outbox;
  private final FraudProperties properties;
  private final Clock clock;
  private final LegalHolds legalHolds;

  FraudOutcomeService(FraudSignalRepository signals, OutboxService outbox, FraudProperties properties, Clock clock,
      LegalHolds legalHolds) {
    this.legalHolds = legalHolds;
    this.signals = signals;
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  record OpenedInvestigation(String caseReference, boolean tenantInformationPostponed) {
  }

  /**
   * Opens the investigation, only when the product's tables hold the decision to investigate (ADM-2): two
   * assessments with own reasons by two different users whose deciding one chose INVESTIGATE (the first and second
   * assessment, or the latest human review of ADM-6), and no investigation opened yet. What the process variables
   * say, or an operator's modification that starts this step, does not count.
   */
  @Transactional
  public OpenedInvestigation openInvestigation(String reference) {
    FraudSignal signal = signals.getByReference(reference);
    if (signal.status() == SignalStatus.INVESTIGATION_OPENED || signal.status() == SignalStatus.DATA_DELETED) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Geen onderzoek geopend: signaal " + reference + " is "
          + (signal.status() == SignalStatus.DATA_DELETED ? "gewist." : "al in onderzoek."));
    }
    checkDecidedToInvestigate(signal);
    String caseReference = "FO-" + LocalDate.now(clock).getYear() + "-"
        + String.format("%06d", signals.nextValue("fraud_case_reference_seq"));
    signals.openInvestigation(signal.id(), caseReference);
    return new OpenedInvestigation(caseReference, signals.openPostponement(signal.id()).isPresent());
  }

  private void checkDecidedToInvestigate(FraudSignal signal) {
    List<FraudSignalRepository.Assessment> assessments = signals.assessments(signal.id());
    boolean reviewed = assessments.stream().anyMatch(a -> a.step().equals(FraudHumanReviewService.REVIEW_DECISION));
    FraudSignalRepository.Assessment proposal = latest(assessments, reviewed
        ? FraudHumanReviewService.REVIEW_PROPOSAL : FraudAssessmentService.FIRST);
    FraudSignalRepository.Assessment decision = latest(assessments, reviewed
        ? FraudHumanReviewService.REVIEW_DECISION : FraudAssessmentService.SECOND);
    boolean fourEyes = proposal != null && decision != null && !proposal.assessor().equals(decision.assessor())
        && hasReasons(proposal) && hasReasons(decision);
    if (!fourEyes || !FraudSignalProcess.INVESTIGATE.equals(decision.choice())
        || !FraudSignalProcess.INVESTIGATE.equals(signal.decision())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Geen onderzoek geopend: voor signaal " + signal.reference()
          + " zijn geen twee gemotiveerde beoordelingen door verschillende medewerkers vastgelegd die tot onderzoek "
          + "besluiten (vier ogen, ADM-2).");
    }
  }

  private static FraudSignalRepository.Assessment latest(List<FraudSignalRepository.Assessment> assessments,
      String step) {
    FraudSignalRepository.Assessment latest = null;
    for (FraudSignalRepository.Assessment assessment : assessments) {
      if (assessment.step().equals(step)) {
        latest = assessment;
      }
    }
    return latest;
  }

  private static boolean hasReasons(FraudSignalRepository.Assessment assessment) {
    return assessment.reasoning() != null && !assessment.reasoning().isBlank();
  }

  /** The letter to the tenant at the signal's address (Art 14 AVG): an investigation was opened, and their rights. */
  @Transactional
  public void informTenant(String reference) {
    FraudSignal signal = signals.getByReference(reference);
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", signal.caseReference());
    variables.put("tenantName", signal.tenantName());
    variables.put("source", signal.source().name());
    outbox.queueLetter(signal.caseReference(), RecipientRole.DATA_SUBJECT, letterAddress(signal),
        TENANT_NOTICE_TEMPLATE, variables);
    signals.markTenantInformed(signal.id(), clock.instant());
  }

  @Transactional
  public void recordDismissal(String reference) {
    FraudSignal signal = signals.getByReference(reference);
    Instant decided = signal.decidedAt() == null ? clock.instant() : signal.decidedAt();
    Instant deleteAfter = ZonedDateTime.ofInstant(decided, clock.getZone()).plus(properties.dismissedRetention())
        .toInstant();
    signals.markDismissed(signal.id(), deleteAfter);
  }

  /**
   * Deletes a dismissed signal's data at the end of its retention (RET-1, RET-2). A signal that a human review
   * (ADM-6) has reopened since its dismissal is no longer DISMISSED: its data are kept and nothing is deleted.
   *
   * @return whether the data were deleted now
   */
  @Transactional
  public boolean deleteSignalData(String reference) {
    FraudSignal signal = signals.getByReference(reference);
    if (signal.status() != SignalStatus.DISMISSED) {
      log.info("Fraud signal {}: not deleted at the end of its retention, it is {} since its dismissal", reference,
          signal.status());
      return false;
    }
    // RET-4: the same legal holds as erasure and the other sweeps: on the file, on all fraud-signal files, or on the
    // tenancy the signal is about. The data stay; the retention sweep deletes them once no hold covers them.
    Optional<LegalHold> hold = heldBy(signal);
    if (hold.isPresent()) {
      log.info("Fraud signal {}: not deleted at the end of its retention, legal hold {} runs", reference,
          hold.get().id());
      return false;
    }
    signals.deleteSignalData(signal.id(), clock.instant());
    return true;
  }

  /** The running legal hold that covers the signal today, if any. */
  Optional<LegalHold> heldBy(FraudSignal signal) {
    SubjectKey subject = signal.tenancyReference() == null ? null : SubjectKey.ofTenancy(signal.tenancyReference());
    ItemRef file = new ItemRef(LegalHolds.FRAUD_SIGNAL_FILES, signal.reference());
    return legalHolds.holding(subject, file, LocalDate.now(clock));
  }

  /** Due date of the deletion timer. */
  Date deletionAt(String reference) {
    return Date.from(signals.getByReference(reference).deleteAfter());
  }

  /** Due date of the postponement re-check timer. */
  Date postponementReviewAt(String reference) {
    FraudSignal signal = signals.getByReference(reference);
    return Date.from(signals.openPostponement(signal.id())
        .orElseThrow(() -> new IllegalStateException("Signal " + reference + " has no open postponement"))
        .reviewAt());
  }

  private static String letterAddress(FraudSignal signal) {
    String addressee = signal.tenantName() == null ? "De huurder" : signal.tenantName();
    return addressee + "\n" + signal.address();
  }
}
