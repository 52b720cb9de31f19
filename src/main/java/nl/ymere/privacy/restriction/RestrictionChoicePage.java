package nl.ymere.privacy.restriction;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.restriction.RestrictionProcess.Decision;
import nl.ymere.privacy.restriction.RestrictionProcess.Variables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The restriction choice screen (issue 16 item 2, RES-1, REQ-6): the person's items by source (descriptions only, never
 * content, SEC-1; BEPERKT when already blocked), a tick per item to restrict with, where its recipients cannot be told,
 * the reason, and the RES-1 ground; or the proposed refusal with its reasons when no ground applies (LET-3, confirmed
 * by a privacy officer). The screen completes the task with its form's fields ({@code restrictionDecision},
 * {@code restrictionGround}, {@code tenancyNumber}, {@code restrictionItems} in the line format of
 * {@link RestrictionService#choose}, {@code refusalReasons}); the choice listener moves the free text into the product
 * table and the service decides as for Tasklist: a refusal is shown in Dutch and nothing is stored (DESIGN 7).
 */
@Controller
class RestrictionChoicePage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/beperking";
  private static final String TENANCY_PATTERN = "[A-Za-z0-9-]{1,40}";

  static final Map<String, String> DECISIONS = new LinkedHashMap<>();

  static {
    DECISIONS.put(Decision.RESTRICT.name(), "Beperken (een grond van RES-1 geldt)");
    DECISIONS.put(Decision.REFUSE.name(), "Weigeren (geen grond van RES-1 geldt)");
  }

  private final RestrictionService restriction;
  private final PersonalDataSources sources;
  private final ScreenTasks tasks;

  RestrictionChoicePage(RestrictionService restriction, PersonalDataSources sources, ScreenTasks tasks) {
    this.restriction = restriction;
    this.sources = sources;
    this.tasks = tasks;
  }

  @Bean
  static TaskScreen restrictionChoiceScreen() {
    return new TaskScreen(RestrictionProcess.KEY, RestrictionProcess.Elements.CHOOSE_ITEMS,
        "Items en grond van de beperking kiezen", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String page(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return render(model, task(taskId), ingebed, "", Map.of(), Map.of());
  }

  /** Searches again with the tenancy number too; nothing is stored (the number goes with the choice). */
  @PostMapping(TASK_PATH + "/zoeken")
  String search(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam(required = false) String tenancyNumber, Model model, HttpServletResponse response) {
    ScreenTask task = task(taskId);
    String number = tenancyNumber == null ? "" : tenancyNumber.strip();
    if (!number.isEmpty() && !number.matches(TENANCY_PATTERN)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, "", Map.of(), Map.of("tenancyNumber", "Het huurovereenkomstnummer bestaat "
          + "uit letters, cijfers en streepjes (hoogstens 40 tekens)."));
    }
    return render(model, task, ingebed, number, Map.of(), Map.of());
  }

  @PostMapping(TASK_PATH)
  String choose(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
      HttpServletResponse response) {
    ScreenTask task = task(taskId);
    String tenancyNumber = strip(form.getFirst("tenancyNumber"));
    Map<String, Object> entered = new HashMap<>();
    entered.put("decision", strip(form.getFirst("decision")));
    entered.put("ground", strip(form.getFirst("ground")));
    entered.put("refusalReasons", form.getFirst("refusalReasons"));
    List<String> chosen = form.getOrDefault("item", List.of());
    entered.put("items", chosen);
    Map<String, String> exceptions = new HashMap<>();
    form.forEach((name, values) -> {
      if (name.startsWith("exception.") && !values.isEmpty()) {
        exceptions.put(name.substring("exception.".length()), values.get(0));
      }
    });
    entered.put("exceptions", exceptions);
    if (!tenancyNumber.isEmpty() && !tenancyNumber.matches(TENANCY_PATTERN)) {
      return refused(model, response, task, ingebed, "", entered, Map.of("tenancyNumber", "Het "
          + "huurovereenkomstnummer bestaat uit letters, cijfers en streepjes (hoogstens 40 tekens)."));
    }
    String decision = (String) entered.get("decision");
    if (!DECISIONS.containsKey(decision)) {
      return refused(model, response, task, ingebed, tenancyNumber, entered,
          Map.of("decision", "Kies: beperken (een grond van RES-1 geldt) of weigeren."));
    }
    // only what belongs to the chosen decision is passed on: ticks left from an earlier choice do not count
    Map<String, Object> fields = new HashMap<>();
    fields.put(Variables.DECISION.name(), decision);
    if (Decision.RESTRICT.name().equals(decision)) {
      List<String> lines = new ArrayList<>();
      for (String ref : chosen) {
        String exception = strip(exceptions.get(ref));
        lines.add(exception.isEmpty() ? ref : ref + " ; " + exception);
      }
      fields.put(Variables.GROUND.name(), entered.get("ground"));
      fields.put(Variables.FIELD_ITEMS, String.join("\n", lines));
      if (!tenancyNumber.isEmpty()) {
        fields.put(Variables.FIELD_TENANCY_NUMBER, tenancyNumber);
      }
    } else {
      fields.put(Variables.FIELD_REFUSAL_REASONS, form.getFirst("refusalReasons"));
    }
    try {
      tasks.complete(task, user.getName(), fields);
    } catch (ProcessEngineException e) {
      RefusedStepException refusal = RefusedStepException.in(e);
      if (refusal == null) {
        throw e;
      }
      return refused(model, response, task, ingebed, tenancyNumber, entered, Map.of("task", refusal.getMessage()));
    }
    model.addAttribute("taskName", task.name());
    model.addAttribute("reference", task.reference());
    model.addAttribute("message", Decision.RESTRICT.name().equals(decision)
        ? "De gekozen gegevens worden in de systemen geblokkeerd; de ontvangers worden geïnformeerd en de persoon "
            + "krijgt een brief (RES-2, LET-5)."
        : "Uw voorstel tot weigering is vastgelegd. Een privacy officer bevestigt het voordat de brief verstuurd wordt "
            + "(vier ogen, LET-3).");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  private String refused(Model model, HttpServletResponse response, ScreenTask task, boolean embedded,
      String tenancyNumber, Map<String, Object> entered, Map<String, String> errors) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return render(model, task, embedded, tenancyNumber, entered, errors);
  }

  private String render(Model model, ScreenTask task, boolean embedded, String tenancyNumber,
      Map<String, Object> entered, Map<String, String> errors) {
    Map<String, List<PersonalDataItem>> bySource = new LinkedHashMap<>();
    List<PersonalDataItem> items = restriction.candidates(task.reference(),
        tenancyNumber.isEmpty() ? null : tenancyNumber);
    for (PersonalDataItem item : items) {
      bySource.computeIfAbsent(sources.source(item.system()).displayName(), name -> new ArrayList<>()).add(item);
    }
    Map<String, String> grounds = new LinkedHashMap<>();
    for (RestrictionGround ground : RestrictionGround.values()) {
      grounds.put(ground.name(), ground.name().toLowerCase() + ". " + ground.dutch());
    }
    model.addAttribute("task", task);
    model.addAttribute("reference", task.reference());
    model.addAttribute("bySource", bySource);
    model.addAttribute("itemCount", items.size());
    model.addAttribute("tenancyNumber", tenancyNumber);
    model.addAttribute("decisions", DECISIONS);
    model.addAttribute("grounds", grounds);
    model.addAttribute("entered", entered);
    model.addAttribute("errors", errors);
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", TASK_PATH.replace("{taskId}", task.id()));
    return "workbench/restriction-choice";
  }

  private ScreenTask task(String taskId) {
    return tasks.find(taskId, RestrictionProcess.KEY, RestrictionProcess.Elements.CHOOSE_ITEMS)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze taak bestaat niet (meer) of is niet voor u."));
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
