package nl.ymere.privacy.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Requests, their events, pauses, notes, extension and documents in schema {@code privacy}. Runs on the engine's
 * DataSource and transaction, so rows written by a process step commit or roll back with it.
 *
 * <p>Within one transaction a request row read by reference is kept and handed out again until this repository
 * changes a request row: one registration or process step asks for the same request from several services (timers,
 * letters, identity), which would otherwise each read the row again. Events of one transaction are inserted together
 * right before it commits.
 */
@Repository
class RequestRepository {

  private static final String COLUMNS = "id, reference, right_code, channel, received_at, received_on, due_date, "
      + "extended_due_date, status, outcome, identity_status, representation, language, requester_name, "
      + "requester_email, requester_postal_address, requester_date_of_birth, subject_name, subject_date_of_birth, "
      + "description, process_instance_id, created_at, closed_at, objection_scope";

  private static final String INSERT_EVENT =
      "INSERT INTO privacy.dsr_event (request_id, at, type, by_user, detail) VALUES (?,?,?,?,?)";

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  /** Request rows read in the current transaction, by reference. */
  private final TransactionBound<Map<String, RequestRecord>> readRequests = TransactionBound.cache(HashMap::new);
  /**
   * Event rows added in the current transaction, inserted as one JDBC batch right before it commits, or before it
   * is suspended (so an inner transaction's events come after them).
   */
  private final TransactionBound<PendingEvents> pendingEvents =
      new TransactionBound<>(PendingEvents::new, this::insert, this::insertAtCommit, true);

  RequestRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  long nextReferenceNumber() {
    String sql = postgres ? "SELECT nextval('privacy.dsr_reference_seq')"
        : "SELECT NEXT VALUE FOR privacy.dsr_reference_seq";
    return jdbc.queryForObject(sql, Long.class);
  }

  record NewRequest(String reference, RequestRight right, Channel channel, Instant receivedAt, LocalDate receivedOn,
      LocalDate dueDate, RequestStatus status, IdentityStatus identityStatus, Representation representation,
      String language, String requesterName, String requesterEmail, String requesterPostalAddress,
      LocalDate requesterDateOfBirth, String subjectName, LocalDate subjectDateOfBirth, String description,
      String registeredBy, Instant createdAt) {
  }

  long insert(NewRequest r) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO privacy.dsr_request (reference, right_code, channel, received_at, "
          + "received_on, due_date, status, identity_status, representation, language, requester_name, "
          + "requester_email, requester_postal_address, requester_date_of_birth, subject_name, subject_date_of_birth, "
          + "description, registered_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      int i = 1;
      ps.setString(i++, r.reference());
      ps.setString(i++, r.right().name());
      ps.setString(i++, r.channel().name());
      ps.setObject(i++, r.receivedAt() == null ? null : r.receivedAt().atOffset(ZoneOffset.UTC));
      ps.setObject(i++, r.receivedOn());
      ps.setObject(i++, r.dueDate());
      ps.setString(i++, r.status().name());
      ps.setString(i++, r.identityStatus().name());
      ps.setString(i++, r.representation().name());
      ps.setString(i++, r.language());
      ps.setString(i++, r.requesterName());
      ps.setString(i++, r.requesterEmail());
      ps.setString(i++, r.requesterPostalAddress());
      ps.setObject(i++, r.requesterDateOfBirth());
      ps.setString(i++, r.subjectName());
      ps.setObject(i++, r.subjectDateOfBirth());
      ps.setString(i++, r.description());
      ps.setString(i++, r.registeredBy());
      ps.setObject(i, r.createdAt().atOffset(ZoneOffset.UTC));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  Optional<RequestRecord> findByReference(String reference) {
    Map<String, RequestRecord> read = readRequests.current();
    RequestRecord known = read == null ? null : read.get(reference);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<RequestRecord> found = jdbc.query("SELECT " + COLUMNS + " FROM privacy.dsr_request WHERE reference = ?",
        MAPPER, reference).stream().findFirst();
    if (read != null) {
      found.ifPresent(request -> read.put(reference, request));
    }
    return found;
  }

  /** Called by every change of a request row: the next read goes to the database again. */
  void forgetReadRequests() {
    Map<String, RequestRecord> read = readRequests.existing();
    if (read != null) {
      read.clear();
    }
  }

  private int updateRequest(String sql, Object... arguments) {
    forgetReadRequests();
    return jdbc.update(sql, arguments);
  }

  RequestRecord getByReference(String reference) {
    return findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("Unknown request reference " + reference));
  }

  String referenceOf(long id) {
    return jdbc.queryForObject("SELECT reference FROM privacy.dsr_request WHERE id = ?", String.class, id);
  }

  void setProcessInstanceId(long id, String processInstanceId) {
    updateRequest("UPDATE privacy.dsr_request SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  void updateStatus(long id, RequestStatus status) {
    updateRequest("UPDATE privacy.dsr_request SET status = ? WHERE id = ? AND status <> 'CLOSED'", status.name(),
        id);
  }

  void updateRepresentation(long id, Representation representation) {
    updateRequest("UPDATE privacy.dsr_request SET representation = ? WHERE id = ?", representation.name(), id);
  }

  void updateIdentityStatus(long id, IdentityStatus identityStatus) {
    updateRequest("UPDATE privacy.dsr_request SET identity_status = ? WHERE id = ?", identityStatus.name(), id);
  }

  /**
   * REP-3..REP-5: the result of the latest check of the representative's authority for this form of representation
   * (ACCEPTED or REJECTED), or null when it was never checked.
   */
  String latestAuthorityCheck(long id, Representation representation) {
    return jdbc.query("SELECT result FROM privacy.representation_check WHERE request_id = ? AND representation = ? "
        + "ORDER BY id DESC", (rs, n) -> rs.getString(1), id, representation.name()).stream().findFirst()
        .orElse(null);
  }

  /** The identity status and, unless the request is closed, its status: one statement for both. */
  void updateIdentityStatus(long id, IdentityStatus identityStatus, RequestStatus status) {
    updateRequest("UPDATE privacy.dsr_request SET identity_status = ?, "
        + "status = CASE WHEN status = 'CLOSED' THEN status ELSE ? END WHERE id = ?", identityStatus.name(),
        status.name(), id);
  }

  void updateDueDates(long id, LocalDate dueDate, LocalDate extendedDueDate) {
    updateRequest("UPDATE privacy.dsr_request SET due_date = ?, extended_due_date = ? WHERE id = ?", dueDate,
        extendedDueDate, id);
  }

  void setOutcome(long id, Outcome outcome) {
    updateRequest("UPDATE privacy.dsr_request SET outcome = ? WHERE id = ?", outcome == null ? null : outcome.name(),
        id);
  }

  void close(long id, Outcome outcome, Instant closedAt) {
    updateRequest("UPDATE privacy.dsr_request SET status = 'CLOSED', outcome = ?, closed_at = ? WHERE id = ?",
        outcome.name(), closedAt.atOffset(ZoneOffset.UTC), id);
  }

  // ---- events ------------------------------------------------------------------------------------------------

  void addEvent(long requestId, Instant at, String type, String byUser) {
    addEvent(requestId, at, type, byUser, null);
  }

  /**
   * Adds an entry to the event log. Within a transaction the row is inserted right before the commit, together with
   * the transaction's other events (one round trip where a registration writes three, issue 4); reads of the event
   * log insert the waiting rows first, and a rollback drops them with everything else.
   */
  void addEvent(long requestId, Instant at, String type, String byUser, String detail) {
    Object[] row = {requestId, at.atOffset(ZoneOffset.UTC), type, byUser, detail};
    PendingEvents pending = pendingEvents.current();
    if (pending == null || pending.committing) {
      jdbc.update(INSERT_EVENT, row);
    } else {
      pending.rows.add(row);
    }
  }

  /** Event rows waiting for their transaction's commit. */
  private static final class PendingEvents {
    private final List<Object[]> rows = new ArrayList<>();
    /** Set once the rows went in at the commit: a later event (another commit step) is inserted at once. */
    private boolean committing;
  }

  private void insertAtCommit(PendingEvents pending) {
    insert(pending);
    pending.committing = true;
  }

  /** Inserts the current transaction's waiting events, so that a read of the event log sees them. */
  private void insertPendingEvents() {
    PendingEvents pending = pendingEvents.existing();
    if (pending != null) {
      insert(pending);
    }
  }

  private void insert(PendingEvents pending) {
    if (!pending.rows.isEmpty()) {
      jdbc.batchUpdate(INSERT_EVENT, List.copyOf(pending.rows));
      pending.rows.clear();
    }
  }

  /**
   * References of the requests about one person: asked for themselves with this e-mail address, or about this
   * name with this date of birth (for themselves or through a representative).
   */
  List<String> referencesAbout(String email, String name, LocalDate dateOfBirth) {
    List<String> conditions = new java.util.ArrayList<>();
    List<Object> args = new java.util.ArrayList<>();
    if (email != null && !email.isBlank()) {
      conditions.add("(subject_name IS NULL AND LOWER(requester_email) = ?)");
      args.add(email.strip().toLowerCase(java.util.Locale.ROOT));
    }
    if (name != null && dateOfBirth != null) {
      conditions.add("(subject_name IS NULL AND requester_name = ? AND requester_date_of_birth = ?)");
      conditions.add("(subject_name = ? AND subject_date_of_birth = ?)");
      args.addAll(List.of(name, java.sql.Date.valueOf(dateOfBirth), name, java.sql.Date.valueOf(dateOfBirth)));
    }
    if (conditions.isEmpty()) {
      return List.of();
    }
    return jdbc.query("SELECT reference FROM privacy.dsr_request WHERE " + String.join(" OR ", conditions)
        + " ORDER BY id", (rs, n) -> rs.getString(1), args.toArray());
  }

  boolean hasEvent(long requestId, String type) {
    insertPendingEvents();
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_event WHERE request_id = ? AND type = ?",
        Integer.class, requestId, type);
    return count != null && count > 0;
  }

  record EventRow(Instant at, String type, String by, String detail) {
  }

  List<EventRow> events(long requestId) {
    insertPendingEvents();
    return jdbc.query("SELECT at, type, by_user, detail FROM privacy.dsr_event WHERE request_id = ? ORDER BY at, id",
        (rs, n) -> new EventRow(instant(rs, "at"), rs.getString("type"), rs.getString("by_user"),
            rs.getString("detail")), requestId);
  }

  // ---- pauses (DL-7, DL-8) -----------------------------------------------------------------------------------

  record PauseRow(long id, LocalDate from, LocalDate until, String reason) {
  }

  List<PauseRow> pauses(long requestId) {
    return jdbc.query("SELECT id, from_date, until_date, reason FROM privacy.dsr_pause WHERE request_id = ? "
            + "ORDER BY from_date, id",
        (rs, n) -> new PauseRow(rs.getLong("id"), localDate(rs, "from_date"), localDate(rs, "until_date"),
            rs.getString("reason")), requestId);
  }

  /** OBJ-1, OBJ-2: what an objection is against (a code). */
  void setObjectionScope(long requestId, ObjectionScope scope) {
    updateRequest("UPDATE privacy.dsr_request SET objection_scope = ? WHERE id = ?",
        scope == null ? null : scope.name(), requestId);
  }

  void insertPause(long requestId, LocalDate from, String reason) {
    jdbc.update("INSERT INTO privacy.dsr_pause (request_id, from_date, reason) VALUES (?,?,?)", requestId, from,
        reason);
  }

  int closeOpenPauses(long requestId, LocalDate until) {
    return jdbc.update("UPDATE privacy.dsr_pause SET until_date = ? WHERE request_id = ? AND until_date IS NULL",
        until, requestId);
  }

  // ---- notes (free text about a person, never in the engine) -------------------------------------------------

  void addNote(long requestId, String kind, String text, String writtenBy, Instant at) {
    jdbc.update("INSERT INTO privacy.dsr_note (request_id, kind, text, written_by, written_at) VALUES (?,?,?,?,?)",
        requestId, kind, text, writtenBy, at.atOffset(ZoneOffset.UTC));
  }

  // ---- extension (DL-6) --------------------------------------------------------------------------------------

  record ExtensionRow(String reason, String justification, String requestedBy, LocalDate noticeSentOn,
      String status) {
  }

  Optional<ExtensionRow> extension(long requestId) {
    return jdbc.query("SELECT reason, justification, requested_by, notice_sent_on, status FROM privacy.dsr_extension "
            + "WHERE request_id = ?",
        (rs, n) -> new ExtensionRow(rs.getString(1), rs.getString(2), rs.getString(3), localDate(rs, "notice_sent_on"),
            rs.getString(5)), requestId).stream().findFirst();
  }

  void insertExtension(long requestId, String reason, String justification, String requestedBy, Instant at,
      LocalDate noticeSentOn, String status) {
    jdbc.update("INSERT INTO privacy.dsr_extension (request_id, reason, justification, requested_by, requested_at, "
            + "notice_sent_on, status) VALUES (?,?,?,?,?,?,?)", requestId, reason, justification, requestedBy,
        at.atOffset(ZoneOffset.UTC), noticeSentOn, status);
  }

  void setExtensionStatus(long requestId, String status, LocalDate noticeSentOn) {
    jdbc.update("UPDATE privacy.dsr_extension SET status = ?, notice_sent_on = ? WHERE request_id = ?", status,
        noticeSentOn, requestId);
  }

  /**
   * Requests for the staff overview: open ones (or all), optionally of one right or status, whose reference or
   * requester's or data subject's name contains the text (case-insensitive); oldest due date first.
   */
  List<RequestRecord> search(String text, RequestRight right, RequestStatus status, boolean openOnly, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM privacy.dsr_request WHERE 1 = 1");
    List<Object> arguments = new ArrayList<>();
    if (openOnly) {
      sql.append(" AND status <> 'CLOSED'");
    }
    if (right != null) {
      sql.append(" AND right_code = ?");
      arguments.add(right.name());
    }
    if (status != null) {
      sql.append(" AND status = ?");
      arguments.add(status.name());
    }
    if (text != null && !text.isBlank()) {
      sql.append(" AND (LOWER(reference) LIKE ? OR LOWER(requester_name) LIKE ? OR LOWER(subject_name) LIKE ?)");
      String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
          .replace("%", "\\%").replace("_", "\\_") + "%";
      arguments.add(pattern);
      arguments.add(pattern);
      arguments.add(pattern);
    }
    sql.append(" ORDER BY COALESCE(extended_due_date, due_date), reference LIMIT ?");
    arguments.add(limit);
    return jdbc.query(sql.toString(), MAPPER, arguments.toArray());
  }

  // ---- documents ---------------------------------------------------------------------------------------------

  /** A document: a queued letter ({@code outboxMessageId}) or one kept by a capability and served at {@code path}. */
  record DocumentRow(long id, String type, String templateVersion, Instant createdAt, Long outboxMessageId,
      String path) {
  }

  void addDocument(long requestId, String type, String templateVersion, Long outboxMessageId, String path,
      Instant at) {
    jdbc.update("INSERT INTO privacy.dsr_document (request_id, type, template_version, outbox_message_id, path, "
        + "created_at) VALUES (?,?,?,?,?,?)", requestId, type, templateVersion, outboxMessageId, path,
        at.atOffset(ZoneOffset.UTC));
  }

  List<DocumentRow> documents(long requestId) {
    return jdbc.query("SELECT id, type, template_version, created_at, outbox_message_id, path "
            + "FROM privacy.dsr_document WHERE request_id = ? ORDER BY id",
        (rs, n) -> new DocumentRow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, "created_at"),
            (Long) rs.getObject(5, Long.class), rs.getString(6)), requestId);
  }

  // ---- mapping -----------------------------------------------------------------------------------------------

  private static final RowMapper<RequestRecord> MAPPER = (rs, n) -> new RequestRecord(
      rs.getLong("id"),
      rs.getString("reference"),
      RequestRight.valueOf(rs.getString("right_code")),
      Channel.valueOf(rs.getString("channel")),
      instant(rs, "received_at"),
      localDate(rs, "received_on"),
      localDate(rs, "due_date"),
      localDate(rs, "extended_due_date"),
      RequestStatus.valueOf(rs.getString("status")),
      rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
      IdentityStatus.valueOf(rs.getString("identity_status")),
      Representation.valueOf(rs.getString("representation")),
      rs.getString("language"),
      rs.getString("requester_name"),
      rs.getString("requester_email"),
      rs.getString("requester_postal_address"),
      localDate(rs, "requester_date_of_birth"),
      rs.getString("subject_name"),
      localDate(rs, "subject_date_of_birth"),
      rs.getString("description"),
      rs.getString("process_instance_id"),
      instant(rs, "created_at"),
      instant(rs, "closed_at"),
      rs.getString("objection_scope") == null ? null : ObjectionScope.valueOf(rs.getString("objection_scope")));

  static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
