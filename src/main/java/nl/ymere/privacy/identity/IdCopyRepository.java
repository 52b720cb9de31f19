package nl.ymere.privacy.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Identity checks and encrypted masked ID copies in schema {@code privacy} (ID-4, SEC-4). */
@Repository
class IdCopyRepository {

  private final JdbcTemplate jdbc;

  IdCopyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record CopyRow(long id, long requestId, java.time.LocalDate requestedOn, Instant tokenExpiresAt, Instant uploadedAt, String contentType,
      byte[] nonce, byte[] ciphertext, Instant deletedAt, Instant purgeAfter) {
  }

  void insertCheck(long requestId, String method, String basis, String documentType, Instant at) {
    jdbc.update("INSERT INTO privacy.identity_check (request_id, method, basis, document_type, created_at) "
        + "VALUES (?,?,?,?,?)", requestId, method, basis, documentType, utc(at));
  }

  void setChallengeHash(long requestId, String hash) {
    jdbc.update("UPDATE privacy.identity_check SET challenge_hash = ? WHERE id = (SELECT MAX(id) FROM "
        + "privacy.identity_check WHERE request_id = ?)", hash, requestId);
  }

  Optional<String> challengeHash(long requestId) {
    return jdbc.query("SELECT challenge_hash FROM privacy.identity_check WHERE request_id = ? ORDER BY id DESC",
        (rs, n) -> rs.getString(1), requestId).stream().findFirst();
  }

  void recordResult(long requestId, String result, String documentType, String checkedBy, Instant at) {
    jdbc.update("UPDATE privacy.identity_check SET result = ?, document_type = COALESCE(?, document_type), "
            + "checked_by = ?, checked_at = ? WHERE id = (SELECT MAX(id) FROM privacy.identity_check "
            + "WHERE request_id = ?)", result, documentType, checkedBy, utc(at), requestId);
  }

  void recordCopyDeleted(long requestId, Instant at) {
    jdbc.update("UPDATE privacy.identity_check SET copy_deleted_at = ? WHERE id = (SELECT MAX(id) FROM "
        + "privacy.identity_check WHERE request_id = ?)", utc(at), requestId);
  }

  void insertUploadSlot(long requestId, String tokenHash, Instant expiresAt, java.time.LocalDate requestedOn) {
    jdbc.update("INSERT INTO privacy.id_copy (request_id, token_hash, token_expires_at, requested_on) "
        + "VALUES (?,?,?,?)", requestId, tokenHash, utc(expiresAt), requestedOn);
  }

  /** A new token for the request's latest slot while it still waits for its upload; false when there is none. */
  boolean replaceOpenUploadToken(long requestId, String tokenHash) {
    return jdbc.update("UPDATE privacy.id_copy SET token_hash = ? WHERE id = (SELECT MAX(id) FROM privacy.id_copy "
        + "WHERE request_id = ?) AND uploaded_at IS NULL AND deleted_at IS NULL", tokenHash, requestId) == 1;
  }

  Optional<CopyRow> findByTokenHash(String tokenHash) {
    return jdbc.query("SELECT * FROM privacy.id_copy WHERE token_hash = ?", (rs, n) -> map(rs), tokenHash).stream()
        .findFirst();
  }

  Optional<CopyRow> latestForRequest(long requestId) {
    return jdbc.query("SELECT * FROM privacy.id_copy WHERE request_id = ? ORDER BY id DESC", (rs, n) -> map(rs),
        requestId).stream().findFirst();
  }

  /** One-time use: only an unused, unexpired slot takes the upload (conditional update). */
  boolean storeUpload(long id, String contentType, byte[] nonce, byte[] ciphertext, Instant at, Instant purgeAfter) {
    return jdbc.update("UPDATE privacy.id_copy SET content_type = ?, nonce = ?, ciphertext = ?, uploaded_at = ?, "
            + "purge_after = ? WHERE id = ? AND uploaded_at IS NULL AND deleted_at IS NULL AND token_expires_at > ?",
        contentType, nonce, ciphertext, utc(at), utc(purgeAfter), id, utc(at)) == 1;
  }

  /** Deletes the stored bytes of every copy of the request; returns how many still had content. */
  int deleteCopies(long requestId, Instant at) {
    return jdbc.update("UPDATE privacy.id_copy SET nonce = NULL, ciphertext = NULL, deleted_at = ? "
        + "WHERE request_id = ? AND deleted_at IS NULL", utc(at), requestId);
  }

  private static CopyRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CopyRow(rs.getLong("id"), rs.getLong("request_id"),
        rs.getObject("requested_on", java.time.LocalDate.class), instant(rs, "token_expires_at"),
        instant(rs, "uploaded_at"), rs.getString("content_type"), rs.getBytes("nonce"), rs.getBytes("ciphertext"),
        instant(rs, "deleted_at"), instant(rs, "purge_after"));
  }

  private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
