package nl.ymere.privacy.breach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The breach register's tables in schema {@code privacy} (V37): breach, reasons, AP notices, person notices, notes. */
@Repository
class BreachRepository {

  record RiskReason(int position, String risk, String code, String reason) {
  }

  record ApNotification(int phase, Instant notifiedAt, String apCaseNumber, boolean complete, boolean late,
      String delayReasons, String content, String recordedBy) {
  }

  record PersonNotice(String tenancyNumber, long outboxMessageId, String channel, String language, Instant queuedAt) {
  }

  /** One person on the breach's list of persons affected (BRE-4), with the handler's language choice (or null). */
  record ListedPerson(String tenancyNumber, String language, String listSource) {
  }

  record Note(Instant at, String type, String code, String text, String byUser) {
  }

  private static final RowMapper<Breach> MAPPER = BreachRepository::map;

  private final JdbcTemplate jdbc;

  BreachRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of the year: one counter row per year (DL-2026-000123). */
  long nextNumber(int year) {
    int updated = jdbc.update("UPDATE privacy.breach_reference_counter SET last_number = last_number + 1 "
        + "WHERE reference_year = ?", year);
    if (updated == 0) {
      jdbc.update("INSERT INTO privacy.breach_reference_counter (reference_year, last_number) VALUES (?, 1)", year);
      return 1;
    }
    return jdbc.queryForObject("SELECT last_number FROM privacy.breach_reference_counter WHERE reference_year = ?",
        Long.class, year);
  }

  long insert(String reference, String channel, BreachReport r, List<String> categories, String reportedBy,
      Instant now, Long partyId, Instant processorAwareAt, Boolean processorReportLate) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO privacy.breach (reference, channel, status, description, systems, "
          + "data_categories, persons_estimate, records_estimate, contained, detected_at, reported_by, reported_at, "
          + "party_id, processor_aware_at, processor_report_late) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      int i = 1;
      ps.setString(i++, reference);
      ps.setString(i++, channel);
      ps.setString(i++, BreachCodes.Status.REGISTERED.name());
      ps.setString(i++, r.description());
      ps.setString(i++, r.systems());
      ps.setString(i++, String.join(",", categories));
      ps.setInt(i++, r.personsEstimate());
      ps.setObject(i++, r.recordsEstimate());
      ps.setBoolean(i++, Boolean.TRUE.equals(r.contained()));
      ps.setTimestamp(i++, Timestamp.from(r.detectedAt().toInstant()));
      ps.setString(i++, reportedBy);
      ps.setTimestamp(i++, Timestamp.from(now));
      ps.setObject(i++, partyId);
      ps.setTimestamp(i++, processorAwareAt == null ? null : Timestamp.from(processorAwareAt));
      ps.setObject(i++, processorReportLate);
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  void linkAgreement(long id, String agreementReference, Integer noticeHours, Instant reportedAt, String owner) {
    jdbc.update("UPDATE privacy.breach SET agreement_reference = ?, processor_notice_hours = ?, "
        + "processor_reported_at = ?, follow_up_owner = ? WHERE id = ?", agreementReference, noticeHours,
        Timestamp.from(reportedAt), owner, id);
  }

  /** The processor link (PRC-2) of a breach: agreement, notice hours, when reported, the agreement owner. */
  Map<String, Object> processorLink(long id) {
    return jdbc.query("SELECT agreement_reference, processor_notice_hours, processor_reported_at, follow_up_owner "
        + "FROM privacy.breach WHERE id = ?", (rs, n) -> {
          Map<String, Object> link = new java.util.HashMap<>();
          link.put("agreement_reference", rs.getString(1));
          link.put("processor_notice_hours", rs.getObject(2, Integer.class));
          link.put("processor_reported_at", instant(rs, "processor_reported_at"));
          link.put("follow_up_owner", rs.getString(4));
          return link;
        }, id).get(0);
  }

  Optional<Breach> findByReference(String reference) {
    return jdbc.query("SELECT * FROM privacy.breach WHERE reference = ?", MAPPER, reference).stream().findFirst();
  }

  Breach getByReference(String reference) {
    return findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("Unknown breach reference " + reference));
  }

  List<Breach> all() {
    return jdbc.query("SELECT * FROM privacy.breach ORDER BY id", MAPPER);
  }

  void setProcessInstanceId(long id, String processInstanceId) {
    jdbc.update("UPDATE privacy.breach SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  void recordAwareness(long id, Instant awarenessAt, String zone, String reason, String by, Instant deadlineAt) {
    jdbc.update("UPDATE privacy.breach SET awareness_at = ?, awareness_zone = ?, awareness_reason = ?, "
        + "awareness_by = ?, deadline_at = ?, status = ? WHERE id = ?", Timestamp.from(awarenessAt), zone, reason, by,
        Timestamp.from(deadlineAt), BreachCodes.Status.AWARE.name(), id);
  }

  void recordAssessment(long id, boolean specialCategory, boolean criminalData, boolean identifiable,
      boolean encryptedKeySafe, boolean recipientTrustedDeleted, boolean vulnerablePersons, String consequenceLevel,
      String consequences, String measures, Integer persons, String by) {
    jdbc.update("UPDATE privacy.breach SET special_category = ?, criminal_data = ?, identifiable = ?, "
        + "encrypted_key_safe = ?, recipient_trusted_deleted = ?, vulnerable_persons = ?, consequence_level = ?, "
        + "consequences = ?, measures = ?, persons_estimate = COALESCE(?, persons_estimate), assessed_by = ?, "
        + "proposed_risk = NULL, decided_risk = NULL, decided_by = NULL, decided_at = NULL, confirmed_by = NULL, "
        + "confirmed_at = NULL WHERE id = ?", specialCategory, criminalData, identifiable, encryptedKeySafe,
        recipientTrustedDeleted, vulnerablePersons, consequenceLevel, consequences, measures, persons, by, id);
    jdbc.update("DELETE FROM privacy.breach_risk_reason WHERE breach_id = ?", id);
  }

  void recordProposal(long id, String risk, String decisionId, List<RiskReason> reasons) {
    jdbc.update("UPDATE privacy.breach SET proposed_risk = ?, decision_id = ? WHERE id = ?", risk, decisionId, id);
    for (RiskReason reason : reasons) {
      jdbc.update("INSERT INTO privacy.breach_risk_reason (breach_id, position, risk, code, reason) "
          + "VALUES (?,?,?,?,?)", id, reason.position(), reason.risk(), reason.code(), reason.reason());
    }
  }

  List<RiskReason> reasons(long id) {
    return jdbc.query("SELECT position, risk, code, reason FROM privacy.breach_risk_reason WHERE breach_id = ? "
        + "ORDER BY position", (rs, n) -> new RiskReason(rs.getInt(1), rs.getString(2), rs.getString(3),
        rs.getString(4)), id);
  }

  void recordDecision(long id, String risk, String reason, String by, Instant at) {
    jdbc.update("UPDATE privacy.breach SET decided_risk = ?, decision_reason = ?, decided_by = ?, decided_at = ?, "
        + "confirmed_by = NULL, confirmed_at = NULL WHERE id = ?", risk, reason, by, Timestamp.from(at), id);
  }

  void recordConfirmation(long id, String by, Instant at) {
    jdbc.update("UPDATE privacy.breach SET confirmed_by = ?, confirmed_at = ?, status = ? WHERE id = ?", by,
        Timestamp.from(at), BreachCodes.Status.DECIDED.name(), id);
  }

  void clearDecision(long id) {
    jdbc.update("UPDATE privacy.breach SET decided_risk = NULL, decision_reason = NULL, decided_by = NULL, "
        + "decided_at = NULL WHERE id = ?", id);
  }

  void insertApNotification(long id, ApNotification n, Instant now) {
    jdbc.update("INSERT INTO privacy.breach_ap_notification (breach_id, phase, notified_at, ap_case_number, complete, "
        + "late, delay_reasons, content, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", id, n.phase(),
        Timestamp.from(n.notifiedAt()), n.apCaseNumber(), n.complete(), n.late(), n.delayReasons(), n.content(),
        n.recordedBy(), Timestamp.from(now));
    jdbc.update("UPDATE privacy.breach SET status = ? WHERE id = ?", BreachCodes.Status.NOTIFIED.name(), id);
  }

  List<ApNotification> apNotifications(long id) {
    return jdbc.query("SELECT phase, notified_at, ap_case_number, complete, late, delay_reasons, content, recorded_by "
        + "FROM privacy.breach_ap_notification WHERE breach_id = ? ORDER BY phase", (rs, n) -> new ApNotification(
        rs.getInt(1), instant(rs, "notified_at"), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
        rs.getString(6), rs.getString(7), rs.getString(8)), id);
  }

  void recordExemption(long id, String exemption, String reason, String publicNotice) {
    jdbc.update("UPDATE privacy.breach SET persons_exemption = ?, exemption_reason = ?, public_notice = ? "
        + "WHERE id = ?", exemption, reason, publicNotice, id);
  }

  void insertPersonNotice(long id, String tenancyNumber, long outboxMessageId, String channel, String language,
      Instant now) {
    jdbc.update("INSERT INTO privacy.breach_person_notice (breach_id, tenancy_number, outbox_message_id, channel, "
        + "language, queued_at) VALUES (?,?,?,?,?,?)", id, tenancyNumber, outboxMessageId, channel, language,
        Timestamp.from(now));
  }

  /** The persons affected as listed so far, in the order they were added. */
  List<ListedPerson> listedPersons(long id) {
    return jdbc.query("SELECT tenancy_number, language, list_source FROM privacy.breach_person WHERE breach_id = ? "
        + "ORDER BY id", (rs, n) -> new ListedPerson(rs.getString(1), rs.getString(2), rs.getString(3)), id);
  }

  /**
   * Adds a person to the list, or sets the language of one already listed when a language is given; returns whether
   * the person is new on the list.
   */
  boolean listPerson(long id, String tenancyNumber, String language, String listSource, String by, Instant at) {
    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach_person WHERE breach_id = ? AND "
        + "tenancy_number = ?", Integer.class, id, tenancyNumber);
    if (known != null && known > 0) {
      if (language != null) {
        jdbc.update("UPDATE privacy.breach_person SET language = ? WHERE breach_id = ? AND tenancy_number = ?",
            language, id, tenancyNumber);
      }
      return false;
    }
    jdbc.update("INSERT INTO privacy.breach_person (breach_id, tenancy_number, language, list_source, added_by, "
        + "added_at) VALUES (?,?,?,?,?,?)", id, tenancyNumber, language, listSource, by, Timestamp.from(at));
    return true;
  }

  List<PersonNotice> personNotices(long id) {
    return jdbc.query("SELECT tenancy_number, outbox_message_id, channel, language, queued_at FROM "
        + "privacy.breach_person_notice WHERE breach_id = ? ORDER BY id", (rs, n) -> new PersonNotice(rs.getString(1),
        rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, "queued_at")), id);
  }

  void markEscalated(long id, Instant at) {
    jdbc.update("UPDATE privacy.breach SET escalated_at = COALESCE(escalated_at, ?) WHERE id = ?", Timestamp.from(at),
        id);
  }

  void close(long id, Instant at) {
    jdbc.update("UPDATE privacy.breach SET status = ?, closed_at = ? WHERE id = ?", BreachCodes.Status.CLOSED.name(),
        Timestamp.from(at), id);
  }

  void addNote(long id, String type, String code, String text, String by, Instant at) {
    jdbc.update("INSERT INTO privacy.breach_note (breach_id, note_type, code, text, by_user, noted_at) "
        + "VALUES (?,?,?,?,?,?)", id, type, code, text, by, Timestamp.from(at));
  }

  List<Note> notes(long id) {
    return jdbc.query("SELECT noted_at, note_type, code, text, by_user FROM privacy.breach_note WHERE breach_id = ? "
        + "ORDER BY noted_at, id", (rs, n) -> new Note(instant(rs, "noted_at"), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5)), id);
  }

  Optional<Map<String, Object>> party(long partyId) {
    return jdbc.queryForList("SELECT id, code, name FROM privacy.pa_party WHERE id = ?", partyId).stream()
        .findFirst();
  }

  private static Breach map(ResultSet rs, int row) throws SQLException {
    String categories = rs.getString("data_categories");
    return new Breach(rs.getLong("id"), rs.getString("reference"), rs.getString("channel"), rs.getString("status"),
        rs.getString("description"), rs.getString("systems"),
        categories == null || categories.isBlank() ? List.of() : Arrays.asList(categories.split(",")),
        rs.getInt("persons_estimate"), (Integer) rs.getObject("records_estimate", Integer.class),
        rs.getBoolean("contained"), instant(rs, "detected_at"), rs.getString("reported_by"),
        instant(rs, "reported_at"), (Long) rs.getObject("party_id", Long.class), instant(rs, "processor_aware_at"),
        bool(rs, "processor_report_late"), instant(rs, "awareness_at"), rs.getString("awareness_zone"),
        rs.getString("awareness_reason"), rs.getString("awareness_by"), instant(rs, "deadline_at"),
        bool(rs, "special_category"), bool(rs, "criminal_data"), bool(rs, "identifiable"),
        bool(rs, "encrypted_key_safe"), bool(rs, "recipient_trusted_deleted"), bool(rs, "vulnerable_persons"),
        rs.getString("consequence_level"), rs.getString("consequences"), rs.getString("measures"),
        rs.getString("assessed_by"), rs.getString("proposed_risk"), rs.getString("decided_risk"),
        rs.getString("decision_reason"), rs.getString("decided_by"), instant(rs, "decided_at"),
        rs.getString("confirmed_by"), instant(rs, "confirmed_at"), rs.getString("persons_exemption"),
        rs.getString("exemption_reason"), rs.getString("public_notice"), instant(rs, "escalated_at"),
        instant(rs, "closed_at"), rs.getString("process_instance_id"));
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
