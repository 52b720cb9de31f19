package nl.ymere.privacy.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestSearch;
import nl.ymere.privacy.request.RequestStatus;
import org.springframework.stereotype.Service;

/**
 * The privacy desk's list of requests (issue 16 "werkbank"): open requests with their legal due date, days left and
 * urgency, status and who holds their open tasks; filters as the desk asked for them. The personal data shown come
 * from the product's tables at view time (DESIGN principle 2); task names and assignees from the engine.
 */
@Service
public class RequestOverview {

  /** What the desk filters on; null or false means no filter. */
  public record Filter(String text, RequestRight right, RequestStatus status, boolean overdue, boolean dueWithinWeek,
      boolean mine, boolean includeClosed) {

    static Filter none() {
      return new Filter(null, null, null, false, false, false, false);
    }
  }

  /** The rows and whether the list was cut off at {@link RequestSearch#LIMIT}. */
  public record Result(List<OverviewRow> rows, boolean truncated, LocalDate today) {
  }

  private final RequestSearch search;
  private final OpenTasks openTasks;
  private final DeadlineCalculator calendar;
  private final Clock clock;

  RequestOverview(RequestSearch search, OpenTasks openTasks, DeadlineCalculator calendar, Clock clock) {
    this.search = search;
    this.openTasks = openTasks;
    this.calendar = calendar;
    this.clock = clock;
  }

  public Result rows(Filter filter, String user) {
    LocalDate today = calendar.today(clock);
    List<RequestRecord> found = search.find(filter.text(), filter.right(), filter.status(), !filter.includeClosed());
    boolean truncated = found.size() > RequestSearch.LIMIT;
    List<RequestRecord> requests = truncated ? found.subList(0, RequestSearch.LIMIT) : found;
    Map<String, List<OverviewRow.OpenTask>> tasks = openTasks.byReference(requests.stream()
        .map(RequestRecord::reference).toList());
    List<OverviewRow> rows = new ArrayList<>();
    for (RequestRecord request : requests) {
      LocalDate due = request.effectiveDueDate();
      Urgency urgency = request.isClosed() ? Urgency.GREEN : Urgency.of(due, today, calendar);
      OverviewRow row = new OverviewRow(request, due, urgency, request.isClosed() ? "afgesloten"
          : Urgency.daysLeftText(due, today), tasks.getOrDefault(request.reference(), List.of()));
      if (filter.overdue() && urgency != Urgency.OVERDUE
          || filter.dueWithinWeek() && (urgency == Urgency.GREEN || urgency == Urgency.OVERDUE)
          || filter.mine() && row.tasks().stream().noneMatch(t -> user.equals(t.assignee()))) {
        continue;
      }
      rows.add(row);
    }
    rows.sort(Comparator.comparing(OverviewRow::dueDate).thenComparing(r -> r.request().reference()));
    return new Result(rows, truncated, today);
  }
}
