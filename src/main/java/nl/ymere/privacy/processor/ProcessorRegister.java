package nl.ymere.privacy.processor;

import java.time.Clock;
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

  /** In force on the given day (APPROVED agreement or ACTIVE covenant, not expired). */
  public boolean inForce(AgreementRecord agreement) {
    return agreement.inForceOn(LocalDate.now(clock));
  }
}
