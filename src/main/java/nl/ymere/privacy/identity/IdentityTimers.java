package nl.ymere.privacy.identity;

import java.util.Date;
import org.springframework.stereotype.Component;

/** Timer dates of {@code identity-verification.bpmn}: {@code ${identityTimers.reminderAt(reference)}} etc. */
@Component("identityTimers")
public class IdentityTimers {

  private final IdentityCheckService service;

  IdentityTimers(IdentityCheckService service) {
    this.service = service;
  }

  /** Reminder when no copy arrived (default 14 days after the question, 08:00). */
  public Date reminderAt(String reference) {
    return service.reminderAt(reference);
  }

  /** DL-9: the day after the no-reply period ends (default one month after the question), 08:00. */
  public Date noReplyAt(String reference) {
    return service.noReplyAt(reference);
  }

  /** ID-4: an unchecked copy is purged this long after it arrived (default 72 hours). */
  public Date purgeAt(String reference) {
    return service.purgeAt(reference);
  }
}
