package nl.ymere.privacy.apinquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The AP inquiry tables ({@code V57__ap_inquiries.sql}); only this capability reads or writes them. */
@Repository
class ApInquiryRepository {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  ApInquiryRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  long nextReferenceNumber() {
    String sql = postgres ? "SELECT nextval('privacy.ap_inquiry_reference_seq')"
        : "SELECT NEXT VALUE FOR privacy.ap_inquiry_reference_seq";
    return jdbc.queryForObject(sql, Long.class);
  }

  void insert(String reference, ApInquiryKind kind, String caseNumber, LocalDate receivedOn, LocalDate deadline,
      String topic, String registeredBy, Instant registeredAt) {
    jdbc.update("INSERT INTO privacy.ap_inquiry (reference, inquiry_kind, ap_case_number, received_on, ap_deadline, "
        + "topic, status, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", reference, kind.name(),
        caseNumber, receivedOn, deadline, topic, ApInquiryStatus.REGISTERED.name(), registeredBy,
        Timestamp.from(registeredAt));
  }

  void setProcessInstanceId(String reference, String processInstanceId) {
    jdbc.update("UPDATE privacy.ap_inquiry SET process_instance_id = ? WHERE reference = ?", processInstanceId,
        reference);
  }

  Optional<ApInquiry> find(String reference) {
    return jdbc.query("SELECT * FROM privacy.ap_inquiry WHERE reference = ?", MAPPER, reference).stream()
        .findFirst();
  }

  ApInquiry get(String reference) {
    return find(reference).orElseThrow(() -> new IllegalStateException("No AP inquiry " + reference));
  }

  List<ApInquiry> all() {
    return jdbc.query("SELECT * FROM privacy.ap_inquiry ORDER BY id", MAPPER);
  }

  void drafted(long id, String answer, String user, Instant at) {
    jdbc.update("UPDATE privacy.ap_inquiry SET status = ?, answer_text = ?, drafted_by = ?, drafted_at = ?, "
        + "fg_advice = NULL, fg_advice_note = NULL, fg_advised_by = NULL, fg_advised_at = NULL, approved_by = NULL, "
        + "approved_at = NULL WHERE id = ?", ApInquiryStatus.DRAFTED.name(), answer, user, Timestamp.from(at), id);
  }

  void advised(long id, String advice, String note, String user, Instant at) {
    jdbc.update("UPDATE privacy.ap_inquiry SET status = ?, fg_advice = ?, fg_advice_note = ?, fg_advised_by = ?, "
        + "fg_advised_at = ? WHERE id = ?", ApInquiryStatus.ADVISED.name(), advice, note, user, Timestamp.from(at),
        id);
  }

  String fgAdviceNote(long id) {
    return jdbc.queryForObject("SELECT fg_advice_note FROM privacy.ap_inquiry WHERE id = ?", String.class, id);
  }

  void approved(long id, String user, Instant at) {
    jdbc.update("UPDATE privacy.ap_inquiry SET status = ?, approved_by = ?, approved_at = ? WHERE id = ?",
        ApInquiryStatus.APPROVED.name(), user, Timestamp.from(at), id);
  }

  void sentBack(long id) {
    jdbc.update("UPDATE privacy.ap_inquiry SET status = ? WHERE id = ?", ApInquiryStatus.REGISTERED.name(), id);
  }

  void answered(long id, Instant at) {
    jdbc.update("UPDATE privacy.ap_inquiry SET status = ?, answered_at = ? WHERE id = ?",
        ApInquiryStatus.ANSWERED.name(), Timestamp.from(at), id);
  }

  void closed(long id, LocalDate closedOn, String closure, String user, LocalDate keepUntil) {
    jdbc.update("UPDATE privacy.ap_inquiry SET status = ?, ap_closed_on = ?, ap_closure = ?, closed_by = ?, "
        + "keep_until = ? WHERE id = ?", ApInquiryStatus.CLOSED.name(), closedOn, closure, user, keepUntil, id);
  }

  void holdsReleased(long id, String user, Instant at) {
    jdbc.update("UPDATE privacy.ap_inquiry SET status = ?, holds_released_by = ?, holds_released_at = ? "
        + "WHERE id = ?", ApInquiryStatus.HOLDS_RELEASED.name(), user, Timestamp.from(at), id);
  }

  record Scope(long id, String kind, String linkedReference, Long legalHoldId) {
  }

  void addScope(long inquiryId, String kind, String linkedReference) {
    jdbc.update("INSERT INTO privacy.ap_inquiry_scope (inquiry_id, scope_kind, linked_reference) VALUES (?, ?, ?)",
        inquiryId, kind, linkedReference);
  }

  void scopeHeld(long scopeId, long holdId) {
    jdbc.update("UPDATE privacy.ap_inquiry_scope SET legal_hold_id = ? WHERE id = ?", holdId, scopeId);
  }

  List<Scope> scope(long inquiryId) {
    return jdbc.query("SELECT id, scope_kind, linked_reference, legal_hold_id FROM privacy.ap_inquiry_scope "
        + "WHERE inquiry_id = ? ORDER BY id", (rs, i) -> new Scope(rs.getLong(1), rs.getString(2), rs.getString(3),
        (Long) rs.getObject(4, Long.class)), inquiryId);
  }

  void addEvent(long inquiryId, String type, String user, Instant at, String note) {
    jdbc.update("INSERT INTO privacy.ap_inquiry_event (inquiry_id, event_type, by_user, at_time, note) "
        + "VALUES (?, ?, ?, ?, ?)", inquiryId, type, user, Timestamp.from(at), note);
  }

  record Event(String type, String byUser, Instant at, String note) {
  }

  List<Event> events(long inquiryId) {
    return jdbc.query("SELECT event_type, by_user, at_time, note FROM privacy.ap_inquiry_event "
        + "WHERE inquiry_id = ? ORDER BY id", (rs, i) -> new Event(rs.getString(1), rs.getString(2),
        rs.getTimestamp(3).toInstant(), rs.getString(4)), inquiryId);
  }

  private static final RowMapper<ApInquiry> MAPPER = ApInquiryRepository::map;

  private static ApInquiry map(ResultSet rs, int row) throws SQLException {
    return new ApInquiry(rs.getLong("id"), rs.getString("reference"),
        ApInquiryKind.valueOf(rs.getString("inquiry_kind")), rs.getString("ap_case_number"),
        rs.getObject("received_on", LocalDate.class), rs.getObject("ap_deadline", LocalDate.class),
        rs.getString("topic"), ApInquiryStatus.valueOf(rs.getString("status")), rs.getString("answer_text"),
        rs.getString("drafted_by"), rs.getString("fg_advice"), rs.getString("fg_advised_by"),
        rs.getString("approved_by"), instant(rs.getTimestamp("answered_at")),
        rs.getObject("ap_closed_on", LocalDate.class), rs.getString("ap_closure"), rs.getString("closed_by"),
        rs.getString("holds_released_by"), instant(rs.getTimestamp("holds_released_at")),
        rs.getString("registered_by"), instant(rs.getTimestamp("registered_at")),
        rs.getObject("keep_until", LocalDate.class), rs.getString("process_instance_id"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
