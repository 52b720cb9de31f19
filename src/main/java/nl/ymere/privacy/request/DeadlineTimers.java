package nl.ymere.privacy.request;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Timer dates of the deadline watch in {@code data-subject-request.bpmn}, computed from the request's legal expiry
 * instant, the process variable {@code dueDate} that {@link RequestDeadlineService} keeps current:
 * {@code ${deadlineTimers.reminderAt(dueDate)}} and so on. All at 08:00 Europe/Amsterdam (issue 4, DL-11). The
 * watch reaches its timers one after the other, so each date is evaluated when its timer is created and a changed
 * deadline (message {@code DeadlineChanged}) restarts the watch with fresh dates.
 */
@Component("deadlineTimers")
public class DeadlineTimers {

  private final RequestDeadlineService deadlines;

  DeadlineTimers(RequestDeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  /** Reminder to the handling group, 7 calendar days before the due date. */
  public Date reminderAt(Date dueDate) {
    return deadlines.reminderAt(deadlines.dueDateOf(dueDate));
  }

  /** Escalation to the privacy officers, 2 working days before the due date. */
  public Date escalationBeforeAt(Date dueDate) {
    return deadlines.escalationBeforeAt(deadlines.dueDateOf(dueDate));
  }

  /** Escalation to the privacy officers on the due date itself. */
  public Date escalationOnDueAt(Date dueDate) {
    return deadlines.escalationOnDueAt(deadlines.dueDateOf(dueDate));
  }

  /** The moment the legal period has expired (after 23:59:59 Amsterdam on the due date). */
  public Date overdueAt(Date dueDate) {
    return deadlines.overdueAt(deadlines.dueDateOf(dueDate));
  }
}
