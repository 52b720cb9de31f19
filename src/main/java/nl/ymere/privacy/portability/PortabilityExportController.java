package nl.ymere.privacy.portability;

import nl.ymere.privacy.personaldata.DataReader;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portability file of a request for staff (POR-3): privacy desk and privacy officers only (SecurityConfiguration,
 * {@code /api/requests/**}); an export with special-category or criminal-law items only for who may read them (SEC-1,
 * logged). The checksum is sent along so the reviewer can compare it with the record and the letter.
 */
@RestController
@RequestMapping("/api/requests/{reference}")
class PortabilityExportController {

  static final String CHECKSUM_HEADER = "X-Checksum-SHA256";

  private final PortabilityService service;
  private final IdentityService identityService;

  PortabilityExportController(PortabilityService service, IdentityService identityService) {
    this.service = service;
    this.identityService = identityService;
  }

  @GetMapping("/portability-export")
  ResponseEntity<byte[]> export(@PathVariable String reference) {
    PortabilityExport export = service.exportFor(reference, DataReader.current(identityService));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(export.format().contentType() + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
        .header(CHECKSUM_HEADER, export.sha256())
        .body(export.content());
  }
}
