package nl.ymere.privacy.complaint;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.ymere.privacy.personaldata.RetentionCandidate;
import nl.ymere.privacy.retention.CaseFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * RET-5 (issue 17 item 5): answered complaint files for the retention sweep. A file is closed on the day its answer
 * was sent; the schedule (category {@code complaint/complaint}, default two years after closure) says when it goes.
 * Destroying removes the complaint with its events and links; the sweep removes its engine history.
 */
@Component
class ComplaintFiles implements CaseFiles {

  static final String SYSTEM = "complaint";

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  ComplaintFiles(JdbcTemplate jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public List<RetentionCandidate> closedOnOrBefore(LocalDate latestClosure, long afterPosition, int limit) {
    // answered_at is an instant; a file answered on latestClosure (in the privacy time zone) is before the next day
    return jdbc.query("SELECT id, reference, answered_at, complainant_email FROM privacy.complaint "
            + "WHERE status = ? AND answered_at IS NOT NULL AND answered_at < ? AND id > ? ORDER BY id LIMIT ?",
        (rs, n) -> new RetentionCandidate(rs.getString("reference"), rs.getLong("id"),
            rs.getTimestamp("answered_at").toInstant().atZone(zone).toLocalDate(), rs.getString("complainant_email"),
            null, false),
        ComplaintStatus.ANSWERED.name(),
        java.sql.Timestamp.from(latestClosure.plusDays(1).atStartOfDay(zone).toInstant()), afterPosition, limit);
  }

  @Override
  public boolean destroy(String reference) {
    List<Long> ids = jdbc.queryForList("SELECT id FROM privacy.complaint WHERE reference = ? AND status = ?",
        Long.class, reference, ComplaintStatus.ANSWERED.name());
    if (ids.isEmpty()) {
      return false;
    }
    long id = ids.get(0);
    jdbc.update("DELETE FROM privacy.complaint_event WHERE complaint_id = ?", id);
    jdbc.update("DELETE FROM privacy.complaint_link WHERE complaint_id = ?", id);
    return jdbc.update("DELETE FROM privacy.complaint WHERE id = ?", id) == 1;
  }
}
