package nl.ymere.privacy.legalhold;

import java.util.List;
import org.springframework.http.HttpStatus;
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
 * {@code /api/legal-holds} (RET-4): privacy officers place, list and release holds (release with four eyes); the FG
 * reads them (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/legal-holds")
class LegalHoldController {

  private final LegalHoldRegister register;

  LegalHoldController(LegalHoldRegister register) {
    this.register = register;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LegalHoldRegister.HoldView> place(@RequestBody LegalHoldRegister.PlaceHoldCommand command,
      Authentication authentication) {
    return ResponseEntity.status(HttpStatus.CREATED).body(register.place(command, authentication.getName()));
  }

  @GetMapping
  List<LegalHoldRegister.HoldView> all() {
    return register.all();
  }

  @GetMapping("/{id}")
  LegalHoldRegister.HoldView one(@PathVariable long id) {
    return register.view(id);
  }

  /** The hold is still needed; it is reviewed again on the new date (RET-4). */
  @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
  LegalHoldRegister.HoldView review(@PathVariable long id,
      @RequestBody(required = false) LegalHoldRegister.ReviewCommand command, Authentication authentication) {
    return register.review(id, command, authentication.getName());
  }

  /** 202 with status RELEASE_PROPOSED after the first person; 200 with status RELEASED after the second. */
  @PostMapping(path = "/{id}/release", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LegalHoldRegister.HoldView> release(@PathVariable long id,
      @RequestBody(required = false) LegalHoldRegister.ReleaseCommand command, Authentication authentication) {
    LegalHoldRegister.HoldView view = register.release(id, command, authentication.getName());
    return ResponseEntity.status(view.releasedAt() == null ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view);
  }
}
