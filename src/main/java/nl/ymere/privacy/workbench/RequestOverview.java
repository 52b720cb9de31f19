package nl.ymere.privacy.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestSearch;
import nl.ymere.privacy.request.RequestStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final SystemActions system;
  private final DeadlineCalculator calendar;
  private final Clock clock;

  RequestOverview(RequestSearch search, TaskService taskService, RuntimeService runtimeService, SystemActions system,
      DeadlineCalculator calendar, Clock clock) {
    this.search = search;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.system = system;
    this.calendar = calendar;
    this.clock = clock;
  }

  public Result rows(Filter filter, String user) {
    LocalDate today = calendar.today(clock);
    List<RequestRecord> found = search.find(filter.text(), filter.right(), filter.status(), !filter.includeClosed());
    boolean truncated = found.size() > RequestSearch.LIMIT;
    List<RequestRecord> requests = truncated ? found.subList(0, RequestSearch.LIMIT) : found;
    Map<String, List<OverviewRow.OpenTask>> tasks = openTasks(requests);
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

  /**
   * Open tasks per request reference. Read as the system: the desk sees that a request waits on, say, the nuisance
   * team, even though it may not open that team's task (the task itself stays behind the engine's authorizations).
   * A task's business key is that of its process instance (the request's sub-processes share it).
   */
  private Map<String, List<OverviewRow.OpenTask>> openTasks(List<RequestRecord> requests) {
    Map<String, List<OverviewRow.OpenTask>> byReference = new LinkedHashMap<>();
    if (requests.isEmpty()) {
      return byReference;
    }
    String[] references = requests.stream().map(RequestRecord::reference).toArray(String[]::new);
    List<Task> open = system.call(() -> taskService.createTaskQuery().processInstanceBusinessKeyIn(references)
        .active().orderByTaskCreateTime().asc().list());
    Map<String, String> referenceByInstance = new HashMap<>();
    Set<String> instances = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    if (!instances.isEmpty()) {
      system.run(() -> runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()
          .forEach(instance -> referenceByInstance.put(instance.getId(), instance.getBusinessKey())));
    }
    for (Task task : open) {
      String reference = referenceByInstance.get(task.getProcessInstanceId());
      if (reference != null) {
        byReference.computeIfAbsent(reference, r -> new ArrayList<>())
            .add(new OverviewRow.OpenTask(task.getId(), task.getName(), task.getAssignee()));
      }
    }
    return byReference;
  }
}
