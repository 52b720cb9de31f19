package nl.ymere.privacy.erasure;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.SubjectKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Legal holds (RET-4) in {@code privacy.legal_hold}. A hold covers a subject (by e-mail address or tenancy number,
 * optionally in one system), a whole system, or one item; it blocks erasure of the data it covers only (ERA-2) while
 * it runs (no end date, or the end date not yet passed, and not released). Every change is announced as a
 * {@link Changed} event, so the engine history of the files a hold covers is kept as well (RET-6,
 * {@link HistoryHolds}).
 */
@Service
public class LegalHolds {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LegalHolds(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** Published after a hold was placed or released. */
  public record Changed(long holdId) {
  }

  /** What a running hold covers: a subject, a system, an item (null where the hold does not narrow it). */
  public record Scope(long id, String subjectEmail, String subjectTenancyNumber, String system, String itemId) {
  }

  /** Places a hold on one item. */
  public long holdItem(ItemRef item, String reason, LocalDate until, String byUser) {
    return insert(null, null, item.system(), item.itemId(), reason, until, byUser);
  }

  /** Places a hold on everything about a subject (identified by e-mail and/or tenancy number). */
  public long holdSubject(String email, String tenancyNumber, String reason, LocalDate until, String byUser) {
    return insert(email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT), tenancyNumber, null, null,
        reason, until, byUser);
  }

  /**
   * Releases a running hold (RET-4). Returns false when there is no such hold or it was released already; nothing
   * changes then.
   */
  public boolean release(long id, String byUser) {
    int changed = jdbc.update("UPDATE privacy.legal_hold SET released_at = ?, released_by = ? "
        + "WHERE id = ? AND released_at IS NULL", Timestamp.from(clock.instant()), byUser, id);
    if (changed == 1) {
      events.publishEvent(new Changed(id));
    }
    return changed == 1;
  }

  /** The holds that run on {@code day}: not released, and without an end date or ending on that day or later. */
  public List<Scope> running(LocalDate day) {
    return jdbc.query("SELECT id, subject_email, subject_tenancy_number, system, item_id FROM privacy.legal_hold "
            + "WHERE released_at IS NULL AND (held_until IS NULL OR held_until >= ?) ORDER BY id",
        (rs, n) -> new Scope(rs.getLong("id"), rs.getString("subject_email"), rs.getString("subject_tenancy_number"),
            rs.getString("system"), rs.getString("item_id")),
        Date.valueOf(day));
  }

  /** The running hold that covers this item of this subject on {@code day}, if any. */
  public Optional<LegalHold> holding(SubjectKey subject, ItemRef item, LocalDate day) {
    return jdbc.query("SELECT id, reason, held_until FROM privacy.legal_hold "
            + "WHERE released_at IS NULL AND (held_until IS NULL OR held_until >= ?) "
            + "AND (system IS NULL OR system = ?) AND (item_id IS NULL OR item_id = ?) "
            + "AND (subject_email IS NULL OR subject_email = ?) "
            + "AND (subject_tenancy_number IS NULL OR subject_tenancy_number = ?) ORDER BY id",
        (rs, n) -> new LegalHold(rs.getLong("id"), rs.getString("reason"),
            rs.getDate("held_until") == null ? null : rs.getDate("held_until").toLocalDate()),
        Date.valueOf(day), item.system(), item.itemId(), subject.email(), subject.tenancyNumber())
        .stream().findFirst();
  }

  private long insert(String email, String tenancyNumber, String system, String itemId, String reason,
      LocalDate until, String byUser) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a legal hold needs a reason");
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO privacy.legal_hold (subject_email, "
          + "subject_tenancy_number, system, item_id, reason, held_until, created_by, created_at) "
          + "VALUES (?,?,?,?,?,?,?,?)", new String[] {"id"});
      statement.setString(1, email);
      statement.setString(2, tenancyNumber);
      statement.setString(3, system);
      statement.setString(4, itemId);
      statement.setString(5, reason.strip());
      statement.setDate(6, until == null ? null : Date.valueOf(until));
      statement.setString(7, byUser);
      statement.setTimestamp(8, Timestamp.from(clock.instant()));
      return statement;
    }, keys);
    long id = keys.getKey().longValue();
    events.publishEvent(new Changed(id));
    return id;
  }
}
