package nl.ymere.privacy.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.dsr_answer_draft}: drafted answers of the generic decision path and the review of a refusal. */
@Repository
class AnswerDraftRepository {

  static final String APPROVED = "APPROVED";
  static final String SENT_BACK = "SENT_BACK";

  private final JdbcTemplate jdbc;

  AnswerDraftRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Draft(long id, Outcome outcome, String reasons, String draftedBy, String review, String reviewedBy) {

    /** A refusal another user approved: the only refusal that may go out (LET-3, four eyes). */
    boolean approvedByAnother() {
      return APPROVED.equals(review) && reviewedBy != null && !reviewedBy.equals(draftedBy);
    }
  }

  void insert(long requestId, Outcome outcome, String reasons, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.dsr_answer_draft (request_id, outcome, reasons, drafted_by, drafted_at) "
        + "VALUES (?,?,?,?,?)", requestId, outcome.name(), reasons, user, utc(at));
  }

  Optional<Draft> latest(long requestId) {
    return jdbc.query("SELECT id, outcome, reasons, drafted_by, review, reviewed_by FROM privacy.dsr_answer_draft "
        + "WHERE request_id = ? ORDER BY id DESC", (rs, n) -> new Draft(rs.getLong("id"),
            Outcome.valueOf(rs.getString("outcome")), rs.getString("reasons"), rs.getString("drafted_by"),
            rs.getString("review"), rs.getString("reviewed_by")), requestId).stream().findFirst();
  }

  void review(long draftId, String review, String user, Instant at) {
    jdbc.update("UPDATE privacy.dsr_answer_draft SET review = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
        review, user, utc(at), draftId);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
