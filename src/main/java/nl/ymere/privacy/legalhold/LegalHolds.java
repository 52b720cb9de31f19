package nl.ymere.privacy.legalhold;

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
 * {@code erasure.HistoryHolds}).
 */
@Service
public class LegalHolds {

  /** Legal-hold system name of a data-subject request file (item id = its reference). */
  public static final String REQUEST_FILES = "request";
  /** Legal-hold system name of a fraud-signal file (item id = its reference). */
  public static final String FRAUD_SIGNAL_FILES = "fraud-signal";
  /** Legal-hold systems of a complaint and a data-breach file (RET-5, item id = its reference). */
  public static final String COMPLAINT_FILES = "complaint";
  public static final String BREACH_FILES = "breach";

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
    return insert(new NewHold(LegalHoldKind.LITIGATION, reason, null, null, item.system(), item.itemId(), until, byUser,
        null), byUser);
  }

  /** Places a hold on everything about a subject (identified by e-mail and/or tenancy number). */
  public long holdSubject(String email, String tenancyNumber, String reason, LocalDate until, String byUser) {
    return insert(new NewHold(LegalHoldKind.LITIGATION, reason, email, tenancyNumber, null, null, until, byUser, null),
        byUser);
  }

  /**
   * A hold as the register places it: kind and reason, scope (a subject by e-mail and/or tenancy number, a system,
   * one item of a system; a data-subject request or fraud-signal file is the item with its reference of the systems
   * {@link #REQUEST_FILES} and {@link #FRAUD_SIGNAL_FILES}), optional end
   * date, owner and review date. Validated by {@link LegalHoldRegister}.
   */
  public record NewHold(LegalHoldKind kind, String reason, String subjectEmail, String subjectTenancyNumber,
      String system, String itemId, LocalDate heldUntil, String owner, LocalDate reviewOn) {
  }

  /** Places a validated hold. */
  public long place(NewHold hold, String byUser) {
    return insert(hold, byUser);
  }

  /** Records the first person's release proposal; false when the hold does not run or a proposal exists. */
  boolean proposeRelease(long id, String reason, String byUser) {
    return jdbc.update("UPDATE privacy.legal_hold SET release_proposed_by = ?, release_proposed_at = ?, "
        + "release_reason = ? WHERE id = ? AND released_at IS NULL AND release_proposed_by IS NULL", byUser,
        Timestamp.from(clock.instant()), reason, id) == 1;
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

  /**
   * The running hold that covers this item of this subject on {@code day}, if any. {@code subject} may be null for an
   * item about nobody known (then only holds on the item or its system cover it).
   */
  public Optional<LegalHold> holding(SubjectKey subject, ItemRef item, LocalDate day) {
    return jdbc.query("SELECT id, reason, held_until FROM privacy.legal_hold "
            + "WHERE released_at IS NULL AND (held_until IS NULL OR held_until >= ?) "
            + "AND (system IS NULL OR system = ?) AND (item_id IS NULL OR item_id = ?) "
            + "AND (subject_email IS NULL OR subject_email = ?) "
            + "AND (subject_tenancy_number IS NULL OR subject_tenancy_number = ?) ORDER BY id",
        (rs, n) -> new LegalHold(rs.getLong("id"), rs.getString("reason"),
            rs.getDate("held_until") == null ? null : rs.getDate("held_until").toLocalDate()),
        Date.valueOf(day), item.system(), item.itemId(), subject == null ? null : subject.email(),
        subject == null ? null : subject.tenancyNumber())
        .stream().findFirst();
  }

  private long insert(NewHold hold, String byUser) {
    if (hold.reason() == null || hold.reason().isBlank()) {
      throw new IllegalArgumentException("a legal hold needs a reason");
    }
    String email = hold.subjectEmail() == null ? null : hold.subjectEmail().strip().toLowerCase(java.util.Locale.ROOT);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO privacy.legal_hold (subject_email, "
          + "subject_tenancy_number, system, item_id, reason, held_until, created_by, created_at, kind, owner_user, "
          + "review_on) VALUES (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      statement.setString(1, email);
      statement.setString(2, hold.subjectTenancyNumber());
      statement.setString(3, hold.system());
      statement.setString(4, hold.itemId());
      statement.setString(5, hold.reason().strip());
      statement.setDate(6, hold.heldUntil() == null ? null : Date.valueOf(hold.heldUntil()));
      statement.setString(7, byUser);
      statement.setTimestamp(8, Timestamp.from(clock.instant()));
      statement.setString(9, hold.kind() == null ? null : hold.kind().name());
      statement.setString(10, hold.owner());
      statement.setDate(11, hold.reviewOn() == null ? null : Date.valueOf(hold.reviewOn()));
      return statement;
    }, keys);
    long id = keys.getKey().longValue();
    events.publishEvent(new Changed(id));
    return id;
  }
}
