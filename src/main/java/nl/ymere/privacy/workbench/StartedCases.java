package nl.ymere.privacy.workbench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.CaseDeadline;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * What Tasklist's start notice shows after "Proces starten" (issue 16 item 4), for every startable process: the
 * case's reference, its kind and, where the capability keeps one, its due date. No personal data.
 *
 * <p>Who may see it is the engine's decision, as in Tasklist and Cockpit: the case's root process instance is looked
 * up in the history with the caller's own engine authentication (set for {@code /api} by the engine authentication
 * filter), so only a user with READ_HISTORY on its process definition (who may start or monitor that process,
 * {@code security/GroupAuthorizations}) finds it; anyone else gets the same 404 as for an unknown reference.
 */
@Service
public class StartedCases {

  /** What the notice shows; {@code dueDate} is null for a process without a term (camera protocol) or not yet. */
  public record StartedCase(String reference, String kind, String kindName, LocalDate dueDate) {
  }

  static final int MAX_REFERENCE = 100;

  private final HistoryService historyService;
  private final Map<String, CaseDeadline> deadlines;

  StartedCases(HistoryService historyService, List<CaseDeadline> deadlines) {
    this.historyService = historyService;
    this.deadlines = deadlines.stream().collect(Collectors.toMap(CaseDeadline::processKey, Function.identity()));
  }

  /** The case with that reference, or empty when there is none or the caller may not see it. */
  public Optional<StartedCase> find(String reference) {
    if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> roots = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).rootProcessInstances().orderByProcessInstanceStartTime().asc()
        .listPage(0, 1);
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    HistoricProcessInstance root = roots.get(0);
    CaseDeadline deadline = deadlines.get(root.getProcessDefinitionKey());
    LocalDate due = deadline == null ? null : deadline.dueDate(reference).orElse(null);
    return Optional.of(new StartedCase(reference, root.getProcessDefinitionKey(), root.getProcessDefinitionName(),
        due));
  }
}
