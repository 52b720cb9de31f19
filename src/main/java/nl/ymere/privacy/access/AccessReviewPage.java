package nl.ymere.privacy.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The access review screen (issue 16 item 2, ACC-3): every item found for the person with its Art 15 description, its
 * content where the user may read it (SEC-1), and a decision per item — include, redact with the third party's fields
 * or passages, or withhold with an exemption code and a case-specific reason. The counts are on the page; the task
 * completes only when every item is decided. Flagged items are decided by a privacy officer or their restricted team:
 * the desk sees who, and the officer decides them on the request's review screen
 * ({@code /werkbank/verzoeken/{reference}/inzage-beoordeling}). Every decision goes through
 * {@link AccessReviewService#decide}, the same service as {@code PUT /api/requests/{reference}/access-review/...},
 * so its checks apply; bad input re-renders the page with Dutch errors and stores nothing.
 */
@Controller
class AccessReviewPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/inzage-beoordeling";
  static final String REQUEST_PATH = "/werkbank/verzoeken/{reference}/inzage-beoordeling";

  static final Map<AccessDecision, String> DECISIONS = new EnumMap<>(Map.of(AccessDecision.INCLUDE, "Verstrekken",
      AccessDecision.REDACT, "Afschermen (gegevens van derden)", AccessDecision.WITHHOLD, "Weigeren"));

  private final AccessReviewService review;
  private final PersonalDataSources sources;
  private final ScreenTasks tasks;
  private final IdentityService identityService;

  AccessReviewPage(AccessReviewService review, PersonalDataSources sources, ScreenTasks tasks,
      IdentityService identityService) {
    this.review = review;
    this.sources = sources;
    this.tasks = tasks;
    this.identityService = identityService;
  }

  /** The case page of the review task links here (workbench). */
  @Bean
  static TaskScreen accessReviewScreen() {
    return new TaskScreen(AccessRequestProcess.KEY, AccessRequestProcess.Elements.REVIEW_ITEMS,
        "Beoordelingsscherm inzage openen", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String taskPage(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    ScreenTask task = task(taskId);
    return render(model, task.reference(), task, ingebed, null);
  }

  @GetMapping(REQUEST_PATH)
  String requestPage(@PathVariable String reference, Model model) {
    return render(model, reference, null, false, null);
  }

  @PostMapping(TASK_PATH + "/items/{system}/{itemId}")
  String decideOnTask(@PathVariable String taskId, @PathVariable String system, @PathVariable String itemId,
      @RequestParam(defaultValue = "false") boolean ingebed, DecisionForm form, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    ScreenTask task = task(taskId);
    return decide(task.reference(), task, ingebed, new ItemRef(system, itemId), form, model, response, redirect);
  }

  @PostMapping(REQUEST_PATH + "/items/{system}/{itemId}")
  String decideOnRequest(@PathVariable String reference, @PathVariable String system, @PathVariable String itemId,
      DecisionForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return decide(reference, null, false, new ItemRef(system, itemId), form, model, response, redirect);
  }

  /** Completes the review task (ACC-3: only when every item is decided; the listener checks it again). */
  @PostMapping(TASK_PATH + "/afronden")
  String complete(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      Authentication user, Model model, HttpServletResponse response) {
    ScreenTask task = task(taskId);
    try {
      review.counts(task.reference());
      tasks.complete(task, user.getName(), Map.of());
    } catch (IllegalStateException e) {
      return refused(model, response, task, ingebed, e.getMessage());
    } catch (ProcessEngineException e) {
      RefusedStepException refused = RefusedStepException.in(e);
      if (refused == null) {
        throw e;
      }
      return refused(model, response, task, ingebed, refused.getMessage());
    }
    model.addAttribute("taskName", task.name());
    model.addAttribute("reference", task.reference());
    model.addAttribute("message", "De beoordeling is afgerond. Zijn er gegevens geweigerd of afgeschermd, dan keurt "
        + "een privacy officer dat eerst goed (ACC-4).");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  private String refused(Model model, HttpServletResponse response, ScreenTask task, boolean embedded,
      String message) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return render(model, task.reference(), task, embedded, message);
  }

  private String decide(String reference, ScreenTask task, boolean embedded, ItemRef ref, DecisionForm form,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    String anchor = "item-" + ref.system() + "-" + ref.itemId();
    try {
      review.decide(reference, ref, form.command(), DataReader.current(identityService));
    } catch (ApiValidationException e) {
      return itemError(model, response, HttpStatus.BAD_REQUEST, reference, task, embedded, ref, form,
          e.errors().stream().collect(Collectors.toMap(ApiFieldError::field, AccessReviewPage::dutch,
              (a, b) -> a + " " + b, LinkedHashMap::new)));
    } catch (RestrictedItemException e) {
      return itemError(model, response, HttpStatus.FORBIDDEN, reference, task, embedded, ref, form,
          Map.of("item", "Dit zijn bijzondere of strafrechtelijke gegevens: alleen een privacy officer of het eigen "
              + "team mag ze inzien en beoordelen (SEC-1)."));
    } catch (ApiConflictException e) {
      return itemError(model, response, HttpStatus.CONFLICT, reference, task, embedded, ref, form,
          Map.of("item", "De beoordeling van dit verzoek is niet meer open: beslissingen kunnen alleen worden "
              + "gewijzigd zolang de beoordelingstaak openstaat."));
    } catch (ApiNotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Dit gegeven hoort niet bij dit verzoek.");
    }
    redirect.addFlashAttribute("saved", ref.system() + "/" + ref.itemId());
    String base = task != null ? TASK_PATH.replace("{taskId}", task.id()) + (embedded ? "?ingebed=true" : "")
        : REQUEST_PATH.replace("{reference}", reference);
    return "redirect:" + base + "#" + anchor;
  }

  private String itemError(Model model, HttpServletResponse response, HttpStatus status, String reference,
      ScreenTask task, boolean embedded, ItemRef ref, DecisionForm form, Map<String, String> errors) {
    response.setStatus(status.value());
    model.addAttribute("errorItem", ref.system() + "/" + ref.itemId());
    model.addAttribute("errors", errors);
    model.addAttribute("entered", form);
    return render(model, reference, task, embedded, null);
  }

  private String render(Model model, String reference, ScreenTask task, boolean embedded, String completeError) {
    AccessReviewView view;
    try {
      view = review.view(reference, DataReader.current(identityService));
    } catch (ApiNotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend verzoek.");
    }
    return show(model, view, task, embedded, task != null ? TASK_PATH.replace("{taskId}", task.id())
        : REQUEST_PATH.replace("{reference}", reference), completeError);
  }

  /** The review screen of the given view (all items, or a team's, {@link AccessTeamReviewPage}). */
  String show(Model model, AccessReviewView view, ScreenTask task, boolean embedded, String base,
      String completeError) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (AccessDecision decision : AccessDecision.values()) {
      counts.put(decision.name(), view.items().stream().filter(item -> item.decision() == decision).count());
    }
    Map<String, String> deciders = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (AccessReviewView.Item item : view.items()) {
      texts.put(item.system() + "/" + item.itemId(), item.redactTexts() == null ? ""
          : String.join("\n", item.redactTexts()));
      if (!item.readable()) {
        // SEC-1: the team gets its own subtask in Tasklist (AccessTeamReviews); an officer may decide here too
        deciders.put(item.system(), Stream.concat(Stream.of(Groups.PRIVACY_OFFICERS),
            sources.source(item.system()).flaggedItemReaders().stream()).map(AccessReviewPage::groupName)
            .collect(Collectors.joining(" of ")));
      }
    }
    model.addAttribute("view", view);
    model.addAttribute("fieldLabels", DossierFields.labelsOf(view.items()));
    model.addAttribute("counts", counts);
    model.addAttribute("deciders", deciders);
    model.addAttribute("texts", texts);
    model.addAttribute("decisions", DECISIONS);
    model.addAttribute("codes", Arrays.stream(ExemptionCode.values()).collect(Collectors.toMap(Enum::name,
        ExemptionCode::groundNl, (a, b) -> a, LinkedHashMap::new)));
    model.addAttribute("task", task);
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", base);
    model.addAttribute("completeError", completeError);
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "workbench/access-review";
  }

  private ScreenTask task(String taskId) {
    return tasks.find(taskId, AccessRequestProcess.KEY, AccessRequestProcess.Elements.REVIEW_ITEMS)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze beoordelingstaak bestaat niet (meer) of is niet voor u."));
  }

  static String groupName(String group) {
    return switch (group) {
      case Groups.PRIVACY_OFFICERS -> "een privacy officer";
      case Groups.NUISANCE_TEAM -> "het overlastteam";
      case Groups.HOUSING_ADAPTATION -> "het team woningaanpassing";
      default -> group;
    };
  }

  /** The service's field errors in the screen's words (ACC-3). */
  static String dutch(ApiFieldError error) {
    String message = error.message();
    if (message.startsWith("must be one of INCLUDE")) {
      return "Kies verstrekken, afschermen of weigeren.";
    }
    if (message.startsWith("must be one of THIRD_PARTY")) {
      return "Kies een van de uitzonderingsgronden uit de lijst.";
    }
    if (message.startsWith("is required to withhold")) {
      return "Kies een uitzonderingsgrond om dit gegeven te weigeren (ACC-3).";
    }
    if (message.startsWith("a case-specific reason")) {
      return "Geef een motivering voor deze zaak van minstens " + AccessReviewService.MIN_REASON
          + " tekens (ACC-3).";
    }
    if (message.startsWith("name the third party")) {
      return "Kies de velden of noem de tekstpassages van de derde die worden afgeschermd.";
    }
    if (message.startsWith("the item has no field ")) {
      return "Dit gegeven heeft geen veld " + message.substring("the item has no field ".length()) + ".";
    }
    if (message.startsWith("a redaction protects")) {
      return "Afschermen beschermt gegevens van derden: daar hoort alleen de grond 'rechten van anderen' bij.";
    }
    return "Deze invoer is niet geldig.";
  }

  /**
   * The fields of one item's form. Only what belongs to the chosen decision is passed on: a code or a reason left in
   * the form from an earlier choice does not count for "include".
   */
  public record DecisionForm(String decision, String exemptionCode, String reason, List<String> redactFields,
      String redactTexts) {

    AccessItemDecisionCommand command() {
      String chosen = decision == null || decision.isBlank() ? null : decision;
      List<String> texts = redactTexts == null ? List.of()
          : Arrays.stream(redactTexts.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList();
      String code = exemptionCode == null || exemptionCode.isBlank() ? null : exemptionCode;
      if (AccessDecision.REDACT.name().equals(chosen)) {
        return new AccessItemDecisionCommand(chosen, null, reason, redactFields, texts);
      }
      if (AccessDecision.WITHHOLD.name().equals(chosen)) {
        return new AccessItemDecisionCommand(chosen, code, reason, null, null);
      }
      return new AccessItemDecisionCommand(chosen, null, null, null, null);
    }

    public boolean fieldChosen(String field) {
      return redactFields != null && redactFields.contains(field);
    }
  }
}
