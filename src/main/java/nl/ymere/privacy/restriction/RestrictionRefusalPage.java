package nl.ymere.privacy.restriction;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
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
 * The privacy officer's screen for {@code UserTask_ConfirmRestrictionRefusal} (issue 16, RES-1, LET-3): the proposed
 * refusal with its reasons and proposer from {@code privacy.restriction_refusal} (earlier rounds below it); confirm or
 * send back. Completing the task runs the same listener as Tasklist ({@code restrictionRefusalConfirmationListener},
 * {@link RestrictionRefusalService}), which refuses every proposer of a refusal of the request (four eyes).
 */
@Controller
class RestrictionRefusalPage {

  static final String TASK_PATH = "/werkbank/taken/{taskId}/beperking-weigering";

  private final ConfirmRefusalScreens screens;
  private final ConfirmRefusalScreens.Spec spec;

  RestrictionRefusalPage(ConfirmRefusalScreens screens, RestrictionRefusalService refusals) {
    this.screens = screens;
    this.spec = spec(reference -> refusals.refusals(reference).stream()
        .map(refusal -> new RefusalToConfirm("Het verzoek om beperking", refusal.reasons(), refusal.proposedBy(),
            refusal.proposedAt(), decision(refusal.decision())))
        .toList());
  }

  private static ConfirmRefusalScreens.Spec spec(Function<String, List<RefusalToConfirm>> refusals) {
    return new ConfirmRefusalScreens.Spec(RestrictionProcess.KEY, RestrictionProcess.Elements.CONFIRM_REFUSAL,
        TASK_PATH, RestrictionProcess.Variables.REFUSAL_CONFIRMED.name(), "Weigering van beperking bevestigen",
        "De behandelaar stelt voor het verzoek om beperking te weigeren, omdat geen grond van artikel 18 lid 1 AVG "
            + "geldt (RES-1). U bevestigt als tweede persoon (vier ogen); wie de weigering voorstelde, kan dat niet. "
            + "Bevestigd: de persoon krijgt de weigering met deze motivering, de klachtmogelijkheid bij de Autoriteit "
            + "Persoonsgegevens en de gang naar de rechter (LET-3). Teruggestuurd: de behandelaar kiest opnieuw.",
        refusals, "De weigering is bevestigd; de weigeringsbrief gaat naar de persoon (LET-3).",
        "Het verzoek gaat terug naar de behandelaar, die opnieuw kiest.");
  }

  @Bean
  static TaskScreen restrictionRefusalScreen() {
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

  private static String decision(String code) {
    if (code == null) {
      return null;
    }
    return RestrictionRefusalRepository.CONFIRMED.equals(code) ? "bevestigd" : "teruggestuurd";
  }
}
