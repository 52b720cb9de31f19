package nl.ymere.privacy.erasure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ItemRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.erasure_case} and {@code privacy.erasure_item}: the erasure list of a request. */
@Repository
class ErasureRepository {

  private static final String RECIPIENT_SEPARATOR = "\n";

  private final JdbcTemplate jdbc;

  ErasureRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void createCase(String reference) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM privacy.erasure_case WHERE reference = ?", Long.class,
        reference) == 0) {
      jdbc.update("INSERT INTO privacy.erasure_case (reference) VALUES (?)", reference);
    }
  }

  Optional<String> tenancyNumber(String reference) {
    return jdbc.query("SELECT tenancy_number FROM privacy.erasure_case WHERE reference = ?",
        (rs, n) -> rs.getString(1), reference).stream().filter(v -> v != null).findFirst();
  }

  void setTenancyNumber(String reference, String tenancyNumber) {
    jdbc.update("UPDATE privacy.erasure_case SET tenancy_number = ? WHERE reference = ?", tenancyNumber, reference);
  }

  void proposed(String reference, String user, Instant at) {
    jdbc.update("UPDATE privacy.erasure_case SET proposed_by = ?, proposed_at = ? WHERE reference = ?", user,
        Timestamp.from(at), reference);
  }

  void confirmed(String reference, String user, Instant at) {
    jdbc.update("UPDATE privacy.erasure_case SET confirmed_by = ?, confirmed_at = ? WHERE reference = ?", user,
        Timestamp.from(at), reference);
  }

  /** ERA-4: who proposed and who confirmed the list, and when, as the product recorded it. */
  Optional<FourEyes> fourEyes(String reference) {
    return jdbc.query("SELECT proposed_by, proposed_at, confirmed_by, confirmed_at FROM privacy.erasure_case WHERE "
        + "reference = ?", (rs, n) -> new FourEyes(rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3),
        instant(rs.getTimestamp(4))), reference).stream().findFirst();
  }

  record FourEyes(String proposedBy, Instant proposedAt, String confirmedBy, Instant confirmedAt) {
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }

  void executed(String reference, Instant at) {
    jdbc.update("UPDATE privacy.erasure_case SET executed_at = ? WHERE reference = ?", Timestamp.from(at), reference);
  }

  /** Adds the item when it is not on the list yet (a second collection only adds what it newly found). */
  void addIfAbsent(String reference, ErasureItem item) {
    int exists = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.erasure_item WHERE reference = ? AND system = ? "
        + "AND item_id = ?", Integer.class, reference, item.ref().system(), item.ref().itemId());
    if (exists == 0) {
      jdbc.update("INSERT INTO privacy.erasure_item (reference, system, item_id, category, retention_rule, "
              + "retention_end, recipients, decision, keep_exception, keep_until) VALUES (?,?,?,?,?,?,?,?,?,?)", reference,
          item.ref().system(), item.ref().itemId(), item.category(), item.retentionRule(), date(item.retentionEnd()),
          item.recipients().isEmpty() ? null : String.join(RECIPIENT_SEPARATOR, item.recipients()),
          item.decision().name(), item.keepException() == null ? null : item.keepException().name(),
          date(item.keepUntil()));
    }
  }

  void decide(String reference, ItemRef ref, ErasureDecision decision, KeepException exception, LocalDate until) {
    jdbc.update("UPDATE privacy.erasure_item SET decision = ?, keep_exception = ?, keep_until = ? WHERE reference = ? "
            + "AND system = ? AND item_id = ?", decision.name(), exception == null ? null : exception.name(),
        date(until), reference, ref.system(), ref.itemId());
  }

  void markExecuted(String reference, ItemRef ref, Instant at) {
    jdbc.update("UPDATE privacy.erasure_item SET executed_at = ? WHERE reference = ? AND system = ? AND item_id = ?",
        Timestamp.from(at), reference, ref.system(), ref.itemId());
  }

  /** REQ-6: the recipients not told, as last proposed (replaces what was recorded before). */
  void replaceRecipientExceptions(String reference, List<RecipientException> exceptions, String user, Instant at) {
    jdbc.update("DELETE FROM privacy.erasure_recipient_exception WHERE reference = ?", reference);
    for (RecipientException exception : exceptions) {
      jdbc.update("INSERT INTO privacy.erasure_recipient_exception (reference, recipient, ground, reason, recorded_by, "
              + "recorded_at) VALUES (?,?,?,?,?,?)", reference, exception.recipient(), exception.ground().name(),
          exception.reason(), user, Timestamp.from(at));
    }
  }

  List<RecipientException> recipientExceptions(String reference) {
    return jdbc.query("SELECT recipient, ground, reason FROM privacy.erasure_recipient_exception WHERE reference = ? "
            + "ORDER BY id", (rs, n) -> new RecipientException(rs.getString("recipient"),
            RecipientException.Ground.valueOf(rs.getString("ground")), rs.getString("reason")), reference);
  }

  List<ErasureItem> items(String reference) {
    return jdbc.query("SELECT * FROM privacy.erasure_item WHERE reference = ? ORDER BY id", this::item, reference);
  }

  private ErasureItem item(ResultSet rs, int n) throws SQLException {
    String exception = rs.getString("keep_exception");
    return new ErasureItem(new ItemRef(rs.getString("system"), rs.getString("item_id")), rs.getString("category"),
        rs.getString("retention_rule"), localDate(rs.getDate("retention_end")),
        rs.getString("recipients") == null ? List.of() : List.of(rs.getString("recipients").split(RECIPIENT_SEPARATOR)),
        ErasureDecision.valueOf(rs.getString("decision")), exception == null ? null : KeepException.valueOf(exception),
        localDate(rs.getDate("keep_until")), rs.getTimestamp("executed_at") != null);
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static LocalDate localDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
