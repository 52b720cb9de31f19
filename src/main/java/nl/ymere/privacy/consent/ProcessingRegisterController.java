package nl.ymere.privacy.consent;

import java.util.Map;
import nl.ymere.privacy.process.SystemActions;
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

  private final ProcessingRegister register;
  private final SystemActions system;

  ProcessingRegisterController(ProcessingRegister register, SystemActions system) {
    this.register = register;
    this.system = system;
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
