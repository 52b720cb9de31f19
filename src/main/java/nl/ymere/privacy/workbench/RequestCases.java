package nl.ymere.privacy.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.RequestQueryService;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestView;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a {@link RequestCase} from the product's tables at view time (DESIGN principles 2 and 10). */
@Service
public class RequestCases {

  private final RequestRecords records;
  private final RequestQueryService queries;
  private final TaskService taskService;
  private final SystemActions system;
  private final DeadlineCalculator calendar;
  private final Clock clock;

  RequestCases(RequestRecords records, RequestQueryService queries, TaskService taskService, SystemActions system,
      DeadlineCalculator calendar, Clock clock) {
    this.records = records;
    this.queries = queries;
    this.taskService = taskService;
    this.system = system;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<RequestCase> find(String reference) {
    Optional<RequestRecord> found = records.findByReference(reference);
    Optional<RequestView> view = queries.find(reference);
    if (found.isEmpty() || view.isEmpty()) {
      return Optional.empty();
    }
    RequestRecord request = found.get();
    LocalDate today = calendar.today(clock);
    LocalDate due = request.effectiveDueDate();
    Urgency urgency = request.isClosed() ? Urgency.GREEN : Urgency.of(due, today, calendar);
    String daysLeft = request.isClosed() ? "afgesloten" : Urgency.daysLeftText(due, today);
    return Optional.of(new RequestCase(request, view.get(), due, urgency, daysLeft, timeline(view.get()),
        openTasks(reference)));
  }

  private static List<RequestCase.TimelineEntry> timeline(RequestView view) {
    List<RequestCase.TimelineEntry> entries = new ArrayList<>();
    for (RequestView.EventView event : view.events()) {
      entries.add(new RequestCase.TimelineEntry(event.at(), EventLabels.of(event.type()), event.by(),
          event.detail(), null));
    }
    for (RequestView.DocumentView document : view.documents()) {
      entries.add(new RequestCase.TimelineEntry(document.createdAt(), "Document: " + documentName(document.type()),
          null, "sjabloon " + document.templateVersion(), document.href()));
    }
    entries.sort(Comparator.comparing(RequestCase.TimelineEntry::at));
    return entries;
  }

  /** "request-acknowledgement" → "Request acknowledgement"; letters keep their template name as their type. */
  private static String documentName(String type) {
    String words = type == null ? "" : type.replace('-', ' ').replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private List<OverviewRow.OpenTask> openTasks(String reference) {
    return system.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference).active()
        .orderByTaskCreateTime().asc().list()).stream()
        .map(t -> new OverviewRow.OpenTask(t.getId(), t.getName(), t.getAssignee())).toList();
  }
}
