package nl.ymere.privacy.portability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ItemRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The product tables of portability requests ({@code privacy.portability_case}, {@code _item}, {@code _export},
 * {@code _transfer}); on the engine's DataSource and transaction. */
@Repository
class PortabilityRepository {

  private final JdbcTemplate jdbc;

  PortabilityRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A (new) search replaces the earlier one and its item list; an export already made stays until replaced. */
  void saveCase(String reference, String tenancyNumber, ExportFormat format, DeliveryRoute route,
      boolean directTransfer, String user, Instant at) {
    jdbc.update("DELETE FROM privacy.portability_item WHERE reference = ?", reference);
    int updated = jdbc.update("UPDATE privacy.portability_case SET tenancy_number = ?, export_format = ?, "
            + "delivery_route = ?, direct_transfer = ?, searched_by = ?, searched_at = ?, reviewed_by = NULL, "
            + "reviewed_at = NULL WHERE reference = ?", tenancyNumber, format.name(), route.name(), directTransfer,
        user, utc(at), reference);
    if (updated == 0) {
      jdbc.update("INSERT INTO privacy.portability_case (reference, tenancy_number, export_format, delivery_route, "
              + "direct_transfer, searched_by, searched_at) VALUES (?,?,?,?,?,?,?)", reference, tenancyNumber,
          format.name(), route.name(), directTransfer, user, utc(at));
    }
  }

  Optional<PortabilityCase> findCase(String reference) {
    return jdbc.query("SELECT reference, tenancy_number, export_format, delivery_route, direct_transfer, reviewed_by "
            + "FROM privacy.portability_case WHERE reference = ?",
        (rs, n) -> new PortabilityCase(rs.getString(1), rs.getString(2), ExportFormat.valueOf(rs.getString(3)),
            DeliveryRoute.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6)), reference)
        .stream().findFirst();
  }

  void addItem(String reference, ItemRef ref, String category, String legalBasis, PortabilityExclusion exclusion) {
    jdbc.update("INSERT INTO privacy.portability_item (reference, system, item_id, category, legal_basis, included, "
            + "exclusion) VALUES (?,?,?,?,?,?,?)", reference, ref.system(), ref.itemId(), category, legalBasis,
        exclusion == null, exclusion == null ? null : exclusion.name());
  }

  List<PortabilityItemRow> items(String reference) {
    return jdbc.query("SELECT system, item_id, category, legal_basis, exclusion FROM privacy.portability_item "
        + "WHERE reference = ? ORDER BY id", PortabilityRepository::item, reference);
  }

  void reviewed(String reference, String user, Instant at) {
    jdbc.update("UPDATE privacy.portability_case SET reviewed_by = ?, reviewed_at = ? WHERE reference = ?", user,
        utc(at), reference);
  }

  void saveExport(PortabilityExport export) {
    jdbc.update("DELETE FROM privacy.portability_export WHERE reference = ?", export.reference());
    jdbc.update("INSERT INTO privacy.portability_export (reference, export_format, datasets, item_count, recipient, "
            + "content, sha256, created_at) VALUES (?,?,?,?,?,?,?,?)", export.reference(), export.format().name(),
        export.datasets(), export.itemCount(), export.recipient(), export.content(), export.sha256(),
        utc(export.createdAt()));
  }

  void setRecipient(String reference, String recipient) {
    jdbc.update("UPDATE privacy.portability_export SET recipient = ? WHERE reference = ?", recipient, reference);
  }

  Optional<PortabilityExport> export(String reference) {
    return jdbc.query("SELECT reference, export_format, datasets, item_count, recipient, content, sha256, created_at "
            + "FROM privacy.portability_export WHERE reference = ?",
        (rs, n) -> new PortabilityExport(rs.getString(1), ExportFormat.valueOf(rs.getString(2)), rs.getString(3),
            rs.getInt(4), rs.getString(5), rs.getBytes(6), rs.getString(7),
            rs.getObject(8, OffsetDateTime.class).toInstant()), reference).stream().findFirst();
  }

  void saveTransfer(String reference, String organisation, String address, boolean feasible, String sha256,
      String user, Instant at) {
    jdbc.update("DELETE FROM privacy.portability_transfer WHERE reference = ?", reference);
    jdbc.update("INSERT INTO privacy.portability_transfer (reference, organisation, address, address_verified, "
            + "feasible, sha256, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?)", reference, organisation,
        address, true, feasible, sha256, user, utc(at));
  }

  Optional<PortabilityTransfer> transfer(String reference) {
    return jdbc.query("SELECT organisation, address, feasible, sha256 FROM privacy.portability_transfer "
            + "WHERE reference = ?", (rs, n) -> new PortabilityTransfer(rs.getString(1), rs.getString(2),
            rs.getBoolean(3), rs.getString(4)), reference).stream().findFirst();
  }

  private static PortabilityItemRow item(ResultSet rs, int n) throws SQLException {
    String exclusion = rs.getString("exclusion");
    return new PortabilityItemRow(new ItemRef(rs.getString("system"), rs.getString("item_id")),
        rs.getString("category"), rs.getString("legal_basis"),
        exclusion == null ? null : PortabilityExclusion.valueOf(exclusion));
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
