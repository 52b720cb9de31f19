package nl.ymere.privacy.processor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processor register read by other capabilities (issue 20): which processors and covenant partners receive data
 * for a purpose (consent withdrawals are passed on to them, CON-2), and every agreement with its transfer zone and
 * safeguards for the register of processing activities (Art 30(1)(d)-(e), PRC-4).
 */
@Service
public class ProcessorRegister {

  private final AgreementRepository agreements;
  private final Clock clock;

  ProcessorRegister(AgreementRepository agreements, Clock clock) {
    this.agreements = agreements;
    this.clock = clock;
  }

  /** Agreements and covenants in force today whose scope covers the purpose: the parties that receive its data. */
  @Transactional(readOnly = true)
  public List<AgreementRecord> receiving(String purpose) {
    LocalDate today = LocalDate.now(clock);
    return agreements.all().stream().filter(a -> a.inForceOn(today) && a.purposes().contains(purpose)).toList();
  }

  /** Every agreement of the register, in force or not. */
  @Transactional(readOnly = true)
  public List<AgreementRecord> all() {
    return agreements.all();
  }

  /** The agreement's events when a processor reported a breach (PRC-2): in time, or late. */
  public static final String BREACH_REPORTED_IN_TIME = "BREACH_REPORTED_IN_TIME";
  public static final String BREACH_REPORTED_LATE = "BREACH_REPORTED_LATE";

  /**
   * PRC-2, Art 33(2): writes a processor's breach report into the agreement's own history, with whether it met its
   * duty to tell us within the agreed hours, so the agreement owner and the next review see it on the agreement.
   * The detail names the breach reference and the hours only, never the incident's facts.
   */
  @Transactional
  public void recordBreachReport(String agreementReference, String breachReference, boolean late, int noticeHours,
      Instant processorAwareAt, Instant receivedAt, String user) {
    AgreementRecord agreement = agreements.getByReference(agreementReference);
    long hours = java.time.Duration.between(processorAwareAt, receivedAt).toHours();
    String detail = breachReference + ": gemeld " + hours + " uur na bewustwording van de verwerker (termijn "
        + noticeHours + " uur)" + (late ? ", te laat" : ", op tijd");
    agreements.event(agreement.id(), late ? BREACH_REPORTED_LATE : BREACH_REPORTED_IN_TIME, user, detail,
        clock.instant());
  }

  /** In force on the given day (APPROVED agreement or ACTIVE covenant, not expired). */
  public boolean inForce(AgreementRecord agreement) {
    return agreement.inForceOn(LocalDate.now(clock));
  }
}
