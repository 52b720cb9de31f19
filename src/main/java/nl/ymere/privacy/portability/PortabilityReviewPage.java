package nl.ymere.privacy.portability;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.ScreenTask;
import nl.ymere.privacy.process.ScreenTasks;
import nl.ymere.privacy.process.TaskScreen;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The portability review screen (issue 16 item 2, POR-1..3): the export's record (format, datasets, checksum), every
 * item found with whether it is in the file or why not, the file itself to read and download (through
 * {@link PortabilityService#exportFor}, the same check as {@code GET /api/requests/{reference}/portability-export}:
 * flagged items only for who may read them, SEC-1), and the handler's verdict, completing the task with its form's
 * field {@code exportApproved}.
 */
@Controller
class PortabilityReviewPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/export-controle";

  private final PortabilityService service;
  private final PortabilityRepository repository;
  private final ScreenTasks tasks;
  private final IdentityService identityService;

  PortabilityReviewPage(PortabilityService service, PortabilityRepository repository, ScreenTasks tasks,
      IdentityService identityService) {
    this.service = service;
    this.repository = repository;
    this.tasks = tasks;
    this.identityService = identityService;
  }

  @Bean
  static TaskScreen portabilityReviewScreen() {
    return new TaskScreen(PortabilityProcess.KEY, PortabilityProcess.Elements.REVIEW_EXPORT,
        "Export controleren", TASK_PATH);
  }

  @GetMapping(TASK_PATH)
  String page(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return render(model, task(taskId), ingebed, null, Map.of());
  }

  @GetMapping(TASK_PATH + "/bestand")
  ResponseEntity<byte[]> file(@PathVariable String taskId) {
    PortabilityExport export = export(task(taskId));
    if (export == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Deze export bevat gegevens die u niet mag inzien.");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(export.format().contentType() + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
        .body(export.content());
  }

  @PostMapping(TASK_PATH)
  String review(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam(required = false) String approved, Authentication user, Model model,
      HttpServletResponse response) {
    ScreenTask task = task(taskId);
    if (!"ja".equals(approved) && !"nee".equals(approved)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, approved, Map.of("approved",
          "Kies: de export klopt, of de export opnieuw laten samenstellen."));
    }
    try {
      tasks.complete(task, user.getName(),
          Map.of(PortabilityProcess.Variables.EXPORT_APPROVED.name(), "ja".equals(approved)));
    } catch (ProcessEngineException e) {
      RefusedStepException refused = RefusedStepException.in(e);
      if (refused == null) {
        throw e;
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(model, task, ingebed, approved, Map.of("task", refused.getMessage()));
    }
    model.addAttribute("taskName", task.name());
    model.addAttribute("reference", task.reference());
    model.addAttribute("message", "ja".equals(approved) ? "De export is goedgekeurd en gaat naar de persoon of de "
        + "gekozen organisatie." : "De export wordt opnieuw samengesteld.");
    model.addAttribute("embedded", ingebed);
    return "workbench/task-done";
  }

  /** The export as the current user may read it, or null when it holds a flagged item they may not read. */
  private PortabilityExport export(ScreenTask task) {
    try {
      return service.exportFor(task.reference(), DataReader.current(identityService));
    } catch (RestrictedExportException e) {
      return null;
    }
  }

  private String render(Model model, ScreenTask task, boolean embedded, String approved, Map<String, String> errors) {
    PortabilityExport export = export(task);
    model.addAttribute("task", task);
    model.addAttribute("reference", task.reference());
    model.addAttribute("record", repository.export(task.reference()).orElse(null));
    model.addAttribute("readable", export != null);
    model.addAttribute("content", export == null ? null : new String(export.content(), StandardCharsets.UTF_8));
    model.addAttribute("items", repository.items(task.reference()));
    model.addAttribute("exclusions", Map.of(PortabilityExclusion.THIRD_PARTY_DATA.name(),
        "bevat gegevens van een ander (art 20 lid 4)", PortabilityExclusion.BASIS_NOT_CONSENT_OR_CONTRACT.name(),
        "andere grondslag dan toestemming of overeenkomst (POR-1)", PortabilityExclusion.NOT_PROVIDED_BY_PERSON.name(),
        "afgeleid of niet door de persoon verstrekt (POR-2)"));
    model.addAttribute("approved", approved);
    model.addAttribute("errors", errors);
    model.addAttribute("embedded", embedded);
    model.addAttribute("base", TASK_PATH.replace("{taskId}", task.id()));
    return "workbench/portability-review";
  }

  private ScreenTask task(String taskId) {
    return tasks.find(taskId, PortabilityProcess.KEY, PortabilityProcess.Elements.REVIEW_EXPORT)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Deze taak bestaat niet (meer) of is niet voor u."));
  }
}
