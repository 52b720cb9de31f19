package nl.ymere.privacy.erasure;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.request.RequestRecords;
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
 * The erasure proposal screen (issue 16 item 2, ERA-2, ERA-4): every item found for the person (by name with date of
 * birth, e-mail and, when entered, tenancy number) with its retention rule and the proposed decision; the handler
 * chooses per item erase, anonymise or keep with a ground and end date, and names recipients who cannot be told
 * (REQ-6). The screen completes the task with its form's fields ({@code itemDecisions} in the line format of
 * {@link ErasureService#propose}, {@code recipientExceptions}), so the proposal listener and the service decide as for
 * Tasklist: a refusal (an item under retention or legal hold, a keep without ground) is shown and nothing is stored.
 */
@Controller
class ErasureProposalPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/wislijst";
  static final Map<String, String> DECISIONS = new java.util.LinkedHashMap<>();

  static {
    DECISIONS.put(ErasureDecision.ERASE.name(), "Wissen");
    DECISIONS.put(ErasureDecision.ANONYMISE.name(), "Anonimiseren");
    DECISIONS.put(ErasureDecision.KEEP.name(), "Bewaren");
  }

  private static final String TENANCY_PATTERN = "[A-Za-z0-9-]{1,40}";

  private final ErasureService erasure;
  private final RequestRecords requests;
  private final ScreenTasks tasks;

  ErasureProposalPage(ErasureService erasure, RequestRecords requests, ScreenTasks tasks) {
    this.erasure = erasure;
    this.requests = requests;
    this.tasks = tasks;
  }

  @Bean
  static TaskScreen erasureProposalScreen() {
    return new TaskScreen(ErasureProcess.KEY, ErasureProcess.Elements.PROPOSE_ERASURE_LIST,
        "Wislijst bekijken en voorstellen", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String page(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return render(model, task(taskId), ingebed, Map.of(), null, null);
  }

  /** Searches the sources again with the tenancy number too; items already on the list keep their decision. */
  @PostMapping(TASK_PATH + "/zoeken")
  String search(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam(required = false) String tenancyNumber, Model model, HttpServletResponse response) {
    ScreenTask task = task(taskId);
    String number = tenancyNumber == null ? "" : tenancyNumber.strip();
    if (!number.matches(TENANCY_PATTERN)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, Map.of(), "Het huurovereenkomstnummer bestaat uit letters, cijfers en "
          + "streepjes (hoogstens 40 tekens).", number);
    }
    erasure.setTenancyNumber(task.reference(), number);
    erasure.collect(task.reference());
    return "redirect:" + TASK_PATH.replace("{taskId}", taskId) + (ingebed ? "?ingebed=true" : "");
  }

  @PostMapping(TASK_PATH)
  String propose(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
      HttpServletResponse response) {
    ScreenTask task = task(taskId);
    List<String> lines = new ArrayList<>();
    Map<String, String> chosen = new HashMap<>();
    for (ErasureItem item : erasure.items(task.reference())) {
      String key = item.ref().system() + "/" + item.ref().itemId();
      String decision = form.getFirst("decision." + key);
      String ground = form.getFirst("ground." + key);
      String until = form.getFirst("until." + key);
      chosen.put("decision." + key, decision);
      chosen.put("ground." + key, ground);
      chosen.put("until." + key, until);
      if (decision == null || decision.isBlank()) {
        continue; // the proposal stays as it is
      }
      StringBuilder line = new StringBuilder(key).append(' ').append(decision.strip());
      if ("KEEP".equals(decision.strip()) && ground != null && !ground.isBlank()) {
        line.append(' ').append(ground.strip());
        if (until != null && !until.isBlank()) {
          line.append(' ').append(until.strip());
        }
      }
      lines.add(line.toString());
    }
    String recipients = form.getFirst("recipientExceptions");
    chosen.put("recipientExceptions", recipients);
    Map<String, Object> fields = new HashMap<>();
    fields.put(ErasureProcess.Variables.FIELD_ITEM_DECISIONS, String.join("\n", lines));
    if (recipients != null && !recipients.isBlank()) {
      fields.put(ErasureProcess.Variables.FIELD_RECIPIENT_EXCEPTIONS, recipients);
    }
    try {
      tasks.complete(task, user.getName(), fields);
    } catch (ProcessEngineException e) {
      String refusal = refusal(e);
      if (refusal == null) {
        throw e;
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, chosen, refusal, null);
    }
    model.addAttribute("taskName", task.name());
    model.addAttribute("reference", task.reference());
    model.addAttribute("message", "Uw voorstel is vastgelegd. Een privacy officer bevestigt de wislijst voordat er "
        + "iets wordt gewist (ERA-4).");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  /** The product's Dutch refusal in the cause chain, or null for anything else. */
  private static String refusal(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ErasureRefusedException || t instanceof RefusedStepException) {
        return t.getMessage();
      }
    }
    return null;
  }

  private String render(Model model, ScreenTask task, boolean embedded, Map<String, String> chosen, String error,
      String tenancyEntered) {
    var request = requests.getByReference(task.reference());
    model.addAttribute("task", task);
    model.addAttribute("reference", task.reference());
    model.addAttribute("name", request.subjectName() != null ? request.subjectName() : request.requesterName());
    model.addAttribute("email", request.requesterEmail());
    model.addAttribute("tenancyNumber", tenancyEntered != null ? tenancyEntered
        : erasure.tenancyNumber(task.reference()).orElse(""));
    model.addAttribute("items", erasure.items(task.reference()));
    model.addAttribute("decisions", DECISIONS);
    model.addAttribute("grounds", KeepException.values());
    model.addAttribute("chosen", chosen);
    model.addAttribute("error", error);
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", TASK_PATH.replace("{taskId}", task.id()));
    return "workbench/erasure-proposal";
  }

  private ScreenTask task(String taskId) {
    return tasks.find(taskId, ErasureProcess.KEY, ErasureProcess.Elements.PROPOSE_ERASURE_LIST)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze taak bestaat niet (meer) of is niet voor u."));
  }
}
