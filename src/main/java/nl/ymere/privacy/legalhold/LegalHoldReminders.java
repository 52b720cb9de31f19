package nl.ymere.privacy.legalhold;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RET-4 (issue 17 item 4): every morning at 08:00 (privacy time zone) the owner of a running legal hold whose review
 * date comes within {@code privacy.legal-holds.review-reminder-days} (default 14) is reminded by e-mail through the
 * outbox, once per review date ({@code legal_hold.review_reminded_for}); an owner without an e-mail address in the
 * engine's identity service is replaced by the privacy officers. The message names the hold's number, kind and review
 * date only, never its reason or whom it is about.
 */
@Service
public class LegalHoldReminders {

  static final String TEMPLATE = "legal-hold-review-due";
  static final String CRON = "0 0 8 * * *";

  private static final Logger log = LoggerFactory.getLogger(LegalHoldReminders.class);

  private final JdbcTemplate jdbc;
  private final OutboxService outbox;
  private final IdentityService identityService;
  private final Clock clock;
  private final int leadDays;

  LegalHoldReminders(JdbcTemplate jdbc, OutboxService outbox, IdentityService identityService, Clock clock,
      @Value("${privacy.legal-holds.review-reminder-days:14}") int leadDays) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.identityService = identityService;
    this.clock = clock;
    this.leadDays = leadDays;
  }

  /** The outbox reference of a hold's messages. */
  public static String reference(long holdId) {
    return "LH-" + holdId;
  }

  @Scheduled(cron = CRON, zone = "${privacy.time-zone}")
  void everyMorning() {
    try {
      int sent = remindDueReviews();
      if (sent > 0) {
        log.info("Legal holds: owners of {} hold(s) reminded of their review date", sent);
      }
    } catch (RuntimeException e) {
      log.warn("Legal hold review reminders failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Reminds the owners of the running holds whose review date is due within the lead time; returns how many. */
  @Transactional
  public int remindDueReviews() {
    LocalDate today = LocalDate.now(clock);
    List<Object[]> due = jdbc.query("SELECT id, kind, owner_user, review_on FROM privacy.legal_hold "
            + "WHERE released_at IS NULL AND (held_until IS NULL OR held_until >= ?) AND review_on IS NOT NULL "
            + "AND review_on <= ? AND (review_reminded_for IS NULL OR review_reminded_for <> review_on) ORDER BY id",
        (rs, n) -> new Object[] {rs.getLong("id"), rs.getString("kind"), rs.getString("owner_user"),
            rs.getDate("review_on").toLocalDate()},
        Date.valueOf(today), Date.valueOf(today.plusDays(leadDays)));
    int sent = 0;
    for (Object[] hold : due) {
      long id = (Long) hold[0];
      LocalDate reviewOn = (LocalDate) hold[3];
      // claim the reminder first: a second node (or a second run) finds it taken and sends nothing
      if (jdbc.update("UPDATE privacy.legal_hold SET review_reminded_for = ? WHERE id = ? "
          + "AND (review_reminded_for IS NULL OR review_reminded_for <> ?)", Date.valueOf(reviewOn), id,
          Date.valueOf(reviewOn)) != 1) {
        continue;
      }
      Map<String, Object> model = Map.of("holdId", id, "kind", hold[1] == null ? "LITIGATION" : hold[1],
          "reviewOn", reviewOn, "lapsed", reviewOn.isBefore(today));
      String address = ownerAddress((String) hold[2]);
      if (address != null) {
        outbox.queue(reference(id), RecipientRole.STAFF, address, TEMPLATE, model);
      } else {
        outbox.queueToGroup(reference(id), RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS, TEMPLATE, model);
      }
      sent++;
    }
    return sent;
  }

  private String ownerAddress(String owner) {
    if (owner == null) {
      return null;
    }
    User user = identityService.createUserQuery().userId(owner).singleResult();
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().strip();
  }
}
