package nl.ymere.privacy.consent;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.ymere.privacy.consent.RegisterVersions.RegisterVersion;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiValidationException;
import nl.ymere.privacy.web.ControlCharacters;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/register} (JSON) and {@code GET /api/register/pdf} (printable): the register of processing
 * activities (Art 30, ROP-1) for the privacy officers and the FG (SecurityConfiguration).
 */
@RestController
class ProcessingRegisterController {

  record ChangeBody(String changes, String statementVersion) {
  }

  private final ProcessingRegister register;
  private final SystemActions system;
  private final RegisterVersions versions;

  ProcessingRegisterController(ProcessingRegister register, SystemActions system, RegisterVersions versions) {
    this.register = register;
    this.system = system;
    this.versions = versions;
  }

  /** ROP-1: a privacy officer records a change of the register; it counts once another officer approves it. */
  @PostMapping(path = "/api/register/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> propose(@RequestBody ChangeBody body, Authentication authentication) {
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    ApiFieldErrors errors = new ApiFieldErrors();
    if (body.changes() == null || body.changes().isBlank()) {
      errors.add("changes", "is required");
    } else if (body.changes().length() > 10_000) {
      errors.add("changes", "longer than 10000 characters");
    } else if (ControlCharacters.problem("changes", body.changes()) != null) {
      errors.add("changes", ControlCharacters.problem("changes", body.changes()));
    }
    if (body.statementVersion() == null || !body.statementVersion().strip().matches("[0-9A-Za-z.\\-]{1,20}")) {
      errors.add("statementVersion", "required: the privacy statement version, e.g. 2025-01");
    }
    errors.throwIfAny();
    RegisterVersion change = versions.propose(body.changes(), body.statementVersion(), authentication.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(change));
  }

  @PostMapping("/api/register/changes/{id}/approval")
  Map<String, Object> approve(@PathVariable long id, Authentication authentication) {
    return view(versions.approve(id, authentication.getName()));
  }

  static Map<String, Object> view(RegisterVersion change) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", change.id());
    view.put("version", change.version());
    view.put("changes", change.changes());
    view.put("statementVersion", change.statementVersion());
    view.put("preparedBy", change.preparedBy());
    view.put("preparedAt", change.preparedAt().toString());
    view.put("approvedBy", change.approvedBy());
    view.put("approvedAt", change.approvedAt() == null ? null : change.approvedAt().toString());
    return view;
  }

  /** The deployed process list is read without the caller's engine authorizations: the register lists them all. */
  @GetMapping("/api/register")
  Map<String, Object> json() {
    return system.call(register::generate);
  }

  @GetMapping("/api/register/pdf")
  ResponseEntity<byte[]> pdf() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("verwerkingsregister.pdf")
            .build().toString())
        .body(system.call(register::pdf));
  }
}
