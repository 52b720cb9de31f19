package nl.ymere.privacy.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.security.RecordCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The product tables of access requests ({@code privacy.access_search}, {@code access_item}, {@code access_dossier},
 * the latter encrypted).
 */
@Repository
class AccessRepository {

  private static final String SEPARATOR = "\n";
  /** Associated data binding a sealed dossier to its request (a dossier moved to another row does not open). */
  private static final String DOSSIER_BINDING = "access-dossier:";

  private final JdbcTemplate jdbc;
  private final RecordCipher cipher;

  AccessRepository(JdbcTemplate jdbc, RecordCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  void saveSearch(String reference, String tenancyNumber, String user, Instant at) {
    jdbc.update("DELETE FROM privacy.access_search WHERE request_reference = ?", reference);
    jdbc.update("INSERT INTO privacy.access_search (request_reference, tenancy_number, confirmed_by, confirmed_at) "
        + "VALUES (?,?,?,?)", reference, tenancyNumber, user, at.atOffset(ZoneOffset.UTC));
  }

  Optional<String> tenancyNumber(String reference) {
    return jdbc.query("SELECT tenancy_number FROM privacy.access_search WHERE request_reference = ?",
        (rs, n) -> rs.getString(1), reference).stream().filter(v -> v != null).findFirst();
  }

  /** Replaces the items found for the request (collecting again starts the review afresh). */
  void replaceItems(String reference, List<ItemRef> refs) {
    jdbc.update("DELETE FROM privacy.access_item WHERE request_reference = ?", reference);
    refs.forEach(ref -> jdbc.update("INSERT INTO privacy.access_item (request_reference, source_system, item_id) "
        + "VALUES (?,?,?)", reference, ref.system(), ref.itemId()));
  }

  List<AccessItemRow> items(String reference) {
    return jdbc.query("SELECT * FROM privacy.access_item WHERE request_reference = ? ORDER BY id",
        AccessRepository::map, reference);
  }

  Optional<AccessItemRow> item(String reference, ItemRef ref) {
    return jdbc.query("SELECT * FROM privacy.access_item WHERE request_reference = ? AND source_system = ? "
        + "AND item_id = ?", AccessRepository::map, reference, ref.system(), ref.itemId()).stream().findFirst();
  }

  void decide(String reference, ItemRef ref, AccessDecision decision, ExemptionCode code, String reason,
      List<String> redactFields, List<String> redactTexts, String user, Instant at, LocalDate reviewOn) {
    jdbc.update("UPDATE privacy.access_item SET decision = ?, exemption_code = ?, reason = ?, redact_fields = ?, "
            + "redact_texts = ?, decided_by = ?, decided_at = ?, review_on = ? WHERE request_reference = ? "
            + "AND source_system = ? AND item_id = ?", decision.name(), code == null ? null : code.name(), reason,
        join(redactFields), join(redactTexts), user, at.atOffset(ZoneOffset.UTC), reviewOn, reference, ref.system(),
        ref.itemId());
  }

  /** Every decision as taken (issue 14 finding 3): {@code access_item} keeps only the latest one. */
  void logDecision(String reference, ItemRef ref, AccessDecision decision, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.access_item_decision (request_reference, source_system, item_id, decision, "
        + "decided_by, decided_at) VALUES (?,?,?,?,?,?)", reference, ref.system(), ref.itemId(), decision.name(), user,
        at.atOffset(ZoneOffset.UTC));
  }

  /**
   * ACC-4: the users who may not approve the exemptions: whoever ever withheld or redacted an item of the request, and
   * whoever decided an item that is withheld or redacted now.
   */
  List<String> exemptionDeciders(String reference) {
    return jdbc.queryForList("SELECT DISTINCT d.decided_by FROM privacy.access_item_decision d WHERE "
        + "d.request_reference = ? AND (d.decision IN ('WITHHOLD', 'REDACT') OR EXISTS (SELECT 1 FROM "
        + "privacy.access_item i WHERE i.request_reference = d.request_reference AND i.source_system = d.source_system "
        + "AND i.item_id = d.item_id AND i.decision IN ('WITHHOLD', 'REDACT'))) ORDER BY d.decided_by", String.class,
        reference);
  }

  /** When an item of the request was last decided, or null. */
  Instant lastDecisionAt(String reference) {
    java.time.OffsetDateTime at = jdbc.queryForObject("SELECT MAX(decided_at) FROM privacy.access_item_decision "
        + "WHERE request_reference = ?", java.time.OffsetDateTime.class, reference);
    return at == null ? null : at.toInstant();
  }

  void saveExemptionVerdict(String reference, boolean approved, String user, Instant at) {
    jdbc.update("INSERT INTO privacy.access_exemption_approval (request_reference, verdict, decided_by, decided_at) "
        + "VALUES (?,?,?,?)", reference, approved ? "APPROVED" : "SENT_BACK", user, at.atOffset(ZoneOffset.UTC));
  }

  /** The latest verdict on the request's exemptions, or empty. */
  Optional<ExemptionVerdict> latestExemptionVerdict(String reference) {
    return jdbc.query("SELECT verdict, decided_by, decided_at FROM privacy.access_exemption_approval WHERE "
        + "request_reference = ? ORDER BY id DESC", (rs, n) -> new ExemptionVerdict(
            "APPROVED".equals(rs.getString(1)), rs.getString(2),
            rs.getObject(3, java.time.OffsetDateTime.class).toInstant()), reference).stream().findFirst();
  }

  record ExemptionVerdict(boolean approved, String decidedBy, Instant decidedAt) {
  }

  /** ACC-4: withheld items whose review date is on or before the given date, oldest first (references only). */
  List<ExemptionReview> exemptionReviewsDueBy(LocalDate date) {
    return jdbc.query("SELECT request_reference, source_system, item_id, exemption_code, review_on FROM "
            + "privacy.access_item WHERE decision = 'WITHHOLD' AND review_on IS NOT NULL AND review_on <= ? "
            + "ORDER BY review_on, request_reference, id", (rs, n) -> new ExemptionReview(rs.getString(1),
            rs.getString(2), rs.getString(3), ExemptionCode.valueOf(rs.getString(4)),
            rs.getObject(5, LocalDate.class)), date);
  }

  /** Stores the dossier encrypted (SEC-5). */
  void saveDossier(String reference, byte[] pdf, Instant at) {
    RecordCipher.Sealed sealed = cipher.seal(pdf, DOSSIER_BINDING + reference);
    jdbc.update("DELETE FROM privacy.access_dossier WHERE request_reference = ?", reference);
    jdbc.update("INSERT INTO privacy.access_dossier (request_reference, pdf, nonce, created_at) VALUES (?,?,?,?)",
        reference, sealed.ciphertext(), sealed.nonce(), at.atOffset(ZoneOffset.UTC));
  }

  /** The dossier PDF, decrypted (a row from before encryption has no nonce and is returned as stored). */
  Optional<byte[]> dossier(String reference) {
    return jdbc.query("SELECT pdf, nonce FROM privacy.access_dossier WHERE request_reference = ?",
        (rs, n) -> {
          byte[] stored = rs.getBytes(1);
          byte[] nonce = rs.getBytes(2);
          return nonce == null ? stored
              : cipher.open(new RecordCipher.Sealed(nonce, stored), DOSSIER_BINDING + reference);
        }, reference).stream().findFirst();
  }

  private static String join(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(SEPARATOR, values);
  }

  private static List<String> split(String value) {
    return value == null ? List.of() : Arrays.asList(value.split(SEPARATOR));
  }

  private static AccessItemRow map(ResultSet rs, int n) throws SQLException {
    String decision = rs.getString("decision");
    String code = rs.getString("exemption_code");
    java.time.OffsetDateTime decidedAt = rs.getObject("decided_at", java.time.OffsetDateTime.class);
    return new AccessItemRow(rs.getString("source_system"), rs.getString("item_id"),
        decision == null ? null : AccessDecision.valueOf(decision), code == null ? null : ExemptionCode.valueOf(code),
        rs.getString("reason"), split(rs.getString("redact_fields")), split(rs.getString("redact_texts")),
        rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
        rs.getObject("review_on", LocalDate.class));
  }
}
