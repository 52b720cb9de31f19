package nl.ymere.privacy.camera;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.camera.FootageRequestProcess.RequestType;
import nl.ymere.privacy.camera.FootageStore.FootageItem;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Footage requests (CAM-5, CAM-8): registration with its checks, lawfulness, four-eyes release, the logged export
 * and the incident hold that keeps the footage past its retention until the hold ends.
 */
@Service
@Transactional
public class FootageRequestService {

  /** The longest an incident hold may run from the request (a longer need is a new request). */
  static final int MAX_HOLD_DAYS = 366;

  public record FootageRequestRecord(long id, String reference, String cameraReference, String requestType,
      String incidentReference, String status, String lawfulBasis, String checkedBy, String releasedBy,
      LocalDate holdUntil, String processInstanceId) {
  }

  private final JdbcTemplate jdbc;
  private final CameraProtocolRepository protocols;
  private final IncidentHoldService holds;
  private final FootageStore store;
  private final Clock clock;
  private final boolean postgres;

  FootageRequestService(JdbcTemplate jdbc, CameraProtocolRepository protocols, IncidentHoldService holds,
      FootageStore store, Clock clock) {
    this.jdbc = jdbc;
    this.protocols = protocols;
    this.holds = holds;
    this.store = store;
    this.clock = clock;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  FootageRequestRecord register(FootageRequest r, String user, String processInstanceId) {
    List<ApiFieldError> errors = new ArrayList<>();
    Optional<CameraProtocol> camera = r.cameraReference() == null ? Optional.empty()
        : protocols.findByReference(r.cameraReference()).filter(p -> p.activatedOn() != null);
    if (camera.isEmpty()) {
      errors.add(new ApiFieldError("cameraReference", "no camera in the register with this reference"));
    }
    if (r.requestType() == null) {
      errors.add(new ApiFieldError("requestType", "is required"));
    }
    if (r.requestType() == RequestType.POLICE && blank(r.demandReference())) {
      errors.add(new ApiFieldError("demandReference", "the police need a written demand (PRC-7)"));
    }
    if (blank(r.requestingParty())) {
      errors.add(new ApiFieldError("requestingParty", "is required"));
    }
    if (blank(r.incidentReference())) {
      errors.add(new ApiFieldError("incidentReference", "is required (CAM-5: footage is kept only for an incident)"));
    }
    if (blank(r.reason())) {
      errors.add(new ApiFieldError("reason", "is required"));
    }
    if (r.footageFrom() == null || r.footageUntil() == null || r.footageUntil().isBefore(r.footageFrom())) {
      errors.add(new ApiFieldError("footageUntil", "a window from footageFrom to footageUntil is required"));
    }
    LocalDate today = LocalDate.now(clock);
    if (r.holdUntil() == null || !r.holdUntil().isAfter(today) || r.holdUntil().isAfter(today.plusDays(MAX_HOLD_DAYS))) {
      errors.add(new ApiFieldError("holdUntil", "an end date for the incident hold after today and within "
          + MAX_HOLD_DAYS + " days"));
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
    String sql = postgres ? "SELECT nextval('privacy.camera_footage_request_seq')"
        : "SELECT NEXT VALUE FOR privacy.camera_footage_request_seq";
    String reference = String.format("FTG-%d-%06d", today.getYear(), jdbc.queryForObject(sql, Long.class));
    Instant now = clock.instant();
    jdbc.update("INSERT INTO privacy.camera_footage_request (reference, protocol_id, request_type, requesting_party, "
        + "demand_reference, incident_reference, reason, footage_from, footage_until, hold_until, status, requested_by, "
        + "process_instance_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", reference, camera.get().id(),
        r.requestType().name(), r.requestingParty().strip(), r.demandReference(), r.incidentReference().strip(),
        r.reason().strip(), utc(r.footageFrom()), utc(r.footageUntil()), r.holdUntil(), "REQUESTED", user,
        processInstanceId, utc(now));
    protocols.addEvent(camera.get().id(), "FOOTAGE_REQUESTED", user, now);
    return get(reference);
  }

  @Transactional(readOnly = true)
  public FootageRequestRecord get(String reference) {
    return jdbc.queryForObject("SELECT f.id, f.reference, p.reference, f.request_type, f.incident_reference, "
        + "f.status, f.lawful_basis, f.checked_by, f.released_by, f.hold_until, f.process_instance_id FROM "
        + "privacy.camera_footage_request f JOIN privacy.camera_protocol p ON p.id = f.protocol_id "
        + "WHERE f.reference = ?", (rs, n) -> new FootageRequestRecord(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11)), reference);
  }

  void recordLawfulness(String reference, boolean lawful, String basis, String user) {
    jdbc.update("UPDATE privacy.camera_footage_request SET status = ?, lawful_basis = ?, checked_by = ? "
        + "WHERE reference = ?", lawful ? "LAWFUL" : "UNLAWFUL", basis, user, reference);
  }

  /**
   * The release (CAM-8, four eyes): only of a request whose lawfulness another officer recorded with a basis, as
   * {@code privacy.camera_footage_request} holds it, whatever the process variables say (issue 14).
   */
  void recordRelease(String reference, String processInstanceId, String user) {
    FootageRequestRecord request = requestOf(reference, processInstanceId);
    if (!"LAWFUL".equals(request.status()) || request.lawfulBasis() == null || request.checkedBy() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Beeldverzoek " + reference + " is niet rechtmatig bevonden "
          + "met een grondslag; de beelden worden niet vrijgegeven (CAM-8).");
    }
    if (user == null || user.equals(request.checkedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: " + user + " toetste de rechtmatigheid van "
          + "beeldverzoek " + reference + " en mag de beelden niet vrijgeven (CAM-8).");
    }
    jdbc.update("UPDATE privacy.camera_footage_request SET status = ?, released_by = ? WHERE reference = ?",
        "RELEASED", user, reference);
  }

  void refuse(String reference) {
    jdbc.update("UPDATE privacy.camera_footage_request SET status = ?, closed_at = ? WHERE reference = ?", "REFUSED",
        utc(clock.instant()), reference);
  }

  /** CAM-8: every recording in the window is copied for the requester and each copy is logged. */
  int export(String reference, String processInstanceId, String user) {
    FootageRequestRecord request = requestOf(reference, processInstanceId);
    // issue 14: only footage whose release another officer approved after the lawfulness check, in the table
    if (!"RELEASED".equals(request.status()) || request.releasedBy() == null || request.checkedBy() == null
        || request.lawfulBasis() == null || request.releasedBy().equals(request.checkedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Beeldverzoek " + reference + " is niet door twee "
          + "verschillende privacy officers getoetst en vrijgegeven; er wordt niets geëxporteerd (CAM-8).");
    }
    Window window = window(reference);
    Instant from = window.from();
    Instant until = window.until();
    int exported = 0;
    for (FootageItem item : store.list(request.cameraReference())) {
      if (item.recordedAt().isBefore(from) || item.recordedAt().isAfter(until)) {
        continue;
      }
      String exportKey = store.export(item, reference);
      // issue 15 item 5: the copy is a file outside the transaction; if the log row is rolled back, so is the copy
      RollbackCleanup.onRollback(() -> store.deleteExport(exportKey));
      jdbc.update("INSERT INTO privacy.camera_footage_export (request_id, storage_key, recorded_at, export_key, "
          + "exported_by, approved_by, exported_at) VALUES (?,?,?,?,?,?,?)", request.id(), item.storageKey(),
          utc(item.recordedAt()), exportKey, user, request.releasedBy(), utc(clock.instant()));
      exported++;
    }
    jdbc.update("UPDATE privacy.camera_footage_request SET status = ? WHERE reference = ?", "EXPORTED", reference);
    protocols.addEvent(protocols.getByReference(request.cameraReference()).id(), "FOOTAGE_EXPORTED", user,
        clock.instant());
    return exported;
  }

  /** CAM-5: the incident hold keeps the requested window past the camera's retention until the hold's end date. */
  void placeHold(String reference, String user) {
    FootageRequestRecord request = get(reference);
    Window window = window(reference);
    holds.place(request.cameraReference(), request.incidentReference(), window.reason(), window.from(),
        window.until(), request.holdUntil(), user == null ? "system" : user, reference);
    jdbc.update("UPDATE privacy.camera_footage_request SET status = ? WHERE reference = ?", "HELD", reference);
  }

  void releaseHold(String reference) {
    holds.releaseForRequest(reference);
    jdbc.update("UPDATE privacy.camera_footage_request SET status = ?, closed_at = ? WHERE reference = ?", "CLOSED",
        utc(clock.instant()), reference);
  }

  private FootageRequestRecord requestOf(String reference, String processInstanceId) {
    FootageRequestRecord request = get(reference);
    if (processInstanceId != null && !processInstanceId.equals(request.processInstanceId())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Beeldverzoek " + reference + " wordt in een ander proces "
          + "behandeld; deze stap hoort er niet bij.");
    }
    return request;
  }

  private record Window(Instant from, Instant until, String reason) {
  }

  private Window window(String reference) {
    return jdbc.queryForObject("SELECT footage_from, footage_until, reason FROM privacy.camera_footage_request "
        + "WHERE reference = ?", (rs, n) -> new Window(rs.getObject(1, OffsetDateTime.class).toInstant(),
        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)), reference);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
