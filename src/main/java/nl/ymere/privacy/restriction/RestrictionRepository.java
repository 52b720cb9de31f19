package nl.ymere.privacy.restriction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.restriction_item}. */
@Repository
class RestrictionRepository {

  private static final String SELECT = "SELECT system, item_id, category, ground, recipients, recipients_exception, "
      + "restricted_here, restricted_at, lift_requested_at, lift_notice_at, lifted_at FROM privacy.restriction_item ";

  private final JdbcTemplate jdbc;

  RestrictionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(String reference, ItemRef ref, String category, RestrictionGround ground, List<String> recipients,
      String recipientsException, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.restriction_item (reference, system, item_id, category, ground, recipients, "
            + "recipients_exception, chosen_by, chosen_at) VALUES (?,?,?,?,?,?,?,?,?)", reference, ref.system(),
        ref.itemId(), category, ground.name(), recipients.isEmpty() ? null : String.join("; ", recipients),
        recipientsException, user, Timestamp.from(at));
  }

  void restricted(String reference, ItemRef ref, boolean restrictedHere, Instant at) {
    jdbc.update("UPDATE privacy.restriction_item SET restricted_here = ?, restricted_at = ? WHERE reference = ? "
        + "AND system = ? AND item_id = ?", restrictedHere, Timestamp.from(at), reference, ref.system(), ref.itemId());
  }

  void recipientsTold(String reference, ItemRef ref, Instant at) {
    jdbc.update("UPDATE privacy.restriction_item SET recipients_told_at = ? WHERE reference = ? AND system = ? "
        + "AND item_id = ?", Timestamp.from(at), reference, ref.system(), ref.itemId());
  }

  void liftRequested(String reference, ItemRef ref, String user, Instant at) {
    jdbc.update("UPDATE privacy.restriction_item SET lift_requested_by = ?, lift_requested_at = ? WHERE reference = ? "
        + "AND system = ? AND item_id = ?", user, Timestamp.from(at), reference, ref.system(), ref.itemId());
  }

  void liftNoticeSent(String reference, ItemRef ref, Instant at) {
    jdbc.update("UPDATE privacy.restriction_item SET lift_notice_at = ? WHERE reference = ? AND system = ? "
        + "AND item_id = ?", Timestamp.from(at), reference, ref.system(), ref.itemId());
  }

  void lifted(String reference, ItemRef ref, Instant at) {
    jdbc.update("UPDATE privacy.restriction_item SET lifted_at = ? WHERE reference = ? AND system = ? AND item_id = ?",
        Timestamp.from(at), reference, ref.system(), ref.itemId());
  }

  List<RestrictionItem> items(String reference) {
    return jdbc.query(SELECT + "WHERE reference = ? ORDER BY id", (rs, n) -> {
      String recipients = rs.getString("recipients");
      return new RestrictionItem(new ItemRef(rs.getString("system"), rs.getString("item_id")),
          rs.getString("category"), RestrictionGround.valueOf(rs.getString("ground")),
          recipients == null ? List.of() : Arrays.stream(recipients.split(";")).map(String::strip).toList(),
          rs.getString("recipients_exception"), rs.getBoolean("restricted_here"),
          rs.getTimestamp("restricted_at") != null, rs.getTimestamp("lift_requested_at") != null,
          rs.getTimestamp("lift_notice_at") != null, rs.getTimestamp("lifted_at") != null);
    }, reference);
  }
}
