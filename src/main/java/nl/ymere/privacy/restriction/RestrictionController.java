package nl.ymere.privacy.restriction;

import java.util.List;
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
 * The items a restriction request blocks, and lifting the block (RES-3), under {@code /api/requests/{reference}}
 * (privacy desk and privacy officers by SecurityConfiguration; lifting by privacy officers only).
 */
@RestController
@RequestMapping("/api/requests/{reference}/restriction")
class RestrictionController {

  private final RestrictionService restrictions;
  private final RestrictionLiftService lifts;
  private final RestrictionRefusalService refusals;
  private final IdentityService identityService;

  RestrictionController(RestrictionService restrictions, RestrictionLiftService lifts,
      RestrictionRefusalService refusals, IdentityService identityService) {
    this.restrictions = restrictions;
    this.lifts = lifts;
    this.refusals = refusals;
    this.identityService = identityService;
  }

  /** The items on the request: reference, category, ground, recipients and lift state; no content. */
  @GetMapping
  List<RestrictionItem> items(@PathVariable String reference) {
    return restrictions.items(reference);
  }

  /**
   * The refusals proposed for this request with their case-specific reasons, proposer and four-eyes decision: what
   * the confirming privacy officer reads before deciding; empty when none was proposed.
   */
  @GetMapping("/refusals")
  List<RestrictionRefusalRepository.Refusal> refusals(@PathVariable String reference) {
    return refusals.refusals(reference);
  }

  /** Starts lifting: the notice goes out now, the block is lifted after privacy.restriction.lift-notice-period. */
  @PostMapping(path = "/lift", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  List<RestrictionItem> lift(@PathVariable String reference, @RequestBody(required = false) LiftCommand command) {
    return lifts.start(reference, command == null ? List.of() : command.items(),
        DataReader.current(identityService));
  }

  /** @param items {@code system/itemId} of the items to lift; absent or empty: every item this request blocks */
  record LiftCommand(List<String> items) {
  }
}
