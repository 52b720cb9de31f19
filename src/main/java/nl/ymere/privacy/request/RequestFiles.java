package nl.ymere.privacy.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.personaldata.RetentionCandidate;
import nl.ymere.privacy.retention.CaseFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * RET-5 (issue 17 item 5): closed data-subject request files for the retention sweep. A file is closed on the day the
 * request was closed (status CLOSED, {@code closed_at}); the schedule (category {@code request/request}, default two
 * years after closure) says when it goes. The schedule system is the legal-hold system of a request file
 * ({@link LegalHolds#REQUEST_FILES}), so a hold on the file keeps it; the requester's e-mail address is named so a
 * hold on the person keeps it too (RET-4). Destroying removes the request with every row of its right's sub-case
 * (access, erasure, objection, rectification, restriction, portability, human review) and of its handling (events,
 * pauses, extension, notes, documents, identity and representation checks, ID copies, answer drafts); the sweep
 * removes its engine history: the request's process and its called processes (identity verification, the dsr-*
 * right processes) share the request's reference as business key.
 */
@Component
class RequestFiles implements CaseFiles {

  static final String SYSTEM = LegalHolds.REQUEST_FILES;

  /** Rows of the request's sub-cases, keyed by the request's reference: children before their parents. */
  private static final List<String> BY_REFERENCE = List.of(
      "DELETE FROM privacy.access_download_log WHERE link_id IN "
          + "(SELECT id FROM privacy.access_download_link WHERE request_reference = ?)",
      "DELETE FROM privacy.access_download_link WHERE request_reference = ?",
      "DELETE FROM privacy.access_appointment WHERE request_reference = ?",
      "DELETE FROM privacy.access_delivery WHERE request_reference = ?",
      "DELETE FROM privacy.access_item_decision WHERE request_reference = ?",
      "DELETE FROM privacy.access_exemption_approval WHERE request_reference = ?",
      "DELETE FROM privacy.access_team_review WHERE reference = ?",
      "DELETE FROM privacy.access_item WHERE request_reference = ?",
      "DELETE FROM privacy.access_search WHERE request_reference = ?",
      "DELETE FROM privacy.access_dossier WHERE request_reference = ?",
      "DELETE FROM privacy.erasure_item WHERE reference = ?",
      "DELETE FROM privacy.erasure_recipient_exception WHERE reference = ?",
      "DELETE FROM privacy.erasure_case WHERE reference = ?",
      "DELETE FROM privacy.objection_item WHERE reference = ?",
      "DELETE FROM privacy.objection_case WHERE reference = ?",
      "DELETE FROM privacy.rectification_change WHERE reference = ?",
      "DELETE FROM privacy.rectification_case WHERE reference = ?",
      "DELETE FROM privacy.restriction_item WHERE reference = ?",
      "DELETE FROM privacy.restriction_refusal WHERE reference = ?",
      "DELETE FROM privacy.portability_item WHERE reference = ?",
      "DELETE FROM privacy.portability_export WHERE reference = ?",
      "DELETE FROM privacy.portability_transfer WHERE reference = ?",
      "DELETE FROM privacy.portability_case WHERE reference = ?",
      "DELETE FROM privacy.human_review WHERE reference = ?");

  /** Rows of the request's handling, keyed by the request's id (foreign keys to privacy.dsr_request). */
  static final List<String> BY_REQUEST_ID = List.of("dsr_event", "dsr_pause", "dsr_extension", "dsr_note",
      "dsr_document", "identity_check", "id_copy", "representation_check", "dsr_unfounded_proposal",
      "dsr_answer_draft");

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  RequestFiles(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public List<RetentionCandidate> closedOnOrBefore(LocalDate latestClosure, long afterPosition, int limit) {
    // closed_at is an instant; a file closed on latestClosure (in the privacy time zone) is before the next day
    return jdbc.query("SELECT id, reference, closed_at, requester_email FROM privacy.dsr_request WHERE status = ? "
            + "AND closed_at IS NOT NULL AND closed_at < ? AND id > ? ORDER BY id LIMIT ?",
        (rs, n) -> new RetentionCandidate(rs.getString("reference"), rs.getLong("id"),
            rs.getTimestamp("closed_at").toInstant().atZone(zone).toLocalDate(), rs.getString("requester_email"),
            null, false),
        RequestStatus.CLOSED.name(), Timestamp.from(latestClosure.plusDays(1).atStartOfDay(zone).toInstant()),
        afterPosition, limit);
  }

  @Override
  public boolean destroy(String reference) {
    List<Long> ids = jdbc.queryForList("SELECT id FROM privacy.dsr_request WHERE reference = ? AND status = ?",
        Long.class, reference, RequestStatus.CLOSED.name());
    if (ids.isEmpty()) {
      return false;
    }
    long id = ids.get(0);
    BY_REFERENCE.forEach(delete -> jdbc.update(delete, reference));
    BY_REQUEST_ID.forEach(table -> jdbc.update("DELETE FROM privacy." + table + " WHERE request_id = ?", id));
    return jdbc.update("DELETE FROM privacy.dsr_request WHERE id = ?", id) == 1;
  }
}
