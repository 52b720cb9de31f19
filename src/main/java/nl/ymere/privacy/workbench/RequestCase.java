package nl.ymere.privacy.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestView;

/**
 * A request as staff see it on its page and beside each of its tasks (issue 16): who asks what, the legal dates and
 * how much time is left, what happened so far (events, letters and documents in one timeline) and its open tasks.
 */
public record RequestCase(RequestRecord request, RequestView view, LocalDate dueDate, Urgency urgency,
    String daysLeft, List<TimelineEntry> timeline, List<OverviewRow.OpenTask> tasks) {

  /** One line of the timeline: an event of the request's log, or a letter or document with its link. */
  public record TimelineEntry(Instant at, String what, String by, String detail, String href) {
  }

  /** The person the request is about: the data subject when a representative asks, else the requester. */
  public boolean represented() {
    return request.subjectName() != null && !request.subjectName().isBlank();
  }
}
