package nl.ymere.privacy.process;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user tasks behind the product's review screens (issue 16 item 2, DESIGN principle 10): a screen finds its task
 * with the user's own engine authorizations (set for {@code /werkbank} by the engine authentication filter), so only
 * who may see the task in Tasklist sees the screen, and completes it through the engine's public {@link FormService}
 * with the task form's fields only, as Tasklist does: the engine door and every task listener (four eyes, the
 * capability's checks in its own tables) apply unchanged.
 */
@Service
public class ScreenTasks {

  private final TaskService taskService;
  private final FormService formService;
  private final RuntimeService runtimeService;
  private final SystemActions system;
  private final StaffNames names;

  ScreenTasks(TaskService taskService, FormService formService, RuntimeService runtimeService,
      SystemActions system, StaffNames names) {
    this.names = names;
    this.taskService = taskService;
    this.formService = formService;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /**
   * The open task of that process and task definition, or empty when it does not exist, is of another kind, or the
   * current user may not see it.
   */
  public Optional<ScreenTask> find(String taskId, String processKey, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().taskId(taskId).processDefinitionKey(processKey)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    // the business key is read as the system: the user's right to the task was checked by the query above
    ProcessInstance instance = system.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    return Optional.of(new ScreenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
        instance == null ? null : instance.getBusinessKey(), task.getAssignee()));
  }

  /**
   * Completes the task as the user with the given form fields: an unassigned task is claimed for the user first (as
   * Tasklist's "Claim"), in the same transaction, so a refused completion leaves the task unclaimed.
   *
   * @throws RefusedStepException with the Dutch message when the task is someone else's, or a listener refuses
   */
  @Transactional
  public void complete(ScreenTask task, String user, Map<String, Object> formFields) {
    if (task.assignee() == null) {
      taskService.claim(task.id(), user);
    } else if (!task.assignee().equals(user)) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Deze taak is opgepakt door "
          + names.of(task.assignee()) + "; alleen die kan haar afronden.");
    }
    formService.submitTaskForm(task.id(), formFields);
  }
}
