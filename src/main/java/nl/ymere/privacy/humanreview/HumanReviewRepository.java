package nl.ymere.privacy.humanreview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.human_review}: one row per human-review request, on the engine's DataSource and transaction. */
@Repository
class HumanReviewRepository {

  private final JdbcTemplate jdbc;

  HumanReviewRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Links (or re-links) the request to the signal whose decision is reviewed. */
  void link(String reference, String signalReference, String by, Instant at) {
    if (jdbc.update("UPDATE privacy.human_review SET signal_reference = ?, linked_by = ?, linked_at = ? "
        + "WHERE reference = ?", signalReference, by, utc(at), reference) == 0) {
      jdbc.update("INSERT INTO privacy.human_review (reference, signal_reference, linked_by, linked_at) "
          + "VALUES (?,?,?,?)", reference, signalReference, by, utc(at));
    }
  }

  void viewDue(String reference, Instant dueAt) {
    jdbc.update("UPDATE privacy.human_review SET view_due_at = ? WHERE reference = ?", utc(dueAt), reference);
  }

  void viewReceived(String reference, String text, String by, Instant at) {
    jdbc.update("UPDATE privacy.human_review SET view_text = ?, view_recorded_by = ?, view_received_at = ? "
        + "WHERE reference = ?", text, by, utc(at), reference);
  }

  void viewLapsed(String reference, Instant at) {
    jdbc.update("UPDATE privacy.human_review SET view_lapsed_at = ? WHERE reference = ?", utc(at), reference);
  }

  void proposed(String reference, String proposal, String reasons, String by, Instant at) {
    jdbc.update("UPDATE privacy.human_review SET proposal = ?, proposal_reasons = ?, proposed_by = ?, proposed_at = ? "
        + "WHERE reference = ?", proposal, reasons, by, utc(at), reference);
  }

  void decided(String reference, boolean confirmed, String decision, String reasons, String by, Instant at) {
    jdbc.update("UPDATE privacy.human_review SET proposal_confirmed = ?, decision = ?, decision_reasons = ?, "
        + "decided_by = ?, decided_at = ? WHERE reference = ?", confirmed, decision, reasons, by, utc(at), reference);
  }

  Optional<HumanReviewCase> find(String reference) {
    return jdbc.query("SELECT reference, signal_reference, view_due_at, view_text, view_received_at, view_lapsed_at, "
        + "proposal, proposal_reasons, proposed_by, proposal_confirmed, decision, decision_reasons, decided_by "
        + "FROM privacy.human_review WHERE reference = ?", (rs, n) -> new HumanReviewCase(rs.getString(1),
        rs.getString(2), instant(rs, 3), rs.getString(4), instant(rs, 5), instant(rs, 6), rs.getString(7),
        rs.getString(8), rs.getString(9), (Boolean) rs.getObject(10), rs.getString(11), rs.getString(12),
        rs.getString(13)), reference).stream().findFirst();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
