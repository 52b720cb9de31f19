package nl.ymere.privacy.apinquiry;

import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.personaldata.RetentionCandidate;
import nl.ymere.privacy.retention.CaseFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * RET-5 (issue 19 item 4): closed AP inquiry files for the retention sweep. A file is closed on the day the AP closed
 * its case (recorded by a privacy officer) and only once its holds were released; the schedule (category
 * {@code ap-inquiry/ap-inquiry}, default two years after closure) says when it goes. Destroying removes the inquiry
 * with its scope and events; the sweep removes its engine history.
 */
@Component
class ApInquiryFiles implements CaseFiles {

  static final String SYSTEM = "ap-inquiry";

  private final JdbcTemplate jdbc;

  ApInquiryFiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public List<RetentionCandidate> closedOnOrBefore(LocalDate latestClosure, long afterPosition, int limit) {
    return jdbc.query("SELECT id, reference, ap_closed_on FROM privacy.ap_inquiry WHERE status = ? "
            + "AND ap_closed_on IS NOT NULL AND ap_closed_on <= ? AND id > ? ORDER BY id LIMIT ?",
        (rs, n) -> new RetentionCandidate(rs.getString("reference"), rs.getLong("id"),
            rs.getObject("ap_closed_on", LocalDate.class), null, null, false),
        ApInquiryStatus.HOLDS_RELEASED.name(), latestClosure, afterPosition, limit);
  }

  @Override
  public boolean destroy(String reference) {
    List<Long> ids = jdbc.queryForList("SELECT id FROM privacy.ap_inquiry WHERE reference = ? AND status = ?",
        Long.class, reference, ApInquiryStatus.HOLDS_RELEASED.name());
    if (ids.isEmpty()) {
      return false;
    }
    long id = ids.get(0);
    jdbc.update("DELETE FROM privacy.ap_inquiry_event WHERE inquiry_id = ?", id);
    jdbc.update("DELETE FROM privacy.ap_inquiry_scope WHERE inquiry_id = ?", id);
    return jdbc.update("DELETE FROM privacy.ap_inquiry WHERE id = ?", id) == 1;
  }
}
