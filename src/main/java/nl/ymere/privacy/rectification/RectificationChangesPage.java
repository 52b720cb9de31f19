package nl.ymere.privacy.rectification;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.ymere.privacy.access.DossierFields;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
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
 * The rectification choice screen (issue 16 item 2, REC-1, REC-2, REQ-6): the person's items by source with their
 * correctable fields; per item the handler records what the person asks — correct or complete a field with the new
 * value, or, for a recorded opinion or observation (a nuisance report, a witness statement) that is never rewritten,
 * attach the person's own statement — optionally blocking the item while it is checked (REC-2) and saying why its
 * recipients cannot be told (REQ-6). Every change goes through {@link RectificationPageService#record}, the same
 * service as {@code POST /api/requests/{reference}/rectification/changes}, so its checks apply; the values stay in
 * {@code privacy.rectification_change}, never in the process. Bad input re-renders the page with Dutch errors and
 * stores nothing; the screen completes the task (the recorded listener requires at least one change).
 */
@Controller
class RectificationChangesPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/wijzigingen";
  private static final String TENANCY_PATTERN = "[A-Za-z0-9-]{1,40}";

  static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(ChangeKind.CORRECT.name(), "Corrigeren (onjuist gegeven)");
    KINDS.put(ChangeKind.COMPLETE.name(), "Aanvullen (onvolledig gegeven)");
    KINDS.put(ChangeKind.STATEMENT.name(), "Verklaring van de persoon toevoegen");
  }

  static final Map<String, String> STATUS = Map.of(ChangeStatus.PROPOSED.name(), "voorgesteld",
      ChangeStatus.APPLIED.name(), "doorgevoerd", ChangeStatus.REFUSED.name(), "geweigerd");

  private final RectificationPageService page;
  private final PersonalDataSources sources;
  private final ScreenTasks tasks;
  private final IdentityService identityService;

  RectificationChangesPage(RectificationPageService page, PersonalDataSources sources, ScreenTasks tasks,
      IdentityService identityService) {
    this.page = page;
    this.sources = sources;
    this.tasks = tasks;
    this.identityService = identityService;
  }

  @Bean
  static TaskScreen rectificationChangesScreen() {
    return new TaskScreen(RectificationProcess.KEY, RectificationProcess.Elements.RECORD_CHANGES,
        "Gevraagde wijzigingen vastleggen", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String screen(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return render(model, task(taskId), ingebed);
  }

  /** Searches again with the tenancy number too (kept with the case, not in the process). */
  @PostMapping(TASK_PATH + "/zoeken")
  String search(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam(required = false) String tenancyNumber, Model model, HttpServletResponse response) {
    ScreenTask task = task(taskId);
    String number = tenancyNumber == null ? "" : tenancyNumber.strip();
    if (!number.matches(TENANCY_PATTERN)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("searchError", "Het huurovereenkomstnummer bestaat uit letters, cijfers en streepjes "
          + "(hoogstens 40 tekens).");
      model.addAttribute("tenancyEntered", number);
      return render(model, task, ingebed);
    }
    try {
      page.searchWithTenancyNumber(task.reference(), number, DataReader.current(identityService));
    } catch (AccessDeniedException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Alleen de privacydesk en privacy officers leggen "
          + "wijzigingen vast.");
    }
    return "redirect:" + base(task, ingebed);
  }

  @PostMapping(TASK_PATH + "/items/{system}/{itemId}")
  String record(@PathVariable String taskId, @PathVariable String system, @PathVariable String itemId,
      @RequestParam(defaultValue = "false") boolean ingebed, ChangeForm form, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    ScreenTask task = task(taskId);
    String key = system + "/" + itemId;
    try {
      page.record(task.reference(), form.command(system, itemId), DataReader.current(identityService));
    } catch (ApiValidationException e) {
      return itemError(model, response, HttpStatus.BAD_REQUEST, task, ingebed, key, form,
          e.errors().stream().collect(Collectors.toMap(ApiFieldError::field, RectificationChangesPage::dutch,
              (a, b) -> a + " " + b, LinkedHashMap::new)));
    } catch (AccessDeniedException e) {
      return itemError(model, response, HttpStatus.FORBIDDEN, task, ingebed, key, form, Map.of("item",
          "Alleen de privacydesk en privacy officers leggen wijzigingen vast."));
    } catch (ApiConflictException e) {
      return itemError(model, response, HttpStatus.CONFLICT, task, ingebed, key, form, Map.of("item",
          "Dit verzoek staat niet meer open voor het vastleggen van wijzigingen."));
    }
    redirect.addFlashAttribute("saved", key);
    return "redirect:" + base(task, ingebed) + "#item-" + system + "-" + itemId;
  }

  /** Completes the recording task: at least one change (REC-1; the recorded listener checks it again). */
  @PostMapping(TASK_PATH + "/afronden")
  String complete(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      Authentication user, Model model, HttpServletResponse response) {
    ScreenTask task = task(taskId);
    RectificationView view = page.view(task.reference(), DataReader.current(identityService));
    String refusal = null;
    if (view.changes().isEmpty()) {
      refusal = "Leg eerst minstens één wijziging of verklaring vast (REC-1).";
    } else {
      try {
        tasks.complete(task, user.getName(), Map.of());
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
    model.addAttribute("message", "De wijzigingen zijn vastgelegd. De eigenaar van de gegevens voert ze door of "
        + "weigert ze met een reden; een weigering bevestigt een privacy officer (vier ogen, LET-3).");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  private String itemError(Model model, HttpServletResponse response, HttpStatus status, ScreenTask task,
      boolean embedded, String key, ChangeForm form, Map<String, String> errors) {
    response.setStatus(status.value());
    model.addAttribute("errorItem", key);
    model.addAttribute("errors", errors);
    model.addAttribute("entered", form);
    return render(model, task, embedded);
  }

  private String render(Model model, ScreenTask task, boolean embedded) {
    RectificationView view = page.view(task.reference(), DataReader.current(identityService));
    Map<String, List<RectificationView.Item>> bySource = new LinkedHashMap<>();
    Map<String, String> fieldLabels = new TreeMap<>();
    Map<String, String> opinions = new LinkedHashMap<>();
    for (RectificationView.Item item : view.items()) {
      bySource.computeIfAbsent(sources.source(item.system()).displayName(), name -> new java.util.ArrayList<>())
          .add(item);
      item.correctableFields().forEach(field -> fieldLabels.put(field, DossierFields.label(field)));
      // REC-1: fields that record someone's opinion or observation are never rewritten; a statement is attached
      opinions.put(item.system() + "/" + item.itemId(), sources.source(item.system()).recordedOpinions(item.itemId())
          .stream().map(DossierFields::label).sorted().collect(Collectors.joining(", ")));
    }
    view.changes().stream().filter(change -> change.field() != null)
        .forEach(change -> fieldLabels.put(change.field(), DossierFields.label(change.field())));
    model.addAttribute("task", task);
    model.addAttribute("reference", task.reference());
    model.addAttribute("view", view);
    model.addAttribute("bySource", bySource);
    model.addAttribute("fieldLabels", fieldLabels);
    model.addAttribute("opinions", opinions);
    model.addAttribute("kinds", KINDS);
    model.addAttribute("statuses", STATUS);
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", TASK_PATH.replace("{taskId}", task.id()));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "workbench/rectification-changes";
  }

  private static String base(ScreenTask task, boolean embedded) {
    return TASK_PATH.replace("{taskId}", task.id()) + (embedded ? "?ingebed=true" : "");
  }

  private ScreenTask task(String taskId) {
    return tasks.find(taskId, RectificationProcess.KEY, RectificationProcess.Elements.RECORD_CHANGES)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze taak bestaat niet (meer) of is niet voor u."));
  }

  /** The service's field errors in the screen's words (REC-1, REQ-6). */
  static String dutch(ApiFieldError error) {
    String message = error.message();
    if (error.field().equals("kind")) {
      return "Kies: corrigeren, aanvullen of een verklaring van de persoon toevoegen.";
    }
    if (message.startsWith("is required: the new value")) {
      return "Vul de nieuwe waarde in, of bij een verklaring de woorden van de persoon.";
    }
    if (message.startsWith("must be at most") && error.field().equals("value")) {
      return "De waarde of verklaring is te lang (hoogstens " + RectificationPageService.MAX_VALUE + " tekens).";
    }
    if (message.startsWith("must be a date")) {
      return "Vul een datum in als JJJJ-MM-DD.";
    }
    if (message.startsWith("a statement is attached")) {
      return "Een verklaring hoort bij het hele gegeven: kies er geen veld bij.";
    }
    if (message.startsWith("is required to correct")) {
      return "Kies het veld dat wordt gecorrigeerd of aangevuld.";
    }
    if (message.startsWith("cannot be corrected")) {
      return "Dit veld kan niet worden gecorrigeerd. Een vastgelegde mening of waarneming wordt niet herschreven: "
          + "voeg de verklaring van de persoon toe (REC-1).";
    }
    if (message.startsWith("say in at least")) {
      return "Leg in minstens " + RectificationPageService.MIN_EXCEPTION_REASON + " tekens vast waarom de ontvangers "
          + "niet kunnen worden geïnformeerd (REQ-6).";
    }
    if (message.startsWith("the item has no recipients")) {
      return "Dit gegeven heeft geen ontvangers: laat de reden leeg.";
    }
    if (error.field().equals("itemId")) {
      return "Dit gegeven hoort niet bij deze persoon.";
    }
    return "Deze invoer is niet geldig.";
  }

  /**
   * The fields of one item's form. Only what belongs to the chosen kind is passed on: a field chosen before switching
   * to a statement does not count.
   */
  public record ChangeForm(String kind, String field, String value, String restrictWhileChecking,
      String recipientsNotInformedReason) {

    RecordChangeCommand command(String system, String itemId) {
      String chosen = kind == null || kind.isBlank() ? null : kind.strip();
      String chosenField = ChangeKind.STATEMENT.name().equals(chosen) || field == null || field.isBlank() ? null
          : field.strip();
      return new RecordChangeCommand(system, itemId, chosen, chosenField, value, null,
          restrictWhileChecking != null && !restrictWhileChecking.isBlank(), recipientsNotInformedReason);
    }
  }
}
