package nl.ymere.privacy.complaint;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the complaint's timers from the stored complaint ({@code ${complaintTimers.reminderAt(complaintReference)}}):
 * the due date comes from the one calculator (DESIGN principle 3), offsets from {@code privacy.complaint.*}.
 */
@Component("complaintTimers")
public class ComplaintTimers {

  private final ComplaintService complaints;

  ComplaintTimers(ComplaintService complaints) {
    this.complaints = complaints;
  }

  public Date reminderAt(String complaintReference) {
    return complaints.reminderAt(complaintReference);
  }

  /** The legal due date's expiry (23:59:59 Amsterdam), shown as each user task's due date in Tasklist. */
  public Date dueAt(String complaintReference) {
    return complaints.dueAt(complaintReference);
  }

  public Date overdueAt(String complaintReference) {
    return complaints.overdueAt(complaintReference);
  }
}
