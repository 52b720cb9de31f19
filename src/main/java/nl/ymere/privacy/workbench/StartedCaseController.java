package nl.ymere.privacy.workbench;

import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{reference}}: reference, kind and due date of a case the caller may see (issue 16 item 4,
 * Tasklist's start notice, {@code start-melding.js}). Every logged-in user may ask; {@link StartedCases} lets the
 * engine's authorizations decide, and an unknown or hidden case is the same 404.
 */
@RestController
class StartedCaseController {

  private final StartedCases cases;

  StartedCaseController(StartedCases cases) {
    this.cases = cases;
  }

  @GetMapping("/api/cases/{reference}")
  StartedCases.StartedCase find(@PathVariable String reference) {
    return cases.find(reference).orElseThrow(() -> new ApiNotFoundException("Onbekende zaak of geen toegang."));
  }
}
