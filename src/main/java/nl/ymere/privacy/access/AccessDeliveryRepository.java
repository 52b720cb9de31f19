package nl.ymere.privacy.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delivery tables of access requests: {@code privacy.access_delivery}, {@code access_appointment},
 * {@code access_download_link} and {@code access_download_log} (V16).
 */
@Repository
class AccessDeliveryRepository {

  record Delivery(String method, String codePostalAddress) {
  }

  record Appointment(long id, Instant startsAt, String place, String result, String idDocumentType) {
  }

  record Link(long id, String reference, String codeHash, String status, Instant expiresAt, int maxDownloads,
      int downloads, int maxAttempts, int failedAttempts) {
  }

  private final JdbcTemplate jdbc;

  AccessDeliveryRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void saveDelivery(String reference, DeliveryMethod method, String codePostalAddress, String user, Instant at) {
    jdbc.update("DELETE FROM privacy.access_delivery WHERE request_reference = ?", reference);
    jdbc.update("INSERT INTO privacy.access_delivery (request_reference, method, code_postal_address, chosen_by, "
        + "chosen_at) VALUES (?,?,?,?,?)", reference, method.name(), codePostalAddress, user, utc(at));
  }

  Optional<Delivery> delivery(String reference) {
    return jdbc.query("SELECT method, code_postal_address FROM privacy.access_delivery WHERE request_reference = ?",
        (rs, n) -> new Delivery(rs.getString(1), rs.getString(2)), reference).stream().findFirst();
  }

  void insertAppointment(String reference, Instant startsAt, String place, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.access_appointment (request_reference, starts_at, place, planned_by, planned_at) "
        + "VALUES (?,?,?,?,?)", reference, utc(startsAt), place, user, utc(at));
  }

  /** The appointment planned last, with or without a result. */
  Optional<Appointment> latestAppointment(String reference) {
    return jdbc.query("SELECT * FROM privacy.access_appointment WHERE request_reference = ? ORDER BY id DESC",
        AccessDeliveryRepository::appointment, reference).stream().findFirst();
  }

  List<Appointment> appointments(String reference) {
    return jdbc.query("SELECT * FROM privacy.access_appointment WHERE request_reference = ? ORDER BY id",
        AccessDeliveryRepository::appointment, reference);
  }

  void recordAppointmentResult(long id, String result, String idDocumentType, String user, Instant at) {
    jdbc.update("UPDATE privacy.access_appointment SET result = ?, id_document_type = ?, result_by = ?, result_at = ? "
        + "WHERE id = ?", result, idDocumentType, user, utc(at), id);
  }

  long insertLink(String reference, String tokenHash, String codeHash, Instant expiresAt, int maxDownloads,
      int maxAttempts, Instant at) {
    jdbc.update("INSERT INTO privacy.access_download_link (request_reference, token_hash, code_hash, status, "
            + "expires_at, max_downloads, downloads, max_attempts, failed_attempts, created_at) "
            + "VALUES (?,?,?,?,?,?,0,?,0,?)", reference, tokenHash, codeHash, LinkStatus.ACTIVE.name(), utc(expiresAt),
        maxDownloads, maxAttempts, utc(at));
    return jdbc.queryForObject("SELECT id FROM privacy.access_download_link WHERE token_hash = ?", Long.class,
        tokenHash);
  }

  /** The link row, locked for the attempt so that concurrent attempts count one by one. */
  Optional<Link> lockLink(String tokenHash) {
    return jdbc.query("SELECT * FROM privacy.access_download_link WHERE token_hash = ? FOR UPDATE",
        AccessDeliveryRepository::link, tokenHash).stream().findFirst();
  }

  Optional<Link> link(String tokenHash) {
    return jdbc.query("SELECT * FROM privacy.access_download_link WHERE token_hash = ?", AccessDeliveryRepository::link,
        tokenHash).stream().findFirst();
  }

  /** The newest link of the request (the one the expiry timer waits for). */
  Optional<Link> latestLink(String reference) {
    return jdbc.query("SELECT * FROM privacy.access_download_link WHERE request_reference = ? ORDER BY id DESC",
        AccessDeliveryRepository::link, reference).stream().findFirst();
  }

  /** Revokes every still active link of the request (a new choice replaces the old link). */
  void revokeLinks(String reference) {
    jdbc.update("UPDATE privacy.access_download_link SET status = ? WHERE request_reference = ? AND status = ?",
        LinkStatus.REVOKED.name(), reference, LinkStatus.ACTIVE.name());
  }

  void updateLink(long id, String status, int downloads, int failedAttempts) {
    jdbc.update("UPDATE privacy.access_download_link SET status = ?, downloads = ?, failed_attempts = ? WHERE id = ?",
        status, downloads, failedAttempts, id);
  }

  void log(long linkId, DownloadResult result, Instant at) {
    jdbc.update("INSERT INTO privacy.access_download_log (link_id, attempted_at, result) VALUES (?,?,?)", linkId,
        utc(at), result.name());
  }

  List<String> logResults(String reference) {
    return jdbc.queryForList("SELECT g.result FROM privacy.access_download_log g JOIN privacy.access_download_link l "
        + "ON l.id = g.link_id WHERE l.request_reference = ? ORDER BY g.id", String.class, reference);
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Appointment appointment(ResultSet rs, int n) throws SQLException {
    return new Appointment(rs.getLong("id"), instant(rs, "starts_at"), rs.getString("place"), rs.getString("result"),
        rs.getString("id_document_type"));
  }

  private static Link link(ResultSet rs, int n) throws SQLException {
    return new Link(rs.getLong("id"), rs.getString("request_reference"), rs.getString("code_hash"),
        rs.getString("status"), instant(rs, "expires_at"), rs.getInt("max_downloads"), rs.getInt("downloads"),
        rs.getInt("max_attempts"), rs.getInt("failed_attempts"));
  }
}
