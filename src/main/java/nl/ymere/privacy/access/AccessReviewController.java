package nl.ymere.privacy.access;

import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review page of an access request (ACC-3) and its dossier (ACC-1), under {@code /api/requests/{reference}}
 * (privacy desk and privacy officers, SecurityConfiguration). Reads run as the logged-in user: flagged items show
 * their content, and can be decided, only for their restricted team and privacy officers (SEC-1, logged).
 */
@RestController
@RequestMapping("/api/requests/{reference}")
class AccessReviewController {

  private final AccessReviewService review;
  private final AccessRepository repository;
  private final IdentityService identityService;

  AccessReviewController(AccessReviewService review, AccessRepository repository, IdentityService identityService) {
    this.review = review;
    this.repository = repository;
    this.identityService = identityService;
  }

  @GetMapping("/access-review")
  AccessReviewView view(@PathVariable String reference) {
    return review.view(reference, DataReader.current(identityService));
  }

  @PutMapping(path = "/access-review/items/{system}/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  AccessItemRow decide(@PathVariable String reference, @PathVariable String system, @PathVariable String itemId,
      @RequestBody AccessItemDecisionCommand command) {
    return review.decide(reference, new ItemRef(system, itemId), command, DataReader.current(identityService));
  }

  @GetMapping(path = "/access-dossier", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> dossier(@PathVariable String reference) {
    byte[] pdf = repository.dossier(reference).orElseThrow(() -> new ApiNotFoundException(
        "No access dossier for request " + reference + "."));
    review.requireDossierReader(reference, DataReader.current(identityService));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"inzage-" + reference + ".pdf\"").body(pdf);
  }
}
