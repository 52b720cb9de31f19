package nl.ymere.privacy.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/retention-sweeps} (RET-3, issue 17 item 2): a privacy officer starts a sweep on demand; the list's
 * counts, held and kept-back lines (references only) for the officers, the FG and the owner groups; an owner keeps an
 * item back; the destruction certificate (PDF). Who may call what: SecurityConfiguration; the owner check per item
 * is in {@link RetentionSweeps#keepBack}.
 */
@RestController
@RequestMapping("/api/retention-sweeps")
class RetentionSweepController {

  static final int LISTED_LINES = 200;

  private final RetentionSweeps sweeps;
  private final RuntimeService runtime;

  RetentionSweepController(RetentionSweeps sweeps, RuntimeService runtime) {
    this.sweeps = sweeps;
    this.runtime = runtime;
  }

  /** Body of the keep-back call. */
  record KeepBack(String reason, LocalDate reviewOn) {
  }

  /** What the API shows of a sweep. */
  record SweepView(RetentionSweeps.Sweep sweep, List<RetentionSweeps.Count> counts, List<String> openReviews,
      List<RetentionSweeps.Line> held, List<RetentionSweeps.Line> keptBack, List<RetentionSweeps.Line> toDestroy,
      List<RetentionSweeps.Line> toAnonymise) {
  }

  @PostMapping
  ResponseEntity<SweepView> start() {
    var instance = ProductCalls.call(() -> runtime.startProcessInstanceByMessage(RetentionSweepProcess.START_MESSAGE));
    // the list is built in the start transaction; its delegate made the sweep's reference the business key
    String reference = instance.getBusinessKey();
    if (reference == null) {
      throw new ApiNotFoundException("De bewaartermijncontrole is gestart maar heeft geen kenmerk.");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(view(reference));
  }

  @GetMapping("/{reference}")
  SweepView one(@PathVariable String reference) {
    return view(reference);
  }

  @PostMapping(path = "/{reference}/items/{id}/keep-back", consumes = MediaType.APPLICATION_JSON_VALUE)
  RetentionSweeps.Line keepBack(@PathVariable String reference, @PathVariable long id,
      @RequestBody(required = false) KeepBack body, Authentication authentication) {
    Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(Groups.AUTHORITY_PREFIX)).map(a -> a.substring(Groups.AUTHORITY_PREFIX.length()))
        .collect(Collectors.toSet());
    return sweeps.keepBack(reference, id, body == null ? null : body.reason(), body == null ? null : body.reviewOn(),
        authentication.getName(), groups);
  }

  @GetMapping(path = "/{reference}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> certificate(@PathVariable String reference) {
    sweeps.sweep(reference);
    byte[] pdf = sweeps.certificate(reference).orElseThrow(() -> new ApiNotFoundException(
        "Voor " + reference + " is nog geen vernietigingsverklaring opgesteld."));
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"vernietigingsverklaring-"
        + reference + ".pdf\"").contentType(MediaType.APPLICATION_PDF).body(pdf);
  }

  private SweepView view(String reference) {
    return new SweepView(sweeps.sweep(reference), sweeps.counts(reference), sweeps.openReviews(reference),
        sweeps.lines(reference, "HELD", LISTED_LINES), sweeps.lines(reference, "KEPT_BACK", LISTED_LINES),
        sweeps.lines(reference, "DESTROY", LISTED_LINES), sweeps.lines(reference, "ANONYMISE", LISTED_LINES));
  }
}
