package nl.ymere.privacy.fraud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Fraud signals, model evaluations, assessments, postponements and the read log in schema {@code privacy}, on the
 * engine's DataSource and transaction: rows written by a process step commit or roll back with it.
 */
@Repository
class FraudSignalRepository {

  private static final String SIGNAL_COLUMNS = "id, reference, source, address, tenancy_reference, tenant_name, "
      + "description, main_residence_elsewhere, unknown_occupants, low_utility_usage, sublet_advertisement, "
      + "independent_reports, reporter_user, registered_by, registered_at, status, decision, decided_at, "
      + "case_reference, tenant_informed_at, delete_after, data_deleted_at, history_deleted_at, process_instance_id";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  FraudSignalRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  long nextValue(String sequence) {
    String sql = postgres ? "SELECT nextval('privacy." + sequence + "')" : "SELECT NEXT VALUE FOR privacy." + sequence;
    return jdbc.queryForObject(sql, Long.class);
  }

  // ---------------------------------------------------------------- signals

  long insert(FraudSignal s) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO privacy.fraud_signal (reference, source, address, tenancy_reference, "
          + "tenant_name, description, main_residence_elsewhere, unknown_occupants, low_utility_usage, "
          + "sublet_advertisement, independent_reports, reporter_user, registered_by, registered_at, status) "
          + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      int i = 1;
      ps.setString(i++, s.reference());
      ps.setString(i++, s.source().name());
      ps.setString(i++, s.address());
      ps.setString(i++, s.tenancyReference());
      ps.setString(i++, s.tenantName());
      ps.setString(i++, s.description());
      FraudRiskInputs in = s.inputs();
      ps.setBoolean(i++, in.mainResidenceRegisteredElsewhere());
      ps.setBoolean(i++, in.unknownOccupantsRegistered());
      ps.setBoolean(i++, in.lowUtilityUsage());
      ps.setBoolean(i++, in.subletAdvertisementFound());
      ps.setInt(i++, in.independentReports());
      ps.setString(i++, s.reporterUser());
      ps.setString(i++, s.registeredBy());
      ps.setObject(i++, utc(s.registeredAt()));
      ps.setString(i, s.status().name());
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  Optional<FraudSignal> findByReference(String reference) {
    return jdbc.query("SELECT " + SIGNAL_COLUMNS + " FROM privacy.fraud_signal WHERE reference = ?", SIGNAL,
        reference).stream().findFirst();
  }

  FraudSignal getByReference(String reference) {
    return findByReference(reference).orElseThrow(() -> new IllegalStateException("No fraud signal " + reference));
  }

  /** The employee who reported the signal, if staff did (ADM-2: they assess it in neither step). */
  Optional<String> reporterOf(String reference) {
    return jdbc.query("SELECT reporter_user FROM privacy.fraud_signal WHERE reference = ?",
        (rs, n) -> rs.getString(1), reference).stream().filter(Objects::nonNull).findFirst();
  }

  void setProcessInstanceId(long signalId, String processInstanceId) {
    jdbc.update("UPDATE privacy.fraud_signal SET process_instance_id = ? WHERE id = ?", processInstanceId, signalId);
  }

  void setStatus(long signalId, SignalStatus status) {
    jdbc.update("UPDATE privacy.fraud_signal SET status = ? WHERE id = ?", status.name(), signalId);
  }

  void recordDecision(long signalId, String decision, Instant at) {
    jdbc.update("UPDATE privacy.fraud_signal SET decision = ?, decided_at = ? WHERE id = ?", decision, utc(at),
        signalId);
  }

  void openInvestigation(long signalId, String caseReference) {
    jdbc.update("UPDATE privacy.fraud_signal SET status = ?, case_reference = ? WHERE id = ?",
        SignalStatus.INVESTIGATION_OPENED.name(), caseReference, signalId);
  }

  void markTenantInformed(long signalId, Instant at) {
    jdbc.update("UPDATE privacy.fraud_signal SET tenant_informed_at = ? WHERE id = ?", utc(at), signalId);
  }

  void markDismissed(long signalId, Instant deleteAfter) {
    jdbc.update("UPDATE privacy.fraud_signal SET status = ?, delete_after = ? WHERE id = ?",
        SignalStatus.DISMISSED.name(), utc(deleteAfter), signalId);
  }

  /**
   * Deletes a dismissed signal's data (RET-2: destroyed, not pseudonymised): the personal columns, the inputs and rule
   * contributions of its evaluations, the assessors' reasoning and postponement notes. What stays is anonymous: the
   * reference, codes (source, band, choices), dates, for the oversight figures.
   */
  void deleteSignalData(long signalId, Instant at) {
    jdbc.update("DELETE FROM privacy.fraud_evaluation_rule WHERE evaluation_id IN "
        + "(SELECT id FROM privacy.fraud_evaluation WHERE signal_id = ?)", signalId);
    jdbc.update("UPDATE privacy.fraud_evaluation SET inputs_json = NULL WHERE signal_id = ?", signalId);
    jdbc.update("UPDATE privacy.fraud_assessment SET reasoning = NULL WHERE signal_id = ?", signalId);
    jdbc.update("DELETE FROM privacy.fraud_postponement WHERE signal_id = ?", signalId);
    jdbc.update("UPDATE privacy.fraud_signal SET address = NULL, tenancy_reference = NULL, tenant_name = NULL, "
        + "description = NULL, main_residence_elsewhere = NULL, unknown_occupants = NULL, low_utility_usage = NULL, "
        + "sublet_advertisement = NULL, independent_reports = NULL, reporter_user = NULL, status = ?, "
        + "data_deleted_at = ? WHERE id = ?", SignalStatus.DATA_DELETED.name(), utc(at), signalId);
  }

  /**
   * Dismissed signals whose retention ended at or before {@code now} and whose data still exist: reference and
   * process instance id (null when the signal has none).
   */
  List<String[]> dismissedPastRetention(Instant now) {
    return jdbc.query("SELECT reference, process_instance_id FROM privacy.fraud_signal WHERE status = ? "
            + "AND delete_after <= ? AND data_deleted_at IS NULL ORDER BY id",
        (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, SignalStatus.DISMISSED.name(), utc(now));
  }

  /** Deleted signals whose engine history has not been removed yet. */
  List<String> referencesForTenancy(String tenancyReference) {
    return jdbc.query("SELECT reference FROM privacy.fraud_signal WHERE tenancy_reference = ? ORDER BY id",
        (rs, n) -> rs.getString(1), tenancyReference);
  }

  List<String[]> awaitingHistoryDeletion() {
    return jdbc.query("SELECT reference, process_instance_id FROM privacy.fraud_signal WHERE status = ? "
            + "AND history_deleted_at IS NULL AND process_instance_id IS NOT NULL ORDER BY id",
        (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, SignalStatus.DATA_DELETED.name());
  }

  boolean markHistoryDeleted(String reference, Instant at) {
    return jdbc.update("UPDATE privacy.fraud_signal SET history_deleted_at = ? WHERE reference = ? "
        + "AND history_deleted_at IS NULL", utc(at), reference) == 1;
  }

  // ---------------------------------------------------------------- evaluations

  record RuleContribution(int position, int points, String reason) {
  }

  record Evaluation(long id, long signalId, String decisionDefinitionId, String decisionKey, int decisionVersion,
      String versionTag, int score, String band, String bandRule, String inputsJson, Instant evaluatedAt) {
  }

  long insertEvaluation(Evaluation e, List<RuleContribution> rules) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO privacy.fraud_evaluation (signal_id, decision_definition_id, "
          + "decision_key, decision_version, version_tag, score, band, band_rule, inputs_json, evaluated_at) "
          + "VALUES (?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      int i = 1;
      ps.setLong(i++, e.signalId());
      ps.setString(i++, e.decisionDefinitionId());
      ps.setString(i++, e.decisionKey());
      ps.setInt(i++, e.decisionVersion());
      ps.setString(i++, e.versionTag());
      ps.setInt(i++, e.score());
      ps.setString(i++, e.band());
      ps.setString(i++, e.bandRule());
      ps.setString(i++, e.inputsJson());
      ps.setObject(i, utc(e.evaluatedAt()));
      return ps;
    }, keys);
    long id = keys.getKey().longValue();
    for (RuleContribution rule : rules) {
      jdbc.update("INSERT INTO privacy.fraud_evaluation_rule (evaluation_id, position, points, reason) "
          + "VALUES (?,?,?,?)", id, rule.position(), rule.points(), rule.reason());
    }
    return id;
  }

  Optional<Evaluation> latestEvaluation(long signalId) {
    return jdbc.query("SELECT id, signal_id, decision_definition_id, decision_key, decision_version, version_tag, "
        + "score, band, band_rule, inputs_json, evaluated_at FROM privacy.fraud_evaluation WHERE signal_id = ? "
        + "ORDER BY id DESC", (rs, n) -> new Evaluation(rs.getLong(1), rs.getLong(2), rs.getString(3),
        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
        rs.getString(10), instant(rs, 11)), signalId).stream().findFirst();
  }

  List<RuleContribution> rules(long evaluationId) {
    return jdbc.query("SELECT position, points, reason FROM privacy.fraud_evaluation_rule WHERE evaluation_id = ? "
        + "ORDER BY position", (rs, n) -> new RuleContribution(rs.getInt(1), rs.getInt(2), rs.getString(3)),
        evaluationId);
  }

  // ---------------------------------------------------------------- assessments, postponements, reads

  record Assessment(String step, String assessor, String choice, String reasoning, Instant assessedAt) {
  }

  void insertAssessment(long signalId, String step, String assessor, String choice, String reasoning, Instant at) {
    jdbc.update("INSERT INTO privacy.fraud_assessment (signal_id, step, assessor, choice, reasoning, assessed_at) "
        + "VALUES (?,?,?,?,?,?)", signalId, step, assessor, choice, reasoning, utc(at));
  }

  List<Assessment> assessments(long signalId) {
    return jdbc.query("SELECT step, assessor, choice, reasoning, assessed_at FROM privacy.fraud_assessment "
        + "WHERE signal_id = ? ORDER BY id", (rs, n) -> new Assessment(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4), instant(rs, 5)), signalId);
  }

  record Postponement(long id, String ground, String note, String recordedBy, Instant recordedAt, Instant reviewAt,
      String liftedBy, Instant liftedAt) {
  }

  void insertPostponement(long signalId, String ground, String note, String by, Instant at, Instant reviewAt) {
    jdbc.update("INSERT INTO privacy.fraud_postponement (signal_id, ground, note, recorded_by, recorded_at, "
        + "review_at) VALUES (?,?,?,?,?,?)", signalId, ground, note, by, utc(at), utc(reviewAt));
  }

  Optional<Postponement> openPostponement(long signalId) {
    return jdbc.query("SELECT id, ground, note, recorded_by, recorded_at, review_at, lifted_by, lifted_at "
        + "FROM privacy.fraud_postponement WHERE signal_id = ? AND lifted_at IS NULL ORDER BY id DESC",
        (rs, n) -> new Postponement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs, 5), instant(rs, 6), rs.getString(7), instant(rs, 8)), signalId).stream().findFirst();
  }

  void extendPostponement(long postponementId, Instant reviewAt) {
    jdbc.update("UPDATE privacy.fraud_postponement SET review_at = ? WHERE id = ?", utc(reviewAt), postponementId);
  }

  void liftPostponement(long postponementId, String by, Instant at) {
    jdbc.update("UPDATE privacy.fraud_postponement SET lifted_by = ?, lifted_at = ? WHERE id = ?", by, utc(at),
        postponementId);
  }

  void logRead(String reference, String user, ReadPurpose purpose, Instant at) {
    jdbc.update("INSERT INTO privacy.fraud_signal_read (signal_reference, read_by, purpose, read_at) "
        + "VALUES (?,?,?,?)", reference, user, purpose.name(), utc(at));
  }

  record SignalRead(String readBy, String purpose, Instant readAt) {
  }

  List<SignalRead> reads(String reference) {
    return jdbc.query("SELECT read_by, purpose, read_at FROM privacy.fraud_signal_read WHERE signal_reference = ? "
        + "ORDER BY id", (rs, n) -> new SignalRead(rs.getString(1), rs.getString(2), instant(rs, 3)), reference);
  }

  // ---------------------------------------------------------------- oversight

  record OversightRow(String versionTag, int decisionVersion, String band, String proposal, String decision) {
  }

  /** One row per evaluated signal: its latest evaluation's model version and band, both assessors' choices. */
  List<OversightRow> oversightRows() {
    return jdbc.query("SELECT e.version_tag, e.decision_version, e.band, "
        + "(SELECT a.choice FROM privacy.fraud_assessment a WHERE a.signal_id = s.id AND a.step = 'FIRST' "
        + "  ORDER BY a.id DESC FETCH FIRST 1 ROWS ONLY), "
        + "(SELECT a.choice FROM privacy.fraud_assessment a WHERE a.signal_id = s.id AND a.step = 'SECOND' "
        + "  ORDER BY a.id DESC FETCH FIRST 1 ROWS ONLY) "
        + "FROM privacy.fraud_signal s JOIN privacy.fraud_evaluation e ON e.signal_id = s.id "
        + "WHERE e.id = (SELECT MAX(e2.id) FROM privacy.fraud_evaluation e2 WHERE e2.signal_id = s.id)",
        (rs, n) -> new OversightRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5)));
  }

  // ---------------------------------------------------------------- mapping

  private static final RowMapper<FraudSignal> SIGNAL = (rs, n) -> new FraudSignal(rs.getLong("id"),
      rs.getString("reference"), SignalSource.valueOf(rs.getString("source")), rs.getString("address"),
      rs.getString("tenancy_reference"), rs.getString("tenant_name"), rs.getString("description"),
      rs.getObject("main_residence_elsewhere") == null ? null : new FraudRiskInputs(
          SignalSource.valueOf(rs.getString("source")), rs.getBoolean("main_residence_elsewhere"),
          rs.getBoolean("unknown_occupants"), rs.getBoolean("low_utility_usage"), rs.getBoolean("sublet_advertisement"),
          rs.getInt("independent_reports")),
      rs.getString("reporter_user"), rs.getString("registered_by"), instant(rs, "registered_at"),
      SignalStatus.valueOf(rs.getString("status")), rs.getString("decision"), instant(rs, "decided_at"),
      rs.getString("case_reference"), instant(rs, "tenant_informed_at"), instant(rs, "delete_after"),
      instant(rs, "data_deleted_at"), instant(rs, "history_deleted_at"), rs.getString("process_instance_id"));

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
