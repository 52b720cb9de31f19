package nl.ymere.privacy.camera;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident holds (CAM-5): footage of a camera in a time window is kept past the camera's retention, with incident
 * reference, reason, creator and end date; a hold stops covering footage after its end date or when released.
 */
@Service
@Transactional
public class IncidentHoldService {

  /** One hold; the reason stays in the table. */
  public record Hold(long id, String cameraReference, String incidentReference, Instant footageFrom,
      Instant footageUntil, LocalDate endDate, Instant releasedAt) {
  }

  private final JdbcTemplate jdbc;
  private final CameraProtocolRepository protocols;
  private final Clock clock;

  IncidentHoldService(JdbcTemplate jdbc, CameraProtocolRepository protocols, Clock clock) {
    this.jdbc = jdbc;
    this.protocols = protocols;
    this.clock = clock;
  }

  public long place(String cameraReference, String incidentReference, String reason, Instant footageFrom,
      Instant footageUntil, LocalDate endDate, String user) {
    return place(cameraReference, incidentReference, reason, footageFrom, footageUntil, endDate, user, null);
  }

  /** A hold placed for a footage request ({@code camera-footage-request}), released with it. */
  public long place(String cameraReference, String incidentReference, String reason, Instant footageFrom,
      Instant footageUntil, LocalDate endDate, String user, String requestReference) {
    if (reason == null || reason.isBlank() || incidentReference == null || incidentReference.isBlank()) {
      throw new IllegalArgumentException("An incident hold needs an incident reference and a reason (CAM-5)");
    }
    if (footageUntil.isBefore(footageFrom) || endDate == null || !endDate.isAfter(LocalDate.now(clock))) {
      throw new IllegalArgumentException("An incident hold needs a footage window and an end date after today");
    }
    CameraProtocol protocol = protocols.getByReference(cameraReference);
    Instant now = clock.instant();
    jdbc.update("INSERT INTO privacy.camera_incident_hold (protocol_id, request_reference, incident_reference, reason, "
        + "footage_from, footage_until, end_date, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)", protocol.id(),
        requestReference, incidentReference, reason, utc(footageFrom), utc(footageUntil), endDate, user, utc(now));
    protocols.addEvent(protocol.id(), "INCIDENT_HOLD_PLACED", user, now);
    return jdbc.queryForObject("SELECT MAX(id) FROM privacy.camera_incident_hold WHERE protocol_id = ?", Long.class,
        protocol.id());
  }

  public void release(long holdId, String user) {
    jdbc.update("UPDATE privacy.camera_incident_hold SET released_at = ? WHERE id = ? AND released_at IS NULL",
        utc(clock.instant()), holdId);
  }

  /** Releases the holds of a footage request when its end date has passed (automatic release). */
  public void releaseForRequest(String requestReference) {
    jdbc.update("UPDATE privacy.camera_incident_hold SET released_at = ? WHERE request_reference = ? "
        + "AND released_at IS NULL", utc(clock.instant()), requestReference);
  }

  /** Holds that still cover footage today: not released and their end date not passed. */
  @Transactional(readOnly = true)
  public List<Hold> activeHolds(String cameraReference) {
    return jdbc.query("SELECT h.id, p.reference, h.incident_reference, h.footage_from, h.footage_until, h.end_date, "
        + "h.released_at FROM privacy.camera_incident_hold h JOIN privacy.camera_protocol p ON p.id = h.protocol_id "
        + "WHERE p.reference = ? AND h.released_at IS NULL AND h.end_date >= ? ORDER BY h.id",
        (rs, n) -> new Hold(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
            rs.getObject(6, LocalDate.class), null), cameraReference, LocalDate.now(clock));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
