package nl.ymere.privacy.objection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.request.ObjectionScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code privacy.objection_case}, {@code privacy.objection_item} and {@code privacy.marketing_suppression}. */
@Repository
class ObjectionRepository {

  private final JdbcTemplate jdbc;

  ObjectionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void createCase(String reference, ObjectionScope scope) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM privacy.objection_case WHERE reference = ?", Long.class,
        reference) == 0) {
      jdbc.update("INSERT INTO privacy.objection_case (reference, scope) VALUES (?,?)", reference, scope.name());
    }
  }

  Optional<String> tenancyNumber(String reference) {
    return jdbc.query("SELECT tenancy_number FROM privacy.objection_case WHERE reference = ?",
        (rs, n) -> rs.getString(1), reference).stream().filter(v -> v != null).findFirst();
  }

  void setTenancyNumber(String reference, String tenancyNumber) {
    jdbc.update("UPDATE privacy.objection_case SET tenancy_number = ? WHERE reference = ?", tenancyNumber,
        reference);
  }

  void weighed(String reference, boolean compellingGrounds, String reasons, String user, Instant at) {
    jdbc.update("UPDATE privacy.objection_case SET compelling_grounds = ?, balancing_reasons = ?, weighed_by = ?, "
        + "weighed_at = ?, confirmed_by = NULL, confirmed_at = NULL WHERE reference = ?", compellingGrounds, reasons,
        user, Timestamp.from(at), reference);
  }

  void confirmed(String reference, String user, Instant at) {
    jdbc.update("UPDATE privacy.objection_case SET confirmed_by = ?, confirmed_at = ? WHERE reference = ?", user,
        Timestamp.from(at), reference);
  }

  /** The case as recorded: scope, the balance (OBJ-3) and who weighed and confirmed it, when. */
  Optional<Balance> balance(String reference) {
    return jdbc.query("SELECT scope, compelling_grounds, weighed_by, weighed_at, confirmed_by, confirmed_at FROM "
        + "privacy.objection_case WHERE reference = ?", (rs, n) -> new Balance(ObjectionScope.valueOf(rs.getString(1)),
        (Boolean) rs.getObject(2), rs.getString(3), instant(rs.getTimestamp(4)), rs.getString(5),
        instant(rs.getTimestamp(6))), reference).stream().findFirst();
  }

  record Balance(ObjectionScope scope, Boolean compellingGrounds, String weighedBy, Instant weighedAt,
      String confirmedBy, Instant confirmedAt) {

    /** OBJ-3, four eyes: weighed, and confirmed afterwards by a user other than the weigher. */
    boolean confirmedBySecondPerson() {
      return weighedBy != null && compellingGrounds != null && confirmedBy != null && !confirmedBy.equals(weighedBy)
          && !confirmedAt.isBefore(weighedAt);
    }
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }

  Optional<String> balancingReasons(String reference) {
    return jdbc.query("SELECT balancing_reasons FROM privacy.objection_case WHERE reference = ?",
        (rs, n) -> rs.getString(1), reference).stream().filter(v -> v != null).findFirst();
  }

  void addIfAbsent(String reference, ItemRef ref, String category, boolean restrictedHere) {
    int exists = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.objection_item WHERE reference = ? AND system = ? "
        + "AND item_id = ?", Integer.class, reference, ref.system(), ref.itemId());
    if (exists == 0) {
      jdbc.update("INSERT INTO privacy.objection_item (reference, system, item_id, category, restricted_here) "
          + "VALUES (?,?,?,?,?)", reference, ref.system(), ref.itemId(), category, restrictedHere);
    }
  }

  void lifted(String reference, ItemRef ref, Instant at) {
    jdbc.update("UPDATE privacy.objection_item SET lifted_at = ? WHERE reference = ? AND system = ? AND item_id = ?",
        Timestamp.from(at), reference, ref.system(), ref.itemId());
  }

  List<ObjectionItem> items(String reference) {
    return jdbc.query("SELECT system, item_id, category, restricted_here, lifted_at FROM privacy.objection_item "
            + "WHERE reference = ? ORDER BY id", (rs, n) -> new ObjectionItem(
            new ItemRef(rs.getString("system"), rs.getString("item_id")), rs.getString("category"),
            rs.getBoolean("restricted_here"), rs.getTimestamp("lifted_at") != null), reference);
  }

  void suppress(String email, String reference, Instant at) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM privacy.marketing_suppression WHERE email = ?", Long.class,
        email) == 0) {
      jdbc.update("INSERT INTO privacy.marketing_suppression (email, reference, created_at) VALUES (?,?,?)", email,
          reference, Timestamp.from(at));
    }
  }

  boolean suppressed(String email) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.marketing_suppression WHERE email = ?", Long.class,
        email) > 0;
  }
}
