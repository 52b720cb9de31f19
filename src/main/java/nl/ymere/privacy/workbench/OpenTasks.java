package nl.ymere.privacy.workbench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open tasks of cases by their reference, for the workbench's lists and case pages (issue 16). Read as the
 * system: the desk sees that a case waits on, say, the nuisance team, even though it may not open that team's task
 * (the task itself stays behind the engine's authorizations). A task's business key is that of its process instance
 * (a case's sub-processes share it): a request's, a complaint's or a breach's reference.
 */
@Component
class OpenTasks {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final SystemActions system;

  OpenTasks(TaskService taskService, RuntimeService runtimeService, SystemActions system) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** Open tasks per reference, oldest first; a reference without open tasks has no entry. */
  Map<String, List<OverviewRow.OpenTask>> byReference(Collection<String> references) {
    Map<String, List<OverviewRow.OpenTask>> byReference = new LinkedHashMap<>();
    if (references.isEmpty()) {
      return byReference;
    }
    String[] keys = references.toArray(String[]::new);
    List<Task> open = system.call(() -> taskService.createTaskQuery().processInstanceBusinessKeyIn(keys)
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

  /** The open tasks of one case, oldest first. */
  List<OverviewRow.OpenTask> of(String reference) {
    return system.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference).active()
        .orderByTaskCreateTime().asc().list()).stream()
        .map(t -> new OverviewRow.OpenTask(t.getId(), t.getName(), t.getAssignee())).toList();
  }
}
