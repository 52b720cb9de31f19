package nl.ymere.privacy.process;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The "confirm refusal" screens (four eyes, LET-3; issue 16): a capability's second step on a proposed refusal, done
 * on a product page instead of a Camunda Form. The page shows every proposed refusal with its reasons (read from the
 * capability's tables at view time, never from variables) and who proposed it; the second person confirms or sends
 * it back, and the page completes the task through {@link ScreenTasks} with the task form's single boolean field, so
 * the four-eyes listener and the capability's own checks decide as in Tasklist. No choice, or a refusal by a
 * listener (the proposer confirming their own refusal), shows a Dutch error on the page and stores nothing.
 */
@Component
public class ConfirmRefusalScreens {

  /** What one capability's screen needs. {@code path} holds {@code {taskId}}. */
  public record Spec(String processKey, String taskDefinitionKey, String path, String confirmedField, String heading,
      String intro, Function<String, List<RefusalToConfirm>> refusals, String confirmedMessage,
      String sentBackMessage) {

    public TaskScreen screen() {
      return new TaskScreen(processKey, taskDefinitionKey, heading, path);
    }
  }

  static final String CONFIRM = "bevestigen";
  static final String SEND_BACK = "terugsturen";

  private final ScreenTasks tasks;

  ConfirmRefusalScreens(ScreenTasks tasks) {
    this.tasks = tasks;
  }

  public String show(Spec spec, String taskId, boolean embedded, Model model) {
    return render(spec, task(spec, taskId), embedded, model);
  }

  /** Completes the task with the choice, or shows the page again with the Dutch error (nothing stored). */
  public String decide(Spec spec, String taskId, String decision, String user, boolean embedded, Model model,
      HttpServletResponse response) {
    ScreenTask task = task(spec, taskId);
    String error = null;
    HttpStatus status = HttpStatus.BAD_REQUEST;
    if (!CONFIRM.equals(decision) && !SEND_BACK.equals(decision)) {
      error = "Kies: de weigering bevestigen of terugsturen naar de behandelaar.";
    } else {
      try {
        tasks.complete(task, user, Map.of(spec.confirmedField(), CONFIRM.equals(decision)));
      } catch (ProcessEngineException e) {
        RefusedStepException refused = RefusedStepException.in(e);
        if (refused == null) {
          throw e;
        }
        error = refused.getMessage();
        status = refused.kind() == RefusedStepException.Kind.NOT_ALLOWED ? HttpStatus.FORBIDDEN
            : HttpStatus.BAD_REQUEST;
      }
    }
    if (error != null) {
      response.setStatus(status.value());
      model.addAttribute("decisionError", error);
      return render(spec, task, embedded, model);
    }
    model.addAttribute("taskName", task.name());
    model.addAttribute("reference", task.reference());
    model.addAttribute("message", CONFIRM.equals(decision) ? spec.confirmedMessage() : spec.sentBackMessage());
    model.addAttribute("embedded", embedded);
    return "workbench/task-done";
  }

  private String render(Spec spec, ScreenTask task, boolean embedded, Model model) {
    List<RefusalToConfirm> all = spec.refusals().apply(task.reference());
    model.addAttribute("heading", spec.heading());
    model.addAttribute("intro", spec.intro());
    model.addAttribute("reference", task.reference());
    model.addAttribute("task", task);
    model.addAttribute("open", all.stream().filter(r -> r.decision() == null).toList());
    model.addAttribute("earlier", all.stream().filter(r -> r.decision() != null).toList());
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", spec.path().replace("{taskId}", task.id()));
    return "workbench/confirm-refusal";
  }

  private ScreenTask task(Spec spec, String taskId) {
    return tasks.find(taskId, spec.processKey(), spec.taskDefinitionKey())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze taak bestaat niet (meer) of is niet voor u."));
  }
}
