package nl.ymere.privacy.camera;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.camera.CameraCodes.Status;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cameras}: the camera register (CAM-1, ROP-1) and filing a placement request. Groups per
 * SecurityConfiguration: facility, privacy officers, FG and management read; facility files. Covert cameras (CAM-7)
 * are listed only to privacy officers and the FG.
 */
@RestController
@RequestMapping("/api/cameras")
class CameraController {

  private final CameraProtocolService protocols;
  private final CameraProtocolStarter starter;
  private final CameraTimers timers;

  CameraController(CameraProtocolService protocols, CameraProtocolStarter starter, CameraTimers timers) {
    this.protocols = protocols;
    this.starter = starter;
    this.timers = timers;
  }

  @GetMapping
  List<Map<String, Object>> register(@RequestParam(required = false) String status, Authentication authentication) {
    Status wanted = null;
    if (status != null) {
      try {
        wanted = Status.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new ApiValidationException("status", "unknown value; one of REQUESTED, REFUSED, ACTIVE, EXPIRED, "
            + "REMOVED");
      }
    }
    boolean seesCovert = seesCovert(authentication);
    return protocols.register(wanted).stream().filter(p -> seesCovert || !p.covert()).map(this::entry).toList();
  }

  @GetMapping("/{reference}")
  Map<String, Object> get(@PathVariable String reference, Authentication authentication) {
    return protocols.find(reference).filter(p -> seesCovert(authentication) || !p.covert()).map(this::entry)
        .orElseThrow(() -> new ApiNotFoundException("No camera protocol " + reference));
  }

  private static boolean seesCovert(Authentication authentication) {
    return authentication.getAuthorities().stream().anyMatch(a ->
        a.getAuthority().equals(Groups.authority(Groups.PRIVACY_OFFICERS))
            || a.getAuthority().equals(Groups.authority(Groups.FG)));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> file(@RequestBody CameraRequest request, Authentication authentication) {
    CameraProtocol protocol = starter.start(request, authentication.getName());
    return ResponseEntity.created(URI.create("/api/cameras/" + protocol.reference())).body(entry(protocol));
  }

  private Map<String, Object> entry(CameraProtocol p) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reference", p.reference());
    entry.put("status", p.status());
    entry.put("location", Map.of("type", p.locationType(), "name", p.locationName(), "areaType", p.areaType()));
    entry.put("purpose", p.purpose());
    entry.put("covert", p.covert());
    entry.put("retentionHours", p.retentionHours());
    entry.put("responsiblePerson", p.requestedBy());
    entry.put("approvedBy", p.approvedBy());
    entry.put("approvalReference", p.approvalReference());
    entry.put("dpia", p.dpiaOutcome());
    entry.put("activatedOn", p.activatedOn());
    entry.put("expiresOn", p.expiresOn());
    LocalDate nextReview = p.expiresOn() == null || p.covert() || p.status() != Status.ACTIVE ? null
        : timers.reviewOn(p.expiresOn());
    entry.put("nextReviewDate", nextReview);
    return entry;
  }
}
