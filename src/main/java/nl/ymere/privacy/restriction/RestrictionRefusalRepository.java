package nl.ymere.privacy.restriction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.restriction_refusal}: proposed refusals with their reasons and the four-eyes decision. */
@Repository
class RestrictionRefusalRepository {

  static final String CONFIRMED = "CONFIRMED";
  static final String SENT_BACK = "SENT_BACK";

  private final JdbcTemplate jdbc;

  RestrictionRefusalRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void propose(String reference, String reasons, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.restriction_refusal (reference, reasons, proposed_by, proposed_at) "
        + "VALUES (?,?,?,?)", reference, reasons, user, Timestamp.from(at));
  }

  /** Decides the open proposal of the request; returns the number of rows decided (0 or 1). */
  int decide(String reference, String decision, String user, Instant at) {
    return jdbc.update("UPDATE privacy.restriction_refusal SET decision = ?, decided_by = ?, decided_at = ? "
        + "WHERE reference = ? AND decision IS NULL", decision, user, Timestamp.from(at), reference);
  }

  /** The reasons of the latest refusal, when it was confirmed by a user other than its proposer (LET-3, four eyes). */
  Optional<String> confirmedReasons(String reference) {
    return jdbc.query("SELECT reasons, proposed_by, decision, decided_by FROM privacy.restriction_refusal WHERE "
        + "reference = ? ORDER BY id DESC", (rs, n) -> CONFIRMED.equals(rs.getString("decision"))
            && rs.getString("decided_by") != null && !rs.getString("decided_by").equals(rs.getString("proposed_by"))
            ? rs.getString("reasons") : null, reference).stream().findFirst().filter(r -> r != null);
  }

  /** Every user who proposed a refusal for the request, in any round. */
  List<String> proposers(String reference) {
    return jdbc.queryForList("SELECT DISTINCT proposed_by FROM privacy.restriction_refusal WHERE reference = ?",
        String.class, reference);
  }

  /** A proposed refusal as the confirming officer reads it (the reasons are personal data: product table only). */
  record Refusal(String reasons, String proposedBy, Instant proposedAt, String decision, String decidedBy,
      Instant decidedAt) {
  }

  /** Every refusal proposed for the request, oldest first. */
  List<Refusal> refusals(String reference) {
    return jdbc.query("SELECT reasons, proposed_by, proposed_at, decision, decided_by, decided_at FROM "
        + "privacy.restriction_refusal WHERE reference = ? ORDER BY id", (rs, n) -> new Refusal(
            rs.getString("reasons"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
            rs.getString("decision"), rs.getString("decided_by"),
            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant()), reference);
  }

  Optional<String> openProposer(String reference) {
    return jdbc.query("SELECT proposed_by FROM privacy.restriction_refusal WHERE reference = ? AND decision IS NULL "
        + "ORDER BY id DESC", (rs, n) -> rs.getString("proposed_by"), reference).stream().findFirst();
  }
}
