package nl.ymere.privacy.mail;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.security.RecordCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL on {@code privacy.outbox_message} through the Spring DataSource, the one the engine uses: inside an engine
 * command the {@link JdbcTemplate} joins the engine's Spring transaction (DESIGN principle 4). Every status change
 * is a conditional update, so two nodes never both own a row.
 */
@Repository
class OutboxRepository {

  /**
   * Flyway creates the schema as the quoted lower-case identifier "privacy" (the engine's tables stay in the
   * default schema); quoted, the name matches on H2, which folds unquoted names to upper case, and on PostgreSQL.
   */
  static final String TABLE = "privacy.outbox_message";
  private static final String COLUMNS = "id, message_id, reference, template, template_version, language, channel, "
      + "recipient_role, recipient, subject, body_html, status, attempts, next_attempt_at, claimed_by, "
      + "claimed_at, sent_at, last_error, created_at";

  /** Issue 14 finding 6: once a message is out, its one-time link is kept nowhere. */
  private static final String CLEAR_RECIPIENT_COPY = "recipient_copy_nonce = NULL, recipient_copy = NULL";

  private static final RowMapper<OutboxMessage> ROW = OutboxRepository::map;

  private final JdbcTemplate jdbc;

  OutboxRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row; {@code recipientCopy} (may be null) is the sealed copy with a one-time link. */
  long insert(OutboxMessage message, RecordCipher.Sealed recipientCopy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (message_id, reference, "
          + "template, template_version, language, channel, recipient_role, recipient, subject, body_html, "
          + "status, attempts, next_attempt_at, created_at, recipient_copy_nonce, recipient_copy) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, message.messageId());
      insert.setString(2, message.reference());
      insert.setString(3, message.template());
      insert.setString(4, message.templateVersion());
      insert.setString(5, message.language());
      insert.setString(6, message.channel().name());
      insert.setString(7, message.recipientRole().name());
      insert.setString(8, message.recipient());
      insert.setString(9, message.subject());
      insert.setString(10, message.bodyHtml());
      insert.setString(11, message.status().name());
      insert.setObject(12, timestamp(message.nextAttemptAt()));
      insert.setObject(13, timestamp(message.createdAt()));
      insert.setBytes(14, recipientCopy == null ? null : recipientCopy.nonce());
      insert.setBytes(15, recipientCopy == null ? null : recipientCopy.ciphertext());
      return insert;
    }, key);
    return key.getKeyAs(Number.class).longValue();
  }

  /** Ids of e-mail rows waiting for an attempt that is due, oldest first. */
  List<Long> findDueIds(Instant now, int limit) {
    return jdbc.queryForList("SELECT id FROM " + TABLE + " WHERE status = 'PENDING' AND next_attempt_at <= ? "
        + "ORDER BY next_attempt_at, id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", Long.class,
        timestamp(now));
  }

  /** PENDING to SENDING for this node; true only for the one caller whose update changed the row. */
  boolean claim(long id, String node, Instant now) {
    return jdbc.update("UPDATE " + TABLE + " SET status = 'SENDING', claimed_by = ?, claimed_at = ? "
        + "WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?", node, timestamp(now), id,
        timestamp(now)) == 1;
  }

  /** The sealed recipient's copy of a row with a one-time link, until it is SENT or PRINTED. */
  Optional<RecordCipher.Sealed> recipientCopy(long id) {
    return jdbc.query("SELECT recipient_copy_nonce, recipient_copy FROM " + TABLE + " WHERE id = ? "
        + "AND recipient_copy IS NOT NULL", (rs, row) -> new RecordCipher.Sealed(rs.getBytes(1), rs.getBytes(2)), id)
        .stream().findFirst();
  }

  boolean markSent(long id, String node, Instant now) {
    return jdbc.update("UPDATE " + TABLE + " SET status = 'SENT', sent_at = ?, attempts = attempts + 1, "
        + "last_error = NULL, " + CLEAR_RECIPIENT_COPY + " WHERE id = ? AND status = 'SENDING' AND claimed_by = ?", timestamp(now), id, node) == 1;
  }

  /** After a failed attempt: back to PENDING at {@code nextAttemptAt}, or FAILED (then nextAttemptAt is null). */
  boolean markAttemptFailed(long id, String node, OutboxStatus status, Instant nextAttemptAt, String error) {
    return jdbc.update("UPDATE " + TABLE + " SET status = ?, attempts = attempts + 1, next_attempt_at = ?, "
        + "last_error = ?, claimed_by = NULL, claimed_at = NULL WHERE id = ? AND status = 'SENDING' "
        + "AND claimed_by = ?", status.name(), timestamp(nextAttemptAt), error, id, node) == 1;
  }

  /** An admin decision about a stuck or failed row: try again from now. */
  boolean requeue(long id, Instant now) {
    return jdbc.update("UPDATE " + TABLE + " SET status = 'PENDING', next_attempt_at = ?, claimed_by = NULL, "
        + "claimed_at = NULL WHERE id = ? AND status IN ('SENDING', 'FAILED')", timestamp(now), id) == 1;
  }

  /** An admin decision about a stuck row that the mail server did deliver. */
  boolean markSentByAdmin(long id, Instant now) {
    return jdbc.update("UPDATE " + TABLE + " SET status = 'SENT', sent_at = ?, " + CLEAR_RECIPIENT_COPY
        + " WHERE id = ? AND status = 'SENDING'",
        timestamp(now), id) == 1;
  }

  boolean markPrinted(long id, Instant now) {
    return jdbc.update("UPDATE " + TABLE + " SET status = 'PRINTED', sent_at = ?, " + CLEAR_RECIPIENT_COPY + " "
        + "WHERE id = ? AND status = 'PRINT_PENDING'", timestamp(now), id) == 1;
  }

  int deleteFinished(String reference) {
    return jdbc.update("DELETE FROM " + TABLE + " WHERE reference = ? AND status IN ('SENT', 'PRINTED', 'FAILED')",
        reference);
  }

  Optional<OutboxMessage> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?", ROW, id).stream().findFirst();
  }

  Optional<OutboxMessage> findByMessageId(String messageId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE message_id = ?", ROW, messageId).stream()
        .findFirst();
  }

  List<OutboxMessage> findByReference(String reference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE reference = ? ORDER BY created_at, id", ROW,
        reference);
  }

  /** Newest rows first, for the admin page. */
  List<OutboxMessage> findLatest(int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY created_at DESC, id DESC FETCH FIRST "
        + Math.max(1, limit) + " ROWS ONLY", ROW);
  }

  /** Every row in SENDING: at most a few in flight, the rest left behind by a crash. */
  List<OutboxMessage> findSending() {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE status = 'SENDING' ORDER BY claimed_at, id",
        ROW);
  }

  /** Counts for the outbox health component: e-mail rows waiting, retrying, given up, stuck in SENDING. */
  record Figures(long pending, Instant oldestPendingCreatedAt, long retrying, long failed, long stuck) {
  }

  Figures figures(Instant stuckBefore) {
    return jdbc.queryForObject("SELECT "
        + "COUNT(CASE WHEN status = 'PENDING' THEN 1 END) AS pending, "
        + "MIN(CASE WHEN status = 'PENDING' THEN created_at END) AS oldest_pending, "
        + "COUNT(CASE WHEN status = 'PENDING' AND attempts > 0 THEN 1 END) AS retrying, "
        + "COUNT(CASE WHEN status = 'FAILED' THEN 1 END) AS failed, "
        + "COUNT(CASE WHEN status = 'SENDING' AND claimed_at < ? THEN 1 END) AS stuck "
        + "FROM " + TABLE + " WHERE status IN ('PENDING', 'FAILED', 'SENDING')",
        (rs, row) -> new Figures(rs.getLong("pending"), instant(rs, "oldest_pending"), rs.getLong("retrying"),
            rs.getLong("failed"), rs.getLong("stuck")), timestamp(stuckBefore));
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
    return new OutboxMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("reference"),
        rs.getString("template"), rs.getString("template_version"), rs.getString("language"),
        Channel.valueOf(rs.getString("channel")), RecipientRole.valueOf(rs.getString("recipient_role")),
        rs.getString("recipient"), rs.getString("subject"), rs.getString("body_html"),
        OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
        rs.getString("claimed_by"), instant(rs, "claimed_at"), instant(rs, "sent_at"), rs.getString("last_error"),
        instant(rs, "created_at"));
  }
}
