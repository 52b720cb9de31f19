package nl.ymere.privacy.consent;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.web.ApiProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's form for a data-subject request of kind CONSENT_WITHDRAWAL (REQ-1, CON-2), linked from the request's
 * workbench page: the consents in force of the request's data subject as checkboxes; the chosen ones are withdrawn
 * through {@link ConsentWithdrawalRequests#withdraw}, the same service as {@code POST
 * /api/requests/{reference}/consent-withdrawal}, which checks the request's kind, state, identity step and the
 * consents' owner in the product's tables. A refusal shows its reason (status 400/404/409/422) and withdraws nothing.
 * Desk and privacy officers (SecurityConfiguration, {@code /werkbank/**}); session and CSRF as every screen.
 */
@Controller
class ConsentWithdrawalDeskPage {

  static final String PATH = "/werkbank/verzoeken/{reference}/toestemmingen";

  private final ConsentWithdrawalRequests requests;
  private final ConsentService consents;

  ConsentWithdrawalDeskPage(ConsentWithdrawalRequests requests, ConsentService consents) {
    this.requests = requests;
    this.consents = consents;
  }

  @GetMapping(PATH)
  String page(@PathVariable String reference, Model model, HttpServletResponse response) {
    return render(reference, model, response, 200, null, List.of());
  }

  @PostMapping(PATH)
  String withdraw(@PathVariable String reference, @RequestParam(name = "consent", required = false)
      List<String> chosen, Authentication user, Model model, HttpServletResponse response) {
    if (chosen == null || chosen.isEmpty()) {
      return render(reference, model, response, 400, "Kies ten minste één toestemming om in te trekken.", List.of());
    }
    try {
      List<ConsentRecord> withdrawn = requests.withdraw(reference, chosen, user.getName());
      return render(reference, model, response, 200, null, withdrawn);
    } catch (ApiProblemException e) {
      return render(reference, model, response, e.status().value(), e.detail(), List.of());
    }
  }

  private String render(String reference, Model model, HttpServletResponse response, int status, String error,
      List<ConsentRecord> withdrawn) {
    List<ConsentRecord> inForce;
    try {
      inForce = requests.inForce(reference);
    } catch (ApiProblemException e) {
      inForce = List.of();
      status = e.status().value();
      error = e.detail();
    }
    Map<String, String> purposes = new java.util.HashMap<>();
    consents.purposes().forEach(p -> purposes.put(p.code(), p.nameNl()));
    response.setStatus(status);
    model.addAttribute("reference", reference);
    model.addAttribute("error", error);
    model.addAttribute("consents", inForce.stream().map(c -> Map.of("reference", c.reference(),
        "purpose", purposes.getOrDefault(c.purposeCode(), c.purposeCode()),
        "givenOn", c.givenAt().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate().toString())).toList());
    model.addAttribute("withdrawn", withdrawn.stream().map(c -> Map.of("reference", c.reference(),
        "purpose", purposes.getOrDefault(c.purposeCode(), c.purposeCode()),
        "propagationStatus", c.propagationStatus().name())).toList());
    return "consent/desk-withdrawal";
  }
}
