package nl.ymere.privacy.workbench;

import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.request.RequestRecord;

/** One request in the staff overview: the request, its legal due date and urgency, and its open tasks. */
public record OverviewRow(RequestRecord request, LocalDate dueDate, Urgency urgency, String daysLeft,
    List<OpenTask> tasks) {

  /** An open task of the request: what it is, who has it, and its id for the link into Tasklist. */
  public record OpenTask(String id, String name, String assignee) {
  }

  /** The assignees of the open tasks, or "" when nobody has picked one up. */
  public String assignees() {
    return String.join(", ", tasks.stream().map(OpenTask::assignee).filter(a -> a != null).distinct().toList());
  }

  /** The login ids of those assignees, for their names on the page ({@code process/StaffNames}). */
  public List<String> assigneeIds() {
    return tasks.stream().map(OpenTask::assignee).filter(a -> a != null).distinct().toList();
  }

  public String requesterName() {
    return request.requesterName();
  }
}
