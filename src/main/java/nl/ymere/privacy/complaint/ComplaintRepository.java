package nl.ymere.privacy.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.request.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The complaint tables ({@code V41__privacy_complaints.sql}); only this capability reads or writes them. */
@Repository
class ComplaintRepository {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  ComplaintRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  long nextReferenceNumber() {
    String sql = postgres ? "SELECT nextval('privacy.complaint_reference_seq')"
        : "SELECT NEXT VALUE FOR privacy.complaint_reference_seq";
    return jdbc.queryForObject(sql, Long.class);
  }

  void insert(String reference, Channel channel, Instant receivedAt, LocalDate receivedOn, LocalDate dueDate,
      String name, String email, String address, String description, String aboutRequest, String registeredBy,
      Instant registeredAt) {
    jdbc.update("INSERT INTO privacy.complaint (reference, channel, received_at, received_on, due_date, "
        + "complainant_name, complainant_email, complainant_address, description, about_request_reference, status, "
        + "registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reference, channel.name(),
        receivedAt == null ? null : Timestamp.from(receivedAt), receivedOn, dueDate, name, email, address,
        description, aboutRequest, ComplaintStatus.REGISTERED.name(), registeredBy, Timestamp.from(registeredAt));
  }

  void setProcessInstanceId(String reference, String processInstanceId) {
    jdbc.update("UPDATE privacy.complaint SET process_instance_id = ? WHERE reference = ?", processInstanceId,
        reference);
  }

  Optional<Complaint> find(String reference) {
    return jdbc.query("SELECT * FROM privacy.complaint WHERE reference = ?", MAPPER, reference).stream().findFirst();
  }

  Complaint get(String reference) {
    return find(reference).orElseThrow(() -> new IllegalStateException("No complaint " + reference));
  }

  List<Complaint> all() {
    return jdbc.query("SELECT * FROM privacy.complaint ORDER BY id", MAPPER);
  }

  void triaged(long id, String aboutRequest, String user, Instant at) {
    jdbc.update("UPDATE privacy.complaint SET status = ?, about_request_reference = COALESCE(?, "
        + "about_request_reference), triaged_by = ?, triaged_at = ? WHERE id = ?",
        ComplaintStatus.INVESTIGATING.name(), aboutRequest, user, Timestamp.from(at), id);
  }

  void investigated(long id, boolean dataErased) {
    jdbc.update("UPDATE privacy.complaint SET data_erased_at_request = ? WHERE id = ?", dataErased, id);
  }

  void drafted(long id, ComplaintOutcome outcome, String answer, ComplaintStatus status, String user, Instant at) {
    jdbc.update("UPDATE privacy.complaint SET outcome = ?, answer_text = ?, status = ?, drafted_by = ?, "
        + "drafted_at = ?, approved_by = NULL, approved_at = NULL WHERE id = ?", outcome.name(), answer,
        status.name(), user, Timestamp.from(at), id);
  }

  void approved(long id, String user, Instant at) {
    jdbc.update("UPDATE privacy.complaint SET status = ?, approved_by = ?, approved_at = ? WHERE id = ?",
        ComplaintStatus.ANSWER_APPROVED.name(), user, Timestamp.from(at), id);
  }

  void sentBack(long id) {
    jdbc.update("UPDATE privacy.complaint SET status = ? WHERE id = ?", ComplaintStatus.INVESTIGATING.name(), id);
  }

  void answered(long id, Instant at, LocalDate keepUntil) {
    jdbc.update("UPDATE privacy.complaint SET status = ?, answered_at = ?, keep_until = ? WHERE id = ?",
        ComplaintStatus.ANSWERED.name(), Timestamp.from(at), keepUntil, id);
  }

  void addEvent(long complaintId, String type, String user, Instant at, String note) {
    jdbc.update("INSERT INTO privacy.complaint_event (complaint_id, event_type, by_user, at_time, note) "
        + "VALUES (?, ?, ?, ?, ?)", complaintId, type, user, Timestamp.from(at), note);
  }

  record Event(String type, String byUser, Instant at, String note) {
  }

  List<Event> events(long complaintId) {
    return jdbc.query("SELECT event_type, by_user, at_time, note FROM privacy.complaint_event WHERE complaint_id = ? "
        + "ORDER BY id", (rs, i) -> new Event(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
        rs.getString(4)), complaintId);
  }

  void addLink(long complaintId, String kind, String linkedReference, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.complaint_link (complaint_id, link_kind, linked_reference, linked_by, linked_at) "
        + "VALUES (?, ?, ?, ?, ?)", complaintId, kind, linkedReference, user, Timestamp.from(at));
  }

  record Link(String kind, String linkedReference, String linkedBy, Instant linkedAt) {
  }

  List<Link> links(long complaintId) {
    return jdbc.query("SELECT link_kind, linked_reference, linked_by, linked_at FROM privacy.complaint_link "
        + "WHERE complaint_id = ? ORDER BY id", (rs, i) -> new Link(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getTimestamp(4).toInstant()), complaintId);
  }

  private static final RowMapper<Complaint> MAPPER = ComplaintRepository::map;

  private static Complaint map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Complaint(rs.getLong("id"), rs.getString("reference"), Channel.valueOf(rs.getString("channel")),
        instant(rs.getTimestamp("received_at")), rs.getObject("received_on", LocalDate.class),
        rs.getObject("due_date", LocalDate.class), rs.getString("complainant_name"),
        rs.getString("complainant_email"), rs.getString("complainant_address"), rs.getString("description"),
        rs.getString("about_request_reference"), ComplaintStatus.valueOf(rs.getString("status")),
        outcome == null ? null : ComplaintOutcome.valueOf(outcome), rs.getBoolean("data_erased_at_request"),
        rs.getString("answer_text"), rs.getString("registered_by"), instant(rs.getTimestamp("registered_at")),
        rs.getString("triaged_by"), rs.getString("drafted_by"), rs.getString("approved_by"),
        instant(rs.getTimestamp("answered_at")), rs.getObject("keep_until", LocalDate.class),
        rs.getString("process_instance_id"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
