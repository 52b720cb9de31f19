package nl.ymere.privacy.breach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.ymere.privacy.personaldata.RetentionCandidate;
import nl.ymere.privacy.retention.CaseFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * RET-5 (issue 17 item 5): closed data-breach files for the retention sweep. The schedule (category
 * {@code breach/breach}, default two years after closure) says when a closed file goes; destroying removes the
 * breach with its risk reasons, AP notifications, person notices and notes; the sweep removes its engine history.
 */
@Component
class BreachFiles implements CaseFiles {

  static final String SYSTEM = "breach";

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  BreachFiles(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public List<RetentionCandidate> closedOnOrBefore(LocalDate latestClosure, long afterPosition, int limit) {
    return jdbc.query("SELECT id, reference, closed_at FROM privacy.breach WHERE status = ? AND closed_at IS NOT NULL "
            + "AND closed_at < ? AND id > ? ORDER BY id LIMIT ?",
        (rs, n) -> new RetentionCandidate(rs.getString("reference"), rs.getLong("id"),
            rs.getTimestamp("closed_at").toInstant().atZone(zone).toLocalDate(), null, null, false),
        BreachCodes.Status.CLOSED.name(),
        java.sql.Timestamp.from(latestClosure.plusDays(1).atStartOfDay(zone).toInstant()), afterPosition, limit);
  }

  @Override
  public boolean destroy(String reference) {
    List<Long> ids = jdbc.queryForList("SELECT id FROM privacy.breach WHERE reference = ? AND status = ?", Long.class,
        reference, BreachCodes.Status.CLOSED.name());
    if (ids.isEmpty()) {
      return false;
    }
    long id = ids.get(0);
    for (String child : List.of("breach_risk_reason", "breach_ap_notification", "breach_person_notice",
        "breach_person", "breach_note")) {
      jdbc.update("DELETE FROM privacy." + child + " WHERE breach_id = ?", id);
    }
    return jdbc.update("DELETE FROM privacy.breach WHERE id = ?", id) == 1;
  }
}
