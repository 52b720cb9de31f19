package nl.ymere.privacy.camera;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.camera.CameraCodes.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code privacy.camera_*}: protocols, events, notes, DPIA screening and DPIA (schema privacy, unquoted). */
@Repository
class CameraProtocolRepository {

  private static final String COLUMNS = "id, reference, status, location_type, location_name, location_address, "
      + "area_type, purpose, covert, covert_end_date, retention_hours, requested_by, process_instance_id, "
      + "refusal_reason, dpia_outcome, approved_by, approval_reference, signage_photo_reference, activated_on, "
      + "expires_on, created_at";

  private static final RowMapper<CameraProtocol> MAPPER = (rs, n) -> new CameraProtocol(rs.getLong("id"),
      rs.getString("reference"), Status.valueOf(rs.getString("status")), rs.getString("location_type"),
      rs.getString("location_name"), rs.getString("location_address"), rs.getString("area_type"),
      rs.getString("purpose"), rs.getBoolean("covert"), rs.getObject("covert_end_date", LocalDate.class),
      rs.getInt("retention_hours"), rs.getString("requested_by"), rs.getString("process_instance_id"),
      rs.getString("refusal_reason"), rs.getString("dpia_outcome"), rs.getString("approved_by"),
      rs.getString("approval_reference"), rs.getString("signage_photo_reference"),
      rs.getObject("activated_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
      instant(rs, "created_at"));

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  CameraProtocolRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  long nextReferenceNumber() {
    String sql = postgres ? "SELECT nextval('privacy.camera_reference_seq')"
        : "SELECT NEXT VALUE FOR privacy.camera_reference_seq";
    return jdbc.queryForObject(sql, Long.class);
  }

  long insert(String reference, CameraRequest r, boolean covert, int retentionHours, String requestedBy,
      String processInstanceId, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO privacy.camera_protocol (reference, status, location_type, "
          + "location_name, location_address, area_type, purpose, problem, incidents, milder_measures, field_of_view, "
          + "covert, covert_suspicion, covert_end_date, retention_hours, retention_justification, requested_by, "
          + "process_instance_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      int i = 1;
      ps.setString(i++, reference);
      ps.setString(i++, Status.REQUESTED.name());
      ps.setString(i++, r.locationType().name());
      ps.setString(i++, r.locationName());
      ps.setString(i++, r.locationAddress());
      ps.setString(i++, r.areaType().name());
      ps.setString(i++, r.purpose().name());
      ps.setString(i++, r.problem());
      ps.setString(i++, r.incidents());
      ps.setString(i++, r.milderMeasures());
      ps.setString(i++, r.fieldOfView());
      ps.setBoolean(i++, covert);
      ps.setString(i++, covert ? r.covertSuspicion() : null);
      ps.setObject(i++, covert ? r.covertEndDate() : null);
      ps.setInt(i++, retentionHours);
      ps.setString(i++, r.retentionJustification());
      ps.setString(i++, requestedBy);
      ps.setString(i++, processInstanceId);
      ps.setObject(i, now.atOffset(ZoneOffset.UTC));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  Optional<CameraProtocol> findByReference(String reference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM privacy.camera_protocol WHERE reference = ?", MAPPER, reference)
        .stream().findFirst();
  }

  CameraProtocol getByReference(String reference) {
    return findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("Unknown camera protocol " + reference));
  }

  /** The register (CAM-1, ROP-1): every protocol that reached a camera, optionally one status, oldest first. */
  List<CameraProtocol> register(Status status) {
    if (status != null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM privacy.camera_protocol WHERE status = ? ORDER BY id", MAPPER,
          status.name());
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM privacy.camera_protocol WHERE activated_on IS NOT NULL ORDER BY id",
        MAPPER);
  }

  /** Protocols whose footage the retention sweep looks at: every camera that was ever activated. */
  List<CameraProtocol> withFootage() {
    return jdbc.query("SELECT " + COLUMNS + " FROM privacy.camera_protocol WHERE activated_on IS NOT NULL", MAPPER);
  }

  void setProcessInstanceId(long id, String processInstanceId) {
    jdbc.update("UPDATE privacy.camera_protocol SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  void updateStatus(long id, Status status) {
    jdbc.update("UPDATE privacy.camera_protocol SET status = ? WHERE id = ?", status.name(), id);
  }

  void refuse(long id, String reason, Instant now) {
    jdbc.update("UPDATE privacy.camera_protocol SET status = ?, refusal_reason = ?, closed_at = ? WHERE id = ?",
        Status.REFUSED.name(), reason, now.atOffset(ZoneOffset.UTC), id);
  }

  void setDpiaOutcome(long id, String outcome) {
    jdbc.update("UPDATE privacy.camera_protocol SET dpia_outcome = ? WHERE id = ?", outcome, id);
  }

  void approve(long id, String approvedBy, String approvalReference) {
    jdbc.update("UPDATE privacy.camera_protocol SET approved_by = ?, approval_reference = ? WHERE id = ?", approvedBy,
        approvalReference, id);
  }

  void setSignage(long id, String photoReference) {
    jdbc.update("UPDATE privacy.camera_protocol SET signage_photo_reference = ? WHERE id = ?", photoReference, id);
  }

  void activate(long id, LocalDate activatedOn, LocalDate expiresOn) {
    jdbc.update("UPDATE privacy.camera_protocol SET status = ?, activated_on = ?, expires_on = ? WHERE id = ?",
        Status.ACTIVE.name(), activatedOn, expiresOn, id);
  }

  void setExpiresOn(long id, LocalDate expiresOn) {
    jdbc.update("UPDATE privacy.camera_protocol SET expires_on = ? WHERE id = ?", expiresOn, id);
  }

  void close(long id, Status status, Instant now) {
    jdbc.update("UPDATE privacy.camera_protocol SET status = ?, closed_at = ? WHERE id = ?", status.name(),
        now.atOffset(ZoneOffset.UTC), id);
  }

  void addEvent(long id, String type, String user, Instant now) {
    jdbc.update("INSERT INTO privacy.camera_event (protocol_id, at, type, by_user) VALUES (?,?,?,?)", id,
        now.atOffset(ZoneOffset.UTC), type, user);
  }

  List<String> eventTypes(long id) {
    return jdbc.queryForList("SELECT type FROM privacy.camera_event WHERE protocol_id = ? ORDER BY id", String.class,
        id);
  }

  void addNote(long id, String type, String code, String text, String user, Instant now) {
    jdbc.update("INSERT INTO privacy.camera_note (protocol_id, type, code, text, by_user, at) VALUES (?,?,?,?,?,?)",
        id, type, code, text, user, now.atOffset(ZoneOffset.UTC));
  }

  /** A note of the protocol: who wrote what, of which type, when (balancing, FG advice, decisions). */
  record Note(String type, String code, String text, String byUser, Instant at) {
  }

  /** An event of the protocol: what happened, by whom, when. */
  record Event(String type, String byUser, Instant at) {
  }

  List<Note> notes(long id) {
    return jdbc.query("SELECT type, code, text, by_user, at FROM privacy.camera_note WHERE protocol_id = ? ORDER BY id",
        (rs, n) -> new Note(rs.getString("type"), rs.getString("code"), rs.getString("text"), rs.getString("by_user"),
            instant(rs, "at")), id);
  }

  List<Event> events(long id) {
    return jdbc.query("SELECT type, by_user, at FROM privacy.camera_event WHERE protocol_id = ? ORDER BY id",
        (rs, n) -> new Event(rs.getString("type"), rs.getString("by_user"), instant(rs, "at")), id);
  }

  /** The DPIA's residual risk (CAM-3), or null when no DPIA was written. */
  String dpiaResidualRisk(long id) {
    return jdbc.query("SELECT residual_risk FROM privacy.camera_dpia WHERE protocol_id = ?",
        (rs, n) -> rs.getString(1), id).stream().findFirst().orElse(null);
  }

  /** The DPIA's Art 35(7) contents and author, or empty when none was written. */
  Optional<java.util.Map<String, Object>> dpia(long id) {
    return jdbc.queryForList("SELECT systematic_description, necessity_proportionality, risks, measures, "
        + "residual_risk, written_by FROM privacy.camera_dpia WHERE protocol_id = ?", id).stream().findFirst();
  }

  /** The request's own words (CAM-1): problem, incidents, milder means, view, covert suspicion, justification. */
  java.util.Map<String, Object> requestTexts(long id) {
    return jdbc.queryForMap("SELECT problem, incidents, milder_measures, field_of_view, covert_suspicion, "
        + "retention_justification FROM privacy.camera_protocol WHERE id = ?", id);
  }

  /** Who filled in the DPIA screening, or null. */
  String screenedBy(long id) {
    return jdbc.query("SELECT screened_by FROM privacy.camera_dpia_screening WHERE protocol_id = ?",
        (rs, n) -> rs.getString(1), id).stream().findFirst().orElse(null);
  }

  void saveScreening(long id, boolean art35Case, String user, Instant now) {
    jdbc.update("DELETE FROM privacy.camera_dpia_reason WHERE protocol_id = ?", id);
    jdbc.update("DELETE FROM privacy.camera_dpia_screening WHERE protocol_id = ?", id);
    jdbc.update("INSERT INTO privacy.camera_dpia_screening (protocol_id, art35_case, screened_by, screened_at) "
        + "VALUES (?,?,?,?)", id, art35Case, user, now.atOffset(ZoneOffset.UTC));
  }

  void addSelectedReason(long id, String kind, String code) {
    jdbc.update("INSERT INTO privacy.camera_dpia_reason (protocol_id, kind, code, selected, matched) VALUES (?,?,?,?,?)",
        id, kind, code, true, false);
  }

  List<String> selectedReasons(long id, String kind) {
    return jdbc.queryForList("SELECT code FROM privacy.camera_dpia_reason WHERE protocol_id = ? AND kind = ? "
        + "AND selected = TRUE ORDER BY id", String.class, id, kind);
  }

  Boolean art35Case(long id) {
    return jdbc.query("SELECT art35_case FROM privacy.camera_dpia_screening WHERE protocol_id = ?",
        (rs, n) -> rs.getBoolean(1), id).stream().findFirst().orElse(null);
  }

  void recordScreeningResult(long id, String outcome, String kind, List<String> matchedCodes) {
    jdbc.update("UPDATE privacy.camera_dpia_screening SET outcome = ? WHERE protocol_id = ?", outcome, id);
    for (String code : matchedCodes) {
      int updated = jdbc.update("UPDATE privacy.camera_dpia_reason SET matched = TRUE WHERE protocol_id = ? "
          + "AND kind = ? AND code = ?", id, kind, code);
      if (updated == 0) {
        jdbc.update("INSERT INTO privacy.camera_dpia_reason (protocol_id, kind, code, selected, matched) "
            + "VALUES (?,?,?,?,?)", id, kind, code, false, true);
      }
    }
  }

  /** The matched reasons of the screening as {@code KIND:CODE}, in the order stored. */
  List<String> matchedReasons(long id) {
    return jdbc.queryForList("SELECT kind || ':' || code FROM privacy.camera_dpia_reason WHERE protocol_id = ? "
        + "AND matched = TRUE ORDER BY id", String.class, id);
  }

  String screeningOutcome(long id) {
    return jdbc.query("SELECT outcome FROM privacy.camera_dpia_screening WHERE protocol_id = ?",
        (rs, n) -> rs.getString(1), id).stream().findFirst().orElse(null);
  }

  void saveDpia(long id, String description, String necessity, String risks, String measures, String residualRisk,
      String user, Instant now) {
    jdbc.update("DELETE FROM privacy.camera_dpia WHERE protocol_id = ?", id);
    jdbc.update("INSERT INTO privacy.camera_dpia (protocol_id, systematic_description, necessity_proportionality, "
        + "risks, measures, residual_risk, written_by, written_at) VALUES (?,?,?,?,?,?,?,?)", id, description,
        necessity, risks, measures, residualRisk, user, now.atOffset(ZoneOffset.UTC));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
