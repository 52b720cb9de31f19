package nl.ymere.privacy.rectification;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.ymere.privacy.access.DossierFields;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screen of the owning department's step (issue 16 item 2, REC-1, LET-3, SEC-1): every proposed change of the
 * request (new values and statements only for who may read the item), per change apply or refuse with a case-specific
 * reason ({@link RectificationPageService#refuse}, the same service as
 * {@code POST /api/requests/{reference}/rectification/changes/{id}/refusal}), and completing the task with its form's
 * field {@code changesChecked}: the apply listener then applies what was not refused, and a refusal goes to a privacy
 * officer (four eyes). A restricted team sees only its own items' changes. Bad input shows a Dutch error and stores
 * nothing.
 */
@Controller
class RectificationApplyPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/wijzigingen-beoordelen";

  private final RectificationPageService page;
  private final PersonalDataSources sources;
  private final ScreenTasks tasks;
  private final IdentityService identityService;

  RectificationApplyPage(RectificationPageService page, PersonalDataSources sources, ScreenTasks tasks,
      IdentityService identityService) {
    this.page = page;
    this.sources = sources;
    this.tasks = tasks;
    this.identityService = identityService;
  }

  @Bean
  static TaskScreen rectificationApplyScreen() {
    return new TaskScreen(RectificationProcess.KEY, RectificationProcess.Elements.APPLY_CHANGES,
        "Wijzigingen doorvoeren of weigeren", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String screen(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return render(model, task(taskId), ingebed);
  }

  @PostMapping(TASK_PATH + "/wijzigingen/{id}/weigeren")
  String refuse(@PathVariable String taskId, @PathVariable("id") long changeId,
      @RequestParam(defaultValue = "false") boolean ingebed, @RequestParam(required = false) String reason,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    ScreenTask task = task(taskId);
    String error;
    HttpStatus status;
    try {
      page.refuse(task.reference(), changeId, new RefuseChangeCommand(reason), DataReader.current(identityService));
      redirect.addFlashAttribute("saved", changeId);
      return "redirect:" + TASK_PATH.replace("{taskId}", taskId) + (ingebed ? "?ingebed=true" : "") + "#change-"
          + changeId;
    } catch (ApiValidationException e) {
      status = HttpStatus.BAD_REQUEST;
      error = "Geef een reden voor deze persoon en deze wijziging van minstens " + RectificationPageService.MIN_REASON
          + " tekens; zij komt in de brief (LET-3).";
    } catch (AccessDeniedException e) {
      status = HttpStatus.FORBIDDEN;
      error = "Over dit gegeven beslist alleen het eigen team of een privacy officer (SEC-1).";
    } catch (ApiConflictException e) {
      status = HttpStatus.CONFLICT;
      error = "Deze wijziging is al beoordeeld, of de wijzigingen worden nu niet doorgevoerd.";
    } catch (ApiNotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Deze wijziging hoort niet bij dit verzoek.");
    }
    response.setStatus(status.value());
    model.addAttribute("errorChange", changeId);
    model.addAttribute("changeError", error);
    model.addAttribute("enteredReason", reason);
    return render(model, task, ingebed);
  }

  /** Completes the task: every change is applied unless refused (the apply listener, REC-1). */
  @PostMapping(TASK_PATH + "/afronden")
  String complete(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam(required = false) String changesChecked, Authentication user, Model model,
      HttpServletResponse response) {
    ScreenTask task = task(taskId);
    String refusal = null;
    if (!"ja".equals(changesChecked)) {
      refusal = "Bevestig dat u elke voorgestelde wijziging heeft beoordeeld.";
    } else {
      try {
        tasks.complete(task, user.getName(), Map.of(RectificationProcess.Variables.CHANGES_CHECKED.name(), true));
      } catch (ProcessEngineException e) {
        RefusedStepException refused = RefusedStepException.in(e);
        if (refused == null) {
          throw e;
        }
        refusal = refused.getMessage();
      }
    }
    if (refusal != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("completeError", refusal);
      return render(model, task, ingebed);
    }
    model.addAttribute("taskName", task.name());
    model.addAttribute("reference", task.reference());
    model.addAttribute("message", "De wijzigingen die u niet weigerde zijn doorgevoerd en verklaringen toegevoegd. "
        + "Een weigering bevestigt eerst een privacy officer (vier ogen, LET-3).");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  private String render(Model model, ScreenTask task, boolean embedded) {
    RectificationView view = page.view(task.reference(), DataReader.current(identityService));
    Map<String, String> fieldLabels = new TreeMap<>();
    Map<String, String> sourceNames = new LinkedHashMap<>();
    for (RectificationView.Change change : view.changes()) {
      if (change.field() != null) {
        fieldLabels.put(change.field(), DossierFields.label(change.field()));
      }
      sourceNames.put(change.system(), sources.source(change.system()).displayName());
    }
    List<RectificationView.Change> proposed = view.changes().stream()
        .filter(change -> change.status() == ChangeStatus.PROPOSED).toList();
    model.addAttribute("task", task);
    model.addAttribute("reference", task.reference());
    model.addAttribute("view", view);
    model.addAttribute("proposedCount", proposed.size());
    model.addAttribute("fieldLabels", fieldLabels);
    model.addAttribute("sourceNames", sourceNames);
    model.addAttribute("kinds", RectificationChangesPage.KINDS);
    model.addAttribute("statuses", RectificationChangesPage.STATUS);
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", TASK_PATH.replace("{taskId}", task.id()));
    return "workbench/rectification-apply";
  }

  private ScreenTask task(String taskId) {
    return tasks.find(taskId, RectificationProcess.KEY, RectificationProcess.Elements.APPLY_CHANGES)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze taak bestaat niet (meer) of is niet voor u."));
  }
}
