package nl.ymere.privacy.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ymere.privacy.complaint.Complaint;
import nl.ymere.privacy.complaint.ComplaintService;
import nl.ymere.privacy.complaint.ComplaintStatus;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import org.springframework.stereotype.Service;

/**
 * The list of privacy complaints on the workbench (issue 16 item 3, "the same for complaints"): open complaints with
 * the due date of their written answer, days left coloured as a request's ({@link Urgency}), status and who holds
 * their open tasks. The due date is the one stored at registration by {@code ComplaintService.dueDateOf} (CMP-1: the
 * configured term, DL-2 month arithmetic, rolled forward per DL-3), the same that {@code ComplaintCaseDeadline} and
 * the complaint's timers use. Names come from the product's tables at view time (DESIGN principle 2).
 */
@Service
public class ComplaintOverview {

  /** At most this many rows; the desk narrows the search for more. */
  static final int LIMIT = 500;

  /** What the desk filters on; null or false means no filter. */
  public record Filter(String text, ComplaintStatus status, boolean overdue, boolean dueWithinWeek, boolean mine,
      boolean includeClosed) {
  }

  public record Result(List<ComplaintRow> rows, boolean truncated, LocalDate today) {
  }

  private final ComplaintService complaints;
  private final OpenTasks openTasks;
  private final DeadlineCalculator calendar;
  private final Clock clock;

  ComplaintOverview(ComplaintService complaints, OpenTasks openTasks, DeadlineCalculator calendar, Clock clock) {
    this.complaints = complaints;
    this.openTasks = openTasks;
    this.calendar = calendar;
    this.clock = clock;
  }

  public Result rows(Filter filter, String user) {
    LocalDate today = calendar.today(clock);
    List<Complaint> found = complaints.all().stream()
        .filter(c -> filter.includeClosed() || c.status() != ComplaintStatus.ANSWERED
            || filter.status() == ComplaintStatus.ANSWERED)
        .filter(c -> filter.status() == null || c.status() == filter.status())
        .filter(c -> matches(c, filter.text()))
        .sorted(Comparator.comparing(Complaint::dueDate).thenComparing(Complaint::reference))
        .toList();
    boolean truncated = found.size() > LIMIT;
    List<Complaint> shown = truncated ? found.subList(0, LIMIT) : found;
    Map<String, List<OverviewRow.OpenTask>> tasks = openTasks.byReference(shown.stream().map(Complaint::reference)
        .toList());
    List<ComplaintRow> rows = new ArrayList<>();
    for (Complaint complaint : shown) {
      ComplaintRow row = row(complaint, today, tasks.getOrDefault(complaint.reference(), List.of()));
      Urgency urgency = row.urgency();
      if (filter.overdue() && urgency != Urgency.OVERDUE
          || filter.dueWithinWeek() && (urgency == Urgency.GREEN || urgency == Urgency.OVERDUE)
          || filter.mine() && row.tasks().stream().noneMatch(t -> user.equals(t.assignee()))) {
        continue;
      }
      rows.add(row);
    }
    return new Result(rows, truncated, today);
  }

  /** The row of one complaint, also the head of its page. */
  ComplaintRow row(Complaint complaint, LocalDate today, List<OverviewRow.OpenTask> tasks) {
    boolean closed = complaint.status() == ComplaintStatus.ANSWERED;
    return new ComplaintRow(complaint, closed ? Urgency.GREEN : Urgency.of(complaint.dueDate(), today, calendar),
        closed ? "beantwoord" : Urgency.daysLeftText(complaint.dueDate(), today), tasks);
  }

  LocalDate today() {
    return calendar.today(clock);
  }

  /** By reference (exactly, any case) or by a part of the complainant's name. */
  private static boolean matches(Complaint complaint, String text) {
    if (text == null) {
      return true;
    }
    String wanted = text.toLowerCase(Locale.ROOT);
    return complaint.reference().equalsIgnoreCase(text)
        || complaint.complainantName() != null && complaint.complainantName().toLowerCase(Locale.ROOT)
        .contains(wanted);
  }
}
