package nl.ymere.privacy.retention;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiForbiddenException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The owner group's review of its part of a destruction list (issue 17 item 2; RET-3), server-rendered: the lines of
 * the group (references, category, decision, hold), a keep-back form per line (reason and review date, through
 * {@link RetentionSweeps#keepBack}, which checks the group and the open review in the product's tables), and
 * completing the Tasklist task (through {@link ScreenTasks}, so the task listener records the reviewer for the
 * four-eyes approval). The task is found with the user's own engine authorizations; bad input shows the Dutch error and
 * stores nothing.
 */
@Controller
class RetentionReviewPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/bewaarlijst";
  static final int SHOWN_LINES = 500;

  private final RetentionSweeps sweeps;
  private final ScreenTasks tasks;
  private final TaskService taskService;
  private final IdentityService identityService;

  RetentionReviewPage(RetentionSweeps sweeps, ScreenTasks tasks, TaskService taskService,
      IdentityService identityService) {
    this.sweeps = sweeps;
    this.tasks = tasks;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Bean
  static TaskScreen retentionReviewScreen() {
    return new TaskScreen(RetentionSweepProcess.KEY, RetentionSweepProcess.Elements.REVIEW_PART,
        "Vernietigingslijst van uw groep beoordelen", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String page(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return render(model, task(taskId), ingebed, Map.of(), null);
  }

  @PostMapping(TASK_PATH + "/regels/{id}/tegenhouden")
  String keepBack(@PathVariable String taskId, @PathVariable("id") long lineId,
      @RequestParam(defaultValue = "false") boolean ingebed, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String reviewOn, Authentication user, Model model,
      HttpServletResponse response) {
    Found found = task(taskId);
    Map<String, String> errors = new LinkedHashMap<>();
    HttpStatus status = HttpStatus.BAD_REQUEST;
    LocalDate date = null;
    try {
      date = reviewOn == null || reviewOn.isBlank() ? null : LocalDate.parse(reviewOn.strip());
    } catch (DateTimeParseException notADate) {
      errors.put("reviewOn", "Vul een datum in als jjjj-mm-dd.");
    }
    if (errors.isEmpty()) {
      try {
        sweeps.keepBack(found.task().reference(), lineId, reason, date, user.getName(),
            DataReader.current(identityService).groups());
        return "redirect:" + base(found) + (ingebed ? "?ingebed=true" : "") + "#line-" + lineId;
      } catch (ApiValidationException e) {
        for (ApiFieldError error : e.errors()) {
          errors.put(error.field(), error.field().equals("reason") ? "Geef de reden (ten hoogste 2000 tekens)."
              : "Kies een datum na vandaag waarop het item opnieuw wordt bekeken.");
        }
      } catch (ApiForbiddenException e) {
        status = HttpStatus.FORBIDDEN;
        errors.put("line", "Alleen de eigenaar van dit item houdt het tegen.");
      } catch (ApiConflictException e) {
        status = HttpStatus.CONFLICT;
        errors.put("line", "Dit item kan niet meer worden tegengehouden: de beoordeling is afgerond of het item staat "
            + "niet ter vernietiging.");
      }
    }
    response.setStatus(status.value());
    model.addAttribute("errorLine", lineId);
    model.addAttribute("enteredReason", reason);
    model.addAttribute("enteredReviewOn", reviewOn);
    return render(model, found, ingebed, errors, null);
  }

  @PostMapping(TASK_PATH + "/afronden")
  String complete(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      Authentication user, Model model, HttpServletResponse response) {
    Found found = task(taskId);
    try {
      tasks.complete(found.task(), user.getName(), Map.of());
    } catch (ProcessEngineException e) {
      RefusedStepException refused = RefusedStepException.in(e);
      if (refused == null) {
        throw e;
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, found, ingebed, Map.of(), refused.getMessage());
    }
    model.addAttribute("taskName", found.task().name());
    model.addAttribute("reference", found.task().reference());
    model.addAttribute("message", "Uw deel van de vernietigingslijst is beoordeeld. Een privacy officer die geen deel "
        + "beoordeelde, keurt de hele lijst goed (vier ogen); pas daarna wordt er vernietigd.");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  private String render(Model model, Found found, boolean embedded, Map<String, String> errors,
      String completeError) {
    model.addAttribute("task", found.task());
    model.addAttribute("reference", found.task().reference());
    model.addAttribute("group", found.group());
    model.addAttribute("lines", sweeps.linesOf(found.task().reference(), found.group(), SHOWN_LINES));
    model.addAttribute("errors", errors);
    model.addAttribute("completeError", completeError);
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", base(found));
    return "workbench/retention-review";
  }

  private static String base(Found found) {
    return TASK_PATH.replace("{taskId}", found.task().id());
  }

  /** The review task as the user may see it, with its owner group; the user must be in that group. */
  private Found task(String taskId) {
    ScreenTask task = tasks.find(taskId, RetentionSweepProcess.KEY, RetentionSweepProcess.Elements.REVIEW_PART)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze taak bestaat niet (meer) of is niet voor u."));
    Object group = taskService.getVariable(taskId, RetentionSweepProcess.Variables.OWNER_GROUP.name());
    if (!(group instanceof String owner) || !DataReader.current(identityService).inAnyOf(Set.of(owner))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Deze taak bestaat niet (meer) of is niet voor u.");
    }
    return new Found(task, owner);
  }

  private record Found(ScreenTask task, String group) {
  }
}
