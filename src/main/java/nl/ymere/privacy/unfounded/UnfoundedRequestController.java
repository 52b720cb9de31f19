package nl.ymere.privacy.unfounded;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REQ-3 on {@code /api/requests/{reference}} (privacy desk and privacy officers, SecurityConfiguration): propose that
 * a request is manifestly unfounded or excessive, read the proposal, register the person's answer to a fee notice.
 */
@RestController
@RequestMapping("/api/requests/{reference}")
class UnfoundedRequestController {

  private final UnfoundedRequestService service;

  UnfoundedRequestController(UnfoundedRequestService service) {
    this.service = service;
  }

  record ProposalBody(UnfoundedGround ground, String grounds) {
  }

  /** 202: the proposal is recorded and a privacy officer who is not the proposer decides; handling goes on. */
  @PostMapping(path = "/unfounded-proposal", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> propose(@PathVariable String reference, @RequestBody ProposalBody body,
      Authentication authentication) {
    service.propose(reference, body.ground(), body.grounds(), authentication.getName());
    return ResponseEntity.accepted().body(service.view(reference));
  }

  @GetMapping("/unfounded-proposal")
  Map<String, Object> proposal(@PathVariable String reference) {
    return service.view(reference);
  }

  record FeeResponseBody(FeeResponse response) {
  }

  @PostMapping(path = "/fee-response", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> answerFee(@PathVariable String reference, @RequestBody FeeResponseBody body,
      Authentication authentication) {
    service.answerFee(reference, body.response(), authentication.getName());
    return service.view(reference);
  }
}
