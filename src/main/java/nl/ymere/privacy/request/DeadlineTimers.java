package nl.ymere.privacy.request;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Timer dates of the deadline watch in {@code data-subject-request.bpmn}, read from the stored due date:
 * {@code ${deadlineTimers.reminderAt(reference)}} and so on. All at 08:00 Europe/Amsterdam (issue 4, DL-11).
 */
@Component("deadlineTimers")
public class DeadlineTimers {

  private final RequestRepository requests;
  private final RequestDeadlineService deadlines;

  DeadlineTimers(RequestRepository requests, RequestDeadlineService deadlines) {
    this.requests = requests;
    this.deadlines = deadlines;
  }

  /** Reminder to the handling group, 7 calendar days before the due date. */
  public Date reminderAt(String reference) {
    return deadlines.reminderAt(requests.getByReference(reference));
  }

  /** Escalation to the privacy officers, 2 working days before the due date. */
  public Date escalationBeforeAt(String reference) {
    return deadlines.escalationBeforeAt(requests.getByReference(reference));
  }

  /** Escalation to the privacy officers on the due date itself. */
  public Date escalationOnDueAt(String reference) {
    return deadlines.escalationOnDueAt(requests.getByReference(reference));
  }

  /** The moment the legal period has expired (after 23:59:59 Amsterdam on the due date). */
  public Date overdueAt(String reference) {
    return deadlines.overdueAt(requests.getByReference(reference));
  }
}
