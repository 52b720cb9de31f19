package nl.ymere.privacy.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ymere.privacy.access.AccessReviewPage.DecisionForm;
import nl.ymere.privacy.access.AccessTeamReviews.TeamReview;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A restricted-data team's part of an access review (issue 16 item 2; SEC-1, ACC-3): the screen of the team's subtask
 * ({@link AccessTeamReviews}) shows only the items of the team's sources, with their content, and a decision per item as
 * on the review screen; it completes the subtask once each is decided. The subtask is found with the user's own engine
 * authorizations (candidate group = the team), its request and team in the product's tables; every decision goes
 * through {@link AccessTeamReviews#decide} and so through {@link AccessReviewService#decide}. Bad input shows the Dutch
 * error and stores nothing.
 */
@Controller
class AccessTeamReviewPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/bijzondere-gegevens";

  private final AccessTeamReviews teams;
  private final AccessReviewPage reviewPage;
  private final TaskService taskService;
  private final IdentityService identityService;

  AccessTeamReviewPage(AccessTeamReviews teams, AccessReviewPage reviewPage, TaskService taskService,
      IdentityService identityService) {
    this.teams = teams;
    this.reviewPage = reviewPage;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** The subtask's case page (Tasklist's "Zaak" tab) links here: a subtask of the review task. */
  @Bean
  static TaskScreen accessTeamReviewScreen() {
    return new TaskScreen(AccessRequestProcess.KEY, TaskScreen.subtaskOf(AccessRequestProcess.Elements.REVIEW_ITEMS),
        "Gegevens van uw team beoordelen", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String page(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    Found found = find(taskId);
    return render(model, found, ingebed, null);
  }

  @PostMapping(TASK_PATH + "/items/{system}/{itemId}")
  String decide(@PathVariable String taskId, @PathVariable String system, @PathVariable String itemId,
      @RequestParam(defaultValue = "false") boolean ingebed, DecisionForm form, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Found found = find(taskId);
    ItemRef ref = new ItemRef(system, itemId);
    Map<String, String> errors;
    HttpStatus status;
    try {
      teams.decide(found.review(), ref, form.command(), DataReader.current(identityService));
      redirect.addFlashAttribute("saved", ref.system() + "/" + ref.itemId());
      return "redirect:" + base(found) + (ingebed ? "?ingebed=true" : "") + "#item-" + system + "-" + itemId;
    } catch (ApiValidationException e) {
      status = HttpStatus.BAD_REQUEST;
      errors = e.errors().stream().collect(Collectors.toMap(ApiFieldError::field, AccessReviewPage::dutch,
          (a, b) -> a + " " + b, LinkedHashMap::new));
    } catch (RestrictedItemException e) {
      status = HttpStatus.FORBIDDEN;
      errors = Map.of("item", "Dit gegeven mag u niet inzien of beoordelen (SEC-1).");
    } catch (ApiConflictException e) {
      status = HttpStatus.CONFLICT;
      errors = Map.of("item", "De beoordeling van dit verzoek is niet meer open: beslissingen kunnen alleen worden "
          + "gewijzigd zolang de beoordelingstaak openstaat.");
    } catch (ApiNotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Dit gegeven hoort niet bij de gegevens van uw team.");
    }
    response.setStatus(status.value());
    model.addAttribute("errorItem", ref.system() + "/" + ref.itemId());
    model.addAttribute("errors", errors);
    model.addAttribute("entered", form);
    return render(model, found, ingebed, null);
  }

  @PostMapping(TASK_PATH + "/afronden")
  String complete(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model,
      HttpServletResponse response) {
    Found found = find(taskId);
    try {
      teams.complete(found.review(), DataReader.current(identityService));
    } catch (IllegalStateException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, found, ingebed, e.getMessage());
    }
    model.addAttribute("taskName", found.task().getName());
    model.addAttribute("reference", null);
    model.addAttribute("message", "De gegevens van uw team zijn beoordeeld. De behandelaar rondt de beoordeling af; "
        + "geweigerde of afgeschermde gegevens keurt een privacy officer goed (ACC-4).");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  private String render(Model model, Found found, boolean embedded, String completeError) {
    AccessReviewView view = teams.view(found.review(), DataReader.current(identityService));
    model.addAttribute("team", AccessReviewPage.groupName(found.review().team()));
    ScreenTask task = new ScreenTask(found.task().getId(), found.task().getName(), null, found.review().reference(),
        found.task().getAssignee());
    return reviewPage.show(model, view, task, embedded, base(found), completeError);
  }

  private static String base(Found found) {
    return TASK_PATH.replace("{taskId}", found.task().getId());
  }

  /** The subtask as the user may see it (engine authorizations), and its team review in the product's tables. */
  private Found find(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    TeamReview review = task == null ? null : teams.find(taskId).orElse(null);
    if (review == null || !DataReader.current(identityService).inAnyOf(java.util.Set.of(review.team()))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Deze taak bestaat niet (meer) of is niet voor u.");
    }
    return new Found(task, review);
  }

  private record Found(Task task, TeamReview review) {
  }
}
