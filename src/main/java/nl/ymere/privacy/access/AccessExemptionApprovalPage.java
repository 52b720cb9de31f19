package nl.ymere.privacy.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
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
 * The exemption approval screen (issue 16 item 2, ACC-4): the privacy officer sees every withheld or redacted item
 * with its code, reason and reviewer, read-only, and approves or sends the review back. The task is completed through
 * the engine with its form's fields only ({@code exemptionsApproved}, {@code approvalComment}), so the four-eyes
 * listener and the approval listener decide exactly as for Tasklist; their refusal is shown in Dutch.
 */
@Controller
class AccessExemptionApprovalPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/uitzonderingen";
  /** Form fields of {@code forms/approve-access-exemptions.form}. */
  static final String FIELD_APPROVED = AccessRequestProcess.Variables.EXEMPTIONS_APPROVED.name();

  private final AccessReviewService review;
  private final ScreenTasks tasks;
  private final IdentityService identityService;

  AccessExemptionApprovalPage(AccessReviewService review, ScreenTasks tasks, IdentityService identityService) {
    this.review = review;
    this.tasks = tasks;
    this.identityService = identityService;
  }

  @Bean
  static TaskScreen accessExemptionApprovalScreen() {
    return new TaskScreen(AccessRequestProcess.KEY, AccessRequestProcess.Elements.APPROVE_EXEMPTIONS,
        "Uitzonderingen bekijken en goedkeuren", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String page(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return render(model, task(taskId), ingebed, null, null, Map.of());
  }

  @PostMapping(TASK_PATH)
  String decide(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam(required = false) String approved, @RequestParam(required = false) String approvalComment,
      Authentication user, Model model, HttpServletResponse response) {
    ScreenTask task = task(taskId);
    String comment = approvalComment == null || approvalComment.isBlank() ? null : approvalComment.strip();
    if (!"ja".equals(approved) && !"nee".equals(approved)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, approved, comment, Map.of("approved",
          "Kies: de uitzonderingen goedkeuren, of de beoordeling terugsturen naar de behandelaar."));
    }
    if ("nee".equals(approved) && comment == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, approved, comment, Map.of("approvalComment",
          "Schrijf bij terugsturen wat de behandelaar moet aanpassen."));
    }
    Map<String, Object> fields = new HashMap<>();
    fields.put(FIELD_APPROVED, "ja".equals(approved));
    if (comment != null) {
      fields.put(AccessTaskListeners.FIELD_APPROVAL_COMMENT, comment);
    }
    try {
      tasks.complete(task, user.getName(), fields);
    } catch (ProcessEngineException e) {
      RefusedStepException refused = RefusedStepException.in(e);
      if (refused == null) {
        throw e;
      }
      response.setStatus(refused.kind() == RefusedStepException.Kind.NOT_ALLOWED ? HttpStatus.FORBIDDEN.value()
          : HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, approved, comment, Map.of("task", refused.getMessage()));
    }
    model.addAttribute("taskName", task.name());
    model.addAttribute("reference", task.reference());
    model.addAttribute("message", "ja".equals(approved)
        ? "De uitzonderingen zijn goedgekeurd; het dossier en de brief worden nu gemaakt."
        : "De beoordeling gaat terug naar de behandelaar, met uw opmerking.");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  private String render(Model model, ScreenTask task, boolean embedded, String approved, String comment,
      Map<String, String> errors) {
    AccessReviewView view = review.view(task.reference(), DataReader.current(identityService));
    List<AccessReviewView.Item> exempted = view.items().stream()
        .filter(item -> item.decision() == AccessDecision.WITHHOLD || item.decision() == AccessDecision.REDACT)
        .toList();
    model.addAttribute("task", task);
    model.addAttribute("view", view);
    model.addAttribute("exempted", exempted);
    model.addAttribute("fieldLabels", DossierFields.labelsOf(view.items()));
    model.addAttribute("included", view.items().stream().filter(i -> i.decision() == AccessDecision.INCLUDE)
        .count());
    model.addAttribute("decisions", AccessReviewPage.DECISIONS);
    model.addAttribute("codes", Arrays.stream(ExemptionCode.values()).collect(Collectors.toMap(Enum::name,
        ExemptionCode::groundNl, (a, b) -> a, LinkedHashMap::new)));
    model.addAttribute("embedded", embedded);
    model.addAttribute("approved", approved);
    model.addAttribute("comment", comment);
    model.addAttribute("errors", errors);
    model.addAttribute("base", TASK_PATH.replace("{taskId}", task.id()));
    return "workbench/access-exemptions";
  }

  private ScreenTask task(String taskId) {
    return tasks.find(taskId, AccessRequestProcess.KEY, AccessRequestProcess.Elements.APPROVE_EXEMPTIONS)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze goedkeuringstaak bestaat niet (meer) of is niet voor u."));
  }
}
