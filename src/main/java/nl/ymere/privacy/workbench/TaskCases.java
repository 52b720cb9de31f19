package nl.ymere.privacy.workbench;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.process.TaskScreen;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The case of a task (issue 16 item 1). The task is looked up with the caller's engine authentication (set for
 * {@code /werkbank} by the engine authentication filter), so only a user who may see the task in Tasklist sees its
 * case; definition and business key are then read as the system.
 */
@Service
public class TaskCases {

  /** The processes whose business key is a data-subject request's reference. */
  static final Set<String> REQUEST_PROCESSES = Set.of("data-subject-request", "identity-verification");

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final SystemActions system;
  private final RequestCases requests;
  private final List<TaskScreen> screens;

  TaskCases(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
      SystemActions system, RequestCases requests, List<TaskScreen> screens) {
    this.screens = List.copyOf(screens);
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.system = system;
    this.requests = requests;
  }

  /** The task's case, or empty when the task does not exist or the caller may not see it. */
  public Optional<TaskCase> find(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    ProcessDefinition definition = system.call(() -> repositoryService.getProcessDefinition(
        task.getProcessDefinitionId()));
    ProcessInstance instance = system.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    String reference = instance == null ? null : instance.getBusinessKey();
    String key = definition.getKey();
    RequestCase request = isRequestProcess(key) && reference != null ? requests.find(reference).orElse(null) : null;
    return Optional.of(new TaskCase(task.getId(), task.getName(), task.getTaskDefinitionKey(), key,
        definition.getName(), reference, task.getAssignee(), task.getDueDate(), request,
        screens.stream().filter(screen -> screen.serves(key, task.getTaskDefinitionKey())).findFirst()
            .orElse(null)));
  }

  static boolean isRequestProcess(String processKey) {
    return REQUEST_PROCESSES.contains(processKey) || processKey.startsWith("dsr-");
  }
}
