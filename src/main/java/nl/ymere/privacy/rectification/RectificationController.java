package nl.ymere.privacy.rectification;

import nl.ymere.privacy.personaldata.DataReader;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rectification page of a request under {@code /api/requests/{reference}/rectification} (privacy desk, privacy
 * officers and the restricted-data teams, SecurityConfiguration). Runs as the logged-in user: values of changes to
 * flagged items only for their team and privacy officers (SEC-1, logged).
 */
@RestController
@RequestMapping("/api/requests/{reference}/rectification")
class RectificationController {

  private final RectificationPageService page;
  private final IdentityService identityService;

  RectificationController(RectificationPageService page, IdentityService identityService) {
    this.page = page;
    this.identityService = identityService;
  }

  @GetMapping
  RectificationView view(@PathVariable String reference) {
    return page.view(reference, DataReader.current(identityService));
  }

  @PostMapping(path = "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  RectificationView.Change record(@PathVariable String reference, @RequestBody RecordChangeCommand command) {
    return page.record(reference, command, DataReader.current(identityService));
  }

  @PostMapping(path = "/changes/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
  RectificationView.Change refuse(@PathVariable String reference, @PathVariable long id,
      @RequestBody RefuseChangeCommand command) {
    return page.refuse(reference, id, command, DataReader.current(identityService));
  }
}
