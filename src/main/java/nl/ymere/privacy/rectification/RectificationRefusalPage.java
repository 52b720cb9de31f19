package nl.ymere.privacy.rectification;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import nl.ymere.privacy.access.DossierFields;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.ConfirmRefusalScreens;
import nl.ymere.privacy.process.RefusalToConfirm;
import nl.ymere.privacy.process.TaskScreen;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officer's screen for {@code UserTask_ConfirmRefusal} (issue 16, REC-1, LET-3): every refused change of
 * the request with the item, the field and the reason that goes into the letter, and who refused it; confirm or send
 * back. Completing the task runs the same listener as Tasklist ({@code rectificationRefusalConfirmationListener}):
 * whoever refused a change or applied the changes is refused (four eyes in {@code privacy.rectification_change}).
 */
@Controller
class RectificationRefusalPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/correctie-weigering";

  private final ConfirmRefusalScreens screens;
  private final ConfirmRefusalScreens.Spec spec;

  RectificationRefusalPage(ConfirmRefusalScreens screens, RectificationRepository repository,
      PersonalDataSources sources) {
    this.screens = screens;
    this.spec = spec(reference -> repository.changes(reference).stream()
        .filter(change -> change.status() == ChangeStatus.REFUSED)
        .map(change -> new RefusalToConfirm(what(change, sources), change.refusalReason(), change.decidedBy(), null,
            null))
        .toList());
  }

  private static ConfirmRefusalScreens.Spec spec(
      java.util.function.Function<String, List<RefusalToConfirm>> refusals) {
    return new ConfirmRefusalScreens.Spec(RectificationProcess.KEY, RectificationProcess.Elements.CONFIRM_REFUSAL,
        TASK_PATH, RectificationProcess.Variables.REFUSAL_CONFIRMED.name(), "Weigering van correctie bevestigen",
        "De eigenaar van de gegevens weigert een of meer gevraagde wijzigingen (REC-1). U bevestigt als tweede persoon "
            + "(vier ogen); wie een wijziging weigerde of de wijzigingen verwerkte, kan dat niet. Bevestigd: de "
            + "persoon krijgt per weigering deze reden, met de klachtmogelijkheid bij de Autoriteit Persoonsgegevens "
            + "en de gang naar de rechter (LET-3). Teruggestuurd: de wijzigingen gaan terug naar de eigenaar.",
        refusals, "De weigering is bevestigd; de brief met de redenen gaat naar de persoon (LET-3).",
        "De wijzigingen gaan terug naar de eigenaar van de gegevens.");
  }

  @Bean
  static TaskScreen rectificationRefusalScreen() {
    return spec(reference -> List.of()).screen();
  }

  @GetMapping(TASK_PATH)
  String screen(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Model model) {
    return screens.show(spec, taskId, ingebed, model);
  }

  @PostMapping(TASK_PATH)
  String decide(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed,
      @RequestParam(required = false) String decision, Authentication user, Model model,
      HttpServletResponse response) {
    return screens.decide(spec, taskId, decision, user.getName(), ingebed, model, response);
  }

  private static String what(RectificationChange change, PersonalDataSources sources) {
    String source = sources.source(change.ref().system()).displayName();
    String field = change.field() == null ? "" : " — " + DossierFields.label(change.field());
    return source + ": " + change.category() + field;
  }
}
