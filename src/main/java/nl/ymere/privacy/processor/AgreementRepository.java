package nl.ymere.privacy.processor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The register's tables in schema {@code privacy}: parties, agreements, scope, checklist, events, gate log. */
@Repository
class AgreementRepository {

  static final String PURPOSE = "PURPOSE";
  static final String CATEGORY = "CATEGORY";

  private static final String SELECT = "SELECT a.id, a.reference, p.code, p.name, p.contact_email, a.service, "
      + "a.data_subjects, a.processing_country, a.transfer_zone, a.role, a.kind, a.status, a.expires_on, "
      + "a.next_review_on, a.breach_notice_hours, a.sub_processing, a.scc_module, a.tia_reference, a.fg_advice, "
      + "a.prepared_by, a.approved_by, a.approved_at, a.terminated_on, a.end_action "
      + "FROM privacy.pa_agreement a JOIN privacy.pa_party p ON p.id = a.party_id ";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  AgreementRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
  }

  String nextReference(int year) {
    Long number = jdbc.queryForObject(postgres ? "SELECT nextval('privacy.pa_reference_seq')"
        : "SELECT NEXT VALUE FOR privacy.pa_reference_seq", Long.class);
    return String.format("PA-%d-%06d", year, number);
  }

  long partyId(String code, String name, String contactEmail, Instant now) {
    List<Long> ids = jdbc.queryForList("SELECT id FROM privacy.pa_party WHERE code = ?", Long.class, code);
    if (!ids.isEmpty()) {
      // PRC-1: a new draft must not redirect disclosures under an agreement already in force, so an existing
      // party's name and contact address change only while none of its agreements is APPROVED or ACTIVE.
      jdbc.update("UPDATE privacy.pa_party SET name = ?, contact_email = COALESCE(?, contact_email) WHERE id = ? "
          + "AND NOT EXISTS (SELECT 1 FROM privacy.pa_agreement a WHERE a.party_id = privacy.pa_party.id "
          + "AND a.status IN ('APPROVED', 'ACTIVE'))", name, contactEmail, ids.get(0));
      return ids.get(0);
    }
    jdbc.update("INSERT INTO privacy.pa_party (code, name, contact_email, created_at) VALUES (?, ?, ?, ?)", code, name,
        contactEmail, utc(now));
    return jdbc.queryForObject("SELECT id FROM privacy.pa_party WHERE code = ?", Long.class, code);
  }

  long insertAgreement(String reference, long partyId, String service, String dataSubjects, String country,
      TransferZone zone, LocalDate expiresOn, String createdBy, String processInstanceId, Instant now) {
    jdbc.update("INSERT INTO privacy.pa_agreement (reference, party_id, service, data_subjects, processing_country, "
            + "transfer_zone, status, expires_on, created_by, process_instance_id, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reference, partyId, service, dataSubjects, country,
        zone.name(), AgreementStatus.DRAFT.name(), expiresOn, createdBy, processInstanceId, utc(now));
    return jdbc.queryForObject("SELECT id FROM privacy.pa_agreement WHERE reference = ?", Long.class, reference);
  }

  void replaceScope(long agreementId, Collection<String> purposes, Collection<String> categories) {
    jdbc.update("DELETE FROM privacy.pa_scope WHERE agreement_id = ?", agreementId);
    for (String purpose : new LinkedHashSet<>(purposes)) {
      jdbc.update("INSERT INTO privacy.pa_scope (agreement_id, scope_type, code) VALUES (?, ?, ?)", agreementId,
          PURPOSE, purpose);
    }
    for (String category : new LinkedHashSet<>(categories)) {
      jdbc.update("INSERT INTO privacy.pa_scope (agreement_id, scope_type, code) VALUES (?, ?, ?)", agreementId,
          CATEGORY, category);
    }
  }

  Optional<AgreementRecord> findByReference(String reference) {
    return jdbc.query(SELECT + "WHERE a.reference = ?", this::map, reference).stream().findFirst();
  }

  /** True for a DRAFT registered by {@code user} whose process has not started yet (the API start's own start). */
  boolean awaitsProcessStart(String reference, String user) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.pa_agreement WHERE reference = ? "
        + "AND process_instance_id IS NULL AND created_by = ? AND status = ?", Integer.class, reference, user,
        AgreementStatus.DRAFT.name());
    return count != null && count > 0;
  }

  AgreementRecord getByReference(String reference) {
    return findByReference(reference)
        .orElseThrow(() -> new ApiNotFoundException("No processor agreement or covenant " + reference));
  }

  boolean partyExists(String code) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.pa_party WHERE code = ?", Integer.class, code);
    return count != null && count > 0;
  }

  List<AgreementRecord> agreementsOfParty(String partyCode) {
    return jdbc.query(SELECT + "WHERE p.code = ? ORDER BY a.id", this::map, partyCode);
  }

  /** Agreements whose scope holds both the purpose and the data category (any status; the caller filters). */
  List<AgreementRecord> coveringScope(String purpose, String dataCategory) {
    return jdbc.query(SELECT + "WHERE EXISTS (SELECT 1 FROM privacy.pa_scope s WHERE s.agreement_id = a.id "
        + "AND s.scope_type = ? AND s.code = ?) AND EXISTS (SELECT 1 FROM privacy.pa_scope s WHERE "
        + "s.agreement_id = a.id AND s.scope_type = ? AND s.code = ?) ORDER BY p.name, a.id", this::map, PURPOSE,
        purpose, CATEGORY, dataCategory);
  }

  List<AgreementRecord> all() {
    return jdbc.query(SELECT + "ORDER BY p.code, a.id", this::map);
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.update("UPDATE privacy.pa_agreement SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  void setRole(long id, PartyRole role) {
    jdbc.update("UPDATE privacy.pa_agreement SET role = ?, kind = ? WHERE id = ?", role.name(), role.kind().name(), id);
  }

  void saveChecklist(long id, Map<ChecklistElement, String> clauses, Set<ChecklistElement> present) {
    jdbc.update("DELETE FROM privacy.pa_checklist_item WHERE agreement_id = ?", id);
    for (Map.Entry<ChecklistElement, String> entry : clauses.entrySet()) {
      jdbc.update("INSERT INTO privacy.pa_checklist_item (agreement_id, element, present, clause_ref) "
          + "VALUES (?, ?, ?, ?)", id, entry.getKey().name(), present.contains(entry.getKey()), entry.getValue());
    }
  }

  List<Map<String, Object>> checklist(long id) {
    return jdbc.queryForList("SELECT element, present, clause_ref FROM privacy.pa_checklist_item "
        + "WHERE agreement_id = ? ORDER BY element", id);
  }

  void setPreparation(long id, String preparedBy, Integer breachNoticeHours, String subProcessing) {
    jdbc.update("UPDATE privacy.pa_agreement SET prepared_by = ?, breach_notice_hours = ?, sub_processing = ? "
        + "WHERE id = ?", preparedBy, breachNoticeHours, subProcessing, id);
  }

  void setTransferSafeguards(long id, Integer sccModule, String tiaReference) {
    jdbc.update("UPDATE privacy.pa_agreement SET scc_module = ?, tia_reference = ? WHERE id = ?", sccModule,
        tiaReference, id);
  }

  void setFgAdvice(long id, String advice) {
    jdbc.update("UPDATE privacy.pa_agreement SET fg_advice = ? WHERE id = ?", advice, id);
  }

  void setManagementApprovedBy(long id, String user) {
    jdbc.update("UPDATE privacy.pa_agreement SET management_approved_by = ? WHERE id = ?", user, id);
  }

  void setStatus(long id, AgreementStatus status) {
    jdbc.update("UPDATE privacy.pa_agreement SET status = ? WHERE id = ?", status.name(), id);
  }

  void approve(long id, AgreementStatus status, String approvedBy, Instant at, LocalDate nextReviewOn) {
    jdbc.update("UPDATE privacy.pa_agreement SET status = ?, approved_by = ?, approved_at = ?, next_review_on = ? "
        + "WHERE id = ?", status.name(), approvedBy, utc(at), nextReviewOn, id);
  }

  /** The second pair of eyes approved (issue 14: recorded when it happens; the register entry reads it here). */
  void recordApprover(long id, String approvedBy, Instant at) {
    jdbc.update("UPDATE privacy.pa_agreement SET approved_by = ?, approved_at = ? WHERE id = ?", approvedBy, utc(at),
        id);
  }

  /** A new checklist round: an earlier approval no longer counts. */
  void clearApprover(long id) {
    jdbc.update("UPDATE privacy.pa_agreement SET approved_by = NULL, approved_at = NULL WHERE id = ?", id);
  }

  String managementApprovedBy(long id) {
    return jdbc.queryForObject("SELECT management_approved_by FROM privacy.pa_agreement WHERE id = ?", String.class,
        id);
  }

  String processInstanceId(long id) {
    return jdbc.queryForObject("SELECT process_instance_id FROM privacy.pa_agreement WHERE id = ?", String.class, id);
  }

  /** The elements recorded present in the checklist (with their clause reference). */
  Set<ChecklistElement> presentElements(long id) {
    Set<ChecklistElement> present = java.util.EnumSet.noneOf(ChecklistElement.class);
    jdbc.queryForList("SELECT element FROM privacy.pa_checklist_item WHERE agreement_id = ? AND present = TRUE "
        + "AND clause_ref IS NOT NULL", String.class, id).forEach(code -> present.add(ChecklistElement.valueOf(code)));
    return present;
  }

  void setNextReview(long id, LocalDate nextReviewOn) {
    jdbc.update("UPDATE privacy.pa_agreement SET next_review_on = ? WHERE id = ?", nextReviewOn, id);
  }

  void terminate(long id, LocalDate on) {
    jdbc.update("UPDATE privacy.pa_agreement SET status = ?, terminated_on = COALESCE(terminated_on, ?) WHERE id = ?",
        AgreementStatus.TERMINATED.name(), on, id);
  }

  void confirmEnd(long id, String endAction, String confirmedBy) {
    jdbc.update("UPDATE privacy.pa_agreement SET end_action = ?, end_confirmed_by = ? WHERE id = ?", endAction,
        confirmedBy, id);
  }

  void event(long id, String type, String byUser, String detail, Instant at) {
    jdbc.update("INSERT INTO privacy.pa_event (agreement_id, at, type, by_user, detail) VALUES (?, ?, ?, ?, ?)", id,
        utc(at), type, byUser, detail);
  }

  /** An event of an agreement: what happened, by whom, with which detail (codes or a note), when. */
  record Event(Instant at, String type, String byUser, String detail) {
  }

  List<Event> events(long id) {
    return jdbc.query("SELECT at, type, by_user, detail FROM privacy.pa_event WHERE agreement_id = ? ORDER BY id",
        (rs, n) -> new Event(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4)), id);
  }

  List<String> eventTypes(long id) {
    return jdbc.queryForList("SELECT type FROM privacy.pa_event WHERE agreement_id = ? ORDER BY id", String.class, id);
  }

  void logSharingCheck(Instant at, String partyCode, String purpose, Collection<String> categories,
      SharingDecision decision, String checkedBy, String contextReference) {
    jdbc.update("INSERT INTO privacy.sharing_check (checked_at, party_code, purpose, data_categories, allowed, reason, "
            + "agreement_reference, checked_by, context_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", utc(at),
        partyCode, purpose, String.join(",", categories), decision.allowed(), decision.reason().name(),
        decision.agreementReference(), checkedBy, contextReference);
  }

  private Set<String> scope(long id, String type) {
    return new LinkedHashSet<>(jdbc.queryForList("SELECT code FROM privacy.pa_scope WHERE agreement_id = ? "
        + "AND scope_type = ? ORDER BY code", String.class, id, type));
  }

  private AgreementRecord map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong(1);
    return new AgreementRecord(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), TransferZone.valueOf(rs.getString(9)),
        rs.getString(10) == null ? null : PartyRole.valueOf(rs.getString(10)),
        rs.getString(11) == null ? null : AgreementKind.valueOf(rs.getString(11)),
        AgreementStatus.valueOf(rs.getString(12)), rs.getObject(13, LocalDate.class),
        rs.getObject(14, LocalDate.class), (Integer) rs.getObject(15, Integer.class), rs.getString(16),
        (Integer) rs.getObject(17, Integer.class), rs.getString(18), rs.getString(19), rs.getString(20),
        rs.getString(21), rs.getObject(22, OffsetDateTime.class), rs.getObject(23, LocalDate.class),
        rs.getString(24), scope(id, PURPOSE), scope(id, CATEGORY));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
