package nl.ymere.privacy.workbench;

import java.util.List;
import nl.ymere.privacy.complaint.Complaint;
import nl.ymere.privacy.complaint.ComplaintStatus;

/**
 * One privacy complaint in the staff list (issue 16 item 3): the complaint, how close its answer's due date is
 * (CMP-1 with DL-1..DL-3, the same {@link Urgency} as a request's) and its open tasks.
 */
public record ComplaintRow(Complaint complaint, Urgency urgency, String daysLeft, List<OverviewRow.OpenTask> tasks) {

  public boolean closed() {
    return complaint.status() == ComplaintStatus.ANSWERED;
  }

  /** The login ids of the open tasks' assignees, for their names ({@code process/StaffNames}). */
  public List<String> assigneeIds() {
    return tasks.stream().map(OverviewRow.OpenTask::assignee).filter(a -> a != null).distinct().toList();
  }
}
