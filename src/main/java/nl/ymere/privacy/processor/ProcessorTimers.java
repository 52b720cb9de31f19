package nl.ymere.privacy.processor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Timer dates of {@code processor-agreement.bpmn}, read from the register:
 * {@code ${processorTimers.reviewAt(agreementReference)}} and so on. Mails go out at
 * {@code privacy.processor.notice-time} (default 08:00) Europe/Amsterdam.
 */
@Component("processorTimers")
public class ProcessorTimers {

  private final AgreementRepository agreements;
  private final ProcessorProperties properties;
  private final Clock clock;

  ProcessorTimers(AgreementRepository agreements, ProcessorProperties properties, Clock clock) {
    this.agreements = agreements;
    this.properties = properties;
    this.clock = clock;
  }

  /** PRC-5: the next periodic review (default 24 months after approval or the previous review). */
  public Date reviewAt(String reference) {
    return at(agreements.getByReference(reference).nextReviewOn());
  }

  /** The expiry reminder, {@code expiry-reminder-days-before} (default 60) days before the expiry date. */
  public Date expiryReminderAt(String reference) {
    return at(agreements.getByReference(reference).expiresOn().minusDays(properties.expiryReminderDaysBefore()));
  }

  /** The start of the day after the expiry date: the agreement has ended. */
  public Date expiredAt(String reference) {
    LocalDate after = agreements.getByReference(reference).expiresOn().plusDays(1);
    return Date.from(after.atStartOfDay(clock.getZone()).toInstant());
  }

  private Date at(LocalDate date) {
    return Date.from(date.atTime(properties.noticeTime()).atZone(clock.getZone()).toInstant());
  }
}
