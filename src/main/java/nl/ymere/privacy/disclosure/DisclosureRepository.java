package nl.ymere.privacy.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The disclosure tables ({@code V42__disclosure_demands.sql}); only this capability reads or writes them. */
@Repository
class DisclosureRepository {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  DisclosureRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  long nextReferenceNumber() {
    String sql = postgres ? "SELECT nextval('privacy.disclosure_demand_reference_seq')"
        : "SELECT NEXT VALUE FOR privacy.disclosure_demand_reference_seq";
    return jdbc.queryForObject(sql, Long.class);
  }

  void insert(String reference, RegisterDemandCommand c, LocalDate receivedOn, String user, Instant now) {
    jdbc.update("INSERT INTO privacy.disclosure_demand (reference, received_on, requester_kind, party_code, "
        + "requester_contact, reply_email, legal_basis, legal_basis_text, subject_email, subject_tenancy, "
        + "requested_categories, demand_text, status, registered_by, registered_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reference, receivedOn, c.requesterKind().name(),
        c.partyCode().strip(), c.requesterContact(), c.replyEmail().strip(),
        c.legalBasis() == null ? null : c.legalBasis().name(), c.legalBasisText(),
        c.subject().email() == null || c.subject().email().isBlank() ? null : c.subject().email().strip(),
        c.subject().tenancyNumber() == null || c.subject().tenancyNumber().isBlank() ? null
            : c.subject().tenancyNumber().strip(),
        c.requestedCategories() == null ? null : String.join(",", c.requestedCategories()), c.demandText().strip(),
        "REGISTERED", user, Timestamp.from(now));
  }

  void setProcessInstanceId(String reference, String id) {
    jdbc.update("UPDATE privacy.disclosure_demand SET process_instance_id = ? WHERE reference = ?", id, reference);
  }

  Optional<DisclosureDemand> find(String reference) {
    return jdbc.query("SELECT * FROM privacy.disclosure_demand WHERE reference = ?", DisclosureRepository::map,
        reference).stream().findFirst();
  }

  DisclosureDemand get(String reference) {
    return find(reference).orElseThrow(() -> new IllegalStateException("No disclosure demand " + reference));
  }

  void checked(long id, boolean valid, String verificationNote, String refusalReason, String user, Instant at) {
    jdbc.update("UPDATE privacy.disclosure_demand SET status = ?, basis_valid = ?, verification_note = ?, "
        + "refusal_reason = ?, verified_by = ?, checked_by = ?, checked_at = ? WHERE id = ?",
        valid ? "BASIS_VALID" : "TO_REFUSE", valid, verificationNote, refusalReason, user, user, Timestamp.from(at),
        id);
  }

  void status(long id, String status) {
    jdbc.update("UPDATE privacy.disclosure_demand SET status = ? WHERE id = ?", status, id);
  }

  void selected(long id, List<Item> items, boolean deferred, String ground, LocalDate reviewOn, String user,
      Instant at) {
    jdbc.update("DELETE FROM privacy.disclosure_item WHERE demand_id = ?", id);
    for (Item item : items) {
      jdbc.update("INSERT INTO privacy.disclosure_item (demand_id, source_system, item_id, category, flagged) "
          + "VALUES (?, ?, ?, ?, ?)", id, item.system(), item.itemId(), item.category(), item.flagged());
    }
    jdbc.update("UPDATE privacy.disclosure_demand SET status = 'AWAITING_APPROVAL', selected_by = ?, selected_at = ?, "
        + "approved_by = NULL, approved_at = NULL, notice_deferred = ?, deferral_ground = ?, deferral_review_on = ? "
        + "WHERE id = ?", user, Timestamp.from(at), deferred, ground, reviewOn, id);
  }

  void approved(long id, String user, Instant at) {
    jdbc.update("UPDATE privacy.disclosure_demand SET status = 'APPROVED', approved_by = ?, approved_at = ? "
        + "WHERE id = ?", user, Timestamp.from(at), id);
  }

  void disclosed(long id, Instant at) {
    jdbc.update("UPDATE privacy.disclosure_demand SET status = 'DISCLOSED', disclosed_at = ? WHERE id = ?",
        Timestamp.from(at), id);
  }

  void deferral(long id, boolean deferred, LocalDate reviewOn) {
    jdbc.update("UPDATE privacy.disclosure_demand SET notice_deferred = ?, deferral_review_on = ? WHERE id = ?",
        deferred, reviewOn, id);
  }

  void notified(long id, Instant at) {
    jdbc.update("UPDATE privacy.disclosure_demand SET person_notified_at = ? WHERE id = ?", Timestamp.from(at), id);
  }

  record Item(String system, String itemId, String category, boolean flagged) {
  }

  List<Item> items(long id) {
    return jdbc.query("SELECT source_system, item_id, category, flagged FROM privacy.disclosure_item "
        + "WHERE demand_id = ? ORDER BY id", (rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getBoolean(4)), id);
  }

  void register(long demandId, String party, String basis, String categories, int count, LocalDate on,
      String selectedBy, String approvedBy, String agreement) {
    jdbc.update("INSERT INTO privacy.disclosure_register (demand_id, recipient_party, legal_basis, categories, "
        + "item_count, disclosed_on, selected_by, approved_by, agreement_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        demandId, party, basis, categories, count, on, selectedBy, approvedBy, agreement);
  }

  List<Map<String, Object>> register() {
    return jdbc.queryForList("SELECT d.reference, r.recipient_party, r.legal_basis, r.categories, r.item_count, "
        + "r.disclosed_on, r.selected_by, r.approved_by, r.agreement_reference, d.notice_deferred, "
        + "d.deferral_review_on, d.person_notified_at FROM privacy.disclosure_register r "
        + "JOIN privacy.disclosure_demand d ON d.id = r.demand_id ORDER BY r.id");
  }

  private static DisclosureDemand map(ResultSet rs, int row) throws SQLException {
    Object valid = rs.getObject("basis_valid");
    return new DisclosureDemand(rs.getLong("id"), rs.getString("reference"),
        rs.getObject("received_on", LocalDate.class), rs.getString("requester_kind"), rs.getString("party_code"),
        rs.getString("reply_email"), rs.getString("legal_basis"), rs.getString("subject_email"),
        rs.getString("subject_tenancy"), rs.getString("requested_categories"), rs.getString("demand_text"),
        rs.getString("status"), valid == null ? null : rs.getBoolean("basis_valid"), rs.getString("refusal_reason"),
        rs.getString("verified_by"), rs.getString("selected_by"), rs.getString("approved_by"),
        instant(rs.getTimestamp("disclosed_at")), rs.getBoolean("notice_deferred"),
        rs.getObject("deferral_review_on", LocalDate.class), instant(rs.getTimestamp("person_notified_at")),
        rs.getString("process_instance_id"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
