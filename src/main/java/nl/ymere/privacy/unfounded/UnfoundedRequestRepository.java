package nl.ymere.privacy.unfounded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.dsr_unfounded_proposal}: proposals with their grounds, the decision and the fee answer. */
@Repository
class UnfoundedRequestRepository {

  private final JdbcTemplate jdbc;

  UnfoundedRequestRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Proposal(long id, long requestId, UnfoundedGround ground, String grounds, String proposedBy,
      Instant proposedAt, UnfoundedDecision decision, String decidedBy, BigDecimal feeAmount, LocalDate feeRespondBy,
      FeeResponse feeResponse) {

    /** Still in play: undecided, or a fee announced and not yet answered. */
    boolean open() {
      return decision == null || (decision == UnfoundedDecision.FEE && feeResponse == null);
    }
  }

  void insert(long requestId, UnfoundedGround ground, String grounds, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.dsr_unfounded_proposal (request_id, ground, grounds_text, proposed_by, "
        + "proposed_at) VALUES (?,?,?,?,?)", requestId, ground.name(), grounds, user, at.atOffset(ZoneOffset.UTC));
  }

  Optional<Proposal> latest(long requestId) {
    return jdbc.query("SELECT * FROM privacy.dsr_unfounded_proposal WHERE request_id = ? ORDER BY id DESC",
        (rs, n) -> new Proposal(rs.getLong("id"), rs.getLong("request_id"),
            UnfoundedGround.valueOf(rs.getString("ground")), rs.getString("grounds_text"),
            rs.getString("proposed_by"), rs.getObject("proposed_at", java.time.OffsetDateTime.class).toInstant(),
            rs.getString("decision") == null ? null : UnfoundedDecision.valueOf(rs.getString("decision")),
            rs.getString("decided_by"), rs.getBigDecimal("fee_amount"),
            rs.getObject("fee_respond_by", LocalDate.class),
            rs.getString("fee_response") == null ? null : FeeResponse.valueOf(rs.getString("fee_response"))),
        requestId).stream().findFirst();
  }

  void decided(long id, UnfoundedDecision decision, String user, Instant at) {
    jdbc.update("UPDATE privacy.dsr_unfounded_proposal SET decision = ?, decided_by = ?, decided_at = ? "
        + "WHERE id = ?", decision.name(), user, at.atOffset(ZoneOffset.UTC), id);
  }

  void feeAnnounced(long id, BigDecimal amount, LocalDate respondBy) {
    jdbc.update("UPDATE privacy.dsr_unfounded_proposal SET fee_amount = ?, fee_respond_by = ? WHERE id = ?", amount,
        respondBy, id);
  }

  void feeAnswered(long id, FeeResponse response, Instant at) {
    jdbc.update("UPDATE privacy.dsr_unfounded_proposal SET fee_response = ?, fee_response_at = ? WHERE id = ?",
        response.name(), at.atOffset(ZoneOffset.UTC), id);
  }
}
