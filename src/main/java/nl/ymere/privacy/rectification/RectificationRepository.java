package nl.ymere.privacy.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ItemRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.rectification_case} and {@code privacy.rectification_change}. */
@Repository
class RectificationRepository {

  private static final String SELECT = "SELECT id, system, item_id, category, flagged, kind, field, recipients, "
      + "recipients_exception, restricted_here, status, refusal_reason, decided_by, restriction_lifted_at "
      + "FROM privacy.rectification_change ";

  private final JdbcTemplate jdbc;

  RectificationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void createCase(String reference) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM privacy.rectification_case WHERE reference = ?", Long.class,
        reference) == 0) {
      jdbc.update("INSERT INTO privacy.rectification_case (reference) VALUES (?)", reference);
    }
  }

  Optional<String> tenancyNumber(String reference) {
    return jdbc.query("SELECT tenancy_number FROM privacy.rectification_case WHERE reference = ?",
        (rs, n) -> rs.getString(1), reference).stream().filter(v -> v != null).findFirst();
  }

  void setTenancyNumber(String reference, String tenancyNumber) {
    jdbc.update("UPDATE privacy.rectification_case SET tenancy_number = ? WHERE reference = ?", tenancyNumber,
        reference);
  }

  long add(String reference, ItemRef ref, String category, boolean flagged, ChangeKind kind, String field,
      String value, List<String> recipients, String recipientsException, boolean restrictedHere, String user,
      Instant at) {
    org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO privacy.rectification_change (reference, system, item_id, category, "
          + "flagged, kind, field, new_value, recipients, recipients_exception, restricted_here, status, recorded_by, "
          + "recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      Object[] args = {reference, ref.system(), ref.itemId(), category, flagged, kind.name(), field, value,
          recipients.isEmpty() ? null : String.join("; ", recipients), recipientsException, restrictedHere,
          ChangeStatus.PROPOSED.name(), user, Timestamp.from(at)};
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  List<RectificationChange> changes(String reference) {
    return jdbc.query(SELECT + "WHERE reference = ? ORDER BY id", (rs, n) -> {
      String recipients = rs.getString("recipients");
      return new RectificationChange(rs.getLong("id"), new ItemRef(rs.getString("system"), rs.getString("item_id")),
          rs.getString("category"), rs.getBoolean("flagged"), ChangeKind.valueOf(rs.getString("kind")),
          rs.getString("field"),
          recipients == null ? List.of() : Arrays.stream(recipients.split(";")).map(String::strip).toList(),
          rs.getString("recipients_exception"), rs.getBoolean("restricted_here"),
          ChangeStatus.valueOf(rs.getString("status")), rs.getString("refusal_reason"), rs.getString("decided_by"),
          rs.getTimestamp("restriction_lifted_at") != null);
    }, reference);
  }

  Optional<RectificationChange> change(String reference, long id) {
    return changes(reference).stream().filter(change -> change.id() == id).findFirst();
  }

  /** The proposed value or statement: personal data, read only after the SEC-1 check of the caller. */
  String value(long id) {
    return jdbc.queryForObject("SELECT new_value FROM privacy.rectification_change WHERE id = ?", String.class, id);
  }

  void decided(long id, ChangeStatus status, String refusalReason, String user, Instant at) {
    jdbc.update("UPDATE privacy.rectification_change SET status = ?, refusal_reason = ?, decided_by = ?, "
        + "decided_at = ?, refusal_confirmed_by = NULL, refusal_confirmed_at = NULL WHERE id = ?", status.name(),
        refusalReason, user, at == null ? null : Timestamp.from(at), id);
  }

  /** LET-3, four eyes: the second user confirmed the refused change (issue 14: kept here, not only as an event). */
  void refusalConfirmed(long id, String user, Instant at) {
    jdbc.update("UPDATE privacy.rectification_change SET refusal_confirmed_by = ?, refusal_confirmed_at = ? "
        + "WHERE id = ? AND status = 'REFUSED'", user, Timestamp.from(at), id);
  }

  /** Refused changes of the request without a confirmation by a user other than the one who refused them. */
  int unconfirmedRefusals(String reference) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.rectification_change WHERE reference = ? AND "
        + "status = 'REFUSED' AND (refusal_confirmed_by IS NULL OR refusal_confirmed_by = decided_by)", Integer.class,
        reference);
  }

  void recipientsTold(long id, Instant at) {
    jdbc.update("UPDATE privacy.rectification_change SET recipients_told_at = ? WHERE id = ?", Timestamp.from(at), id);
  }

  void restrictionLifted(long id, Instant at) {
    jdbc.update("UPDATE privacy.rectification_change SET restriction_lifted_at = ? WHERE id = ?", Timestamp.from(at),
        id);
  }
}
