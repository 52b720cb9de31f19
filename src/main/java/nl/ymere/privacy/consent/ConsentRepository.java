package nl.ymere.privacy.consent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.SubjectKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The purposes, consent texts, consents and propagation steps (privacy schema, V46). */
@Repository
class ConsentRepository {

  private static final String CONSENT_COLUMNS = "id, reference, purpose_code, text_version, subject_name, "
      + "subject_date_of_birth, subject_email, subject_tenancy_number, channel, given_by, given_by_name, given_at, "
      + "registered_by, withdrawn_at, withdrawal_channel, withdrawn_by, withdrawn_by_name, withdrawal_registered_by, "
      + "withdrawal_request_reference, propagation_status, erased_items, kept_items, process_instance_id";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  ConsentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
  }

  List<Purpose> purposes() {
    return jdbc.query("SELECT * FROM privacy.purpose ORDER BY code", this::mapPurpose);
  }

  Optional<Purpose> purpose(String code) {
    return jdbc.query("SELECT * FROM privacy.purpose WHERE code = ?", this::mapPurpose, code).stream().findFirst();
  }

  /** The current text: the highest version valid at {@code at} and not retired by then. */
  Optional<ConsentText> currentText(String purposeCode, Instant at) {
    return jdbc.query("SELECT purpose_code, version, text_nl, text_en, valid_from FROM privacy.consent_text "
            + "WHERE purpose_code = ? AND valid_from <= ? AND (retired_at IS NULL OR retired_at > ?) "
            + "ORDER BY version DESC", (rs, n) -> new ConsentText(rs.getString("purpose_code"), rs.getInt("version"),
            rs.getString("text_nl"), rs.getString("text_en"), rs.getTimestamp("valid_from").toInstant()),
        purposeCode, Timestamp.from(at), Timestamp.from(at)).stream().findFirst();
  }

  String nextReference(int year) {
    Long next = jdbc.queryForObject(postgres ? "SELECT nextval('privacy.consent_reference_seq')"
        : "SELECT NEXT VALUE FOR privacy.consent_reference_seq", Long.class);
    return "TST-%d-%06d".formatted(year, next);
  }

  long insert(String reference, String purposeCode, int textVersion, SubjectKey subject, ConsentChannel channel,
      GivenBy givenBy, String givenByName, Instant givenAt, String registeredBy) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO privacy.consent (reference, purpose_code, "
          + "text_version, subject_name, subject_date_of_birth, subject_email, subject_tenancy_number, channel, "
          + "given_by, given_by_name, given_at, registered_by, propagation_status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      statement.setString(1, reference);
      statement.setString(2, purposeCode);
      statement.setInt(3, textVersion);
      statement.setString(4, subject.name());
      statement.setDate(5, subject.dateOfBirth() == null ? null : Date.valueOf(subject.dateOfBirth()));
      statement.setString(6, subject.email());
      statement.setString(7, subject.tenancyNumber());
      statement.setString(8, channel.name());
      statement.setString(9, givenBy.name());
      statement.setString(10, givenByName);
      statement.setTimestamp(11, Timestamp.from(givenAt));
      statement.setString(12, registeredBy);
      statement.setString(13, PropagationStatus.NONE.name());
      return statement;
    }, keys);
    return keys.getKey().longValue();
  }

  Optional<ConsentRecord> find(String reference) {
    return jdbc.query("SELECT " + CONSENT_COLUMNS + " FROM privacy.consent WHERE reference = ?", this::mapConsent,
        reference).stream().findFirst();
  }

  /** Marks the consent withdrawn; false when it was withdrawn already (a concurrent withdrawal). */
  boolean withdraw(long id, Instant at, ConsentChannel channel, GivenBy by, String byName, String user,
      String requestReference) {
    return jdbc.update("UPDATE privacy.consent SET withdrawn_at = ?, withdrawal_channel = ?, withdrawn_by = ?, "
            + "withdrawn_by_name = ?, withdrawal_registered_by = ?, withdrawal_request_reference = ?, "
            + "propagation_status = ? WHERE id = ? AND withdrawn_at IS NULL", Timestamp.from(at), channel.name(),
        by.name(), byName, user, requestReference, PropagationStatus.PENDING.name(), id) == 1;
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.update("UPDATE privacy.consent SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  void setPropagationStatus(long id, PropagationStatus status) {
    jdbc.update("UPDATE privacy.consent SET propagation_status = ? WHERE id = ?", status.name(), id);
  }

  void setErasure(long id, int erased, int kept) {
    jdbc.update("UPDATE privacy.consent SET erased_items = ?, kept_items = ? WHERE id = ?", erased, kept, id);
  }

  /** The person's consents, every purpose, newest first; matched on any complete identifier of the key. */
  List<ConsentRecord> ofSubject(SubjectKey subject) {
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (subject.hasEmail()) {
      conditions.add("subject_email = ?");
      args.add(subject.email());
    }
    if (subject.hasTenancyNumber()) {
      conditions.add("subject_tenancy_number = ?");
      args.add(subject.tenancyNumber());
    }
    if (subject.hasNameAndDateOfBirth()) {
      conditions.add("(LOWER(subject_name) = LOWER(?) AND subject_date_of_birth = ?)");
      args.add(subject.name());
      args.add(Date.valueOf(subject.dateOfBirth()));
    }
    return jdbc.query("SELECT " + CONSENT_COLUMNS + " FROM privacy.consent WHERE " + String.join(" OR ", conditions)
        + " ORDER BY given_at DESC, id DESC", this::mapConsent, args.toArray());
  }

  long insertStep(long consentId, String kind, String code, String name, String agreementReference, Instant dueAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO privacy.consent_propagation (consent_id, target_kind, "
          + "target_code, target_name, agreement_reference, due_at) VALUES (?,?,?,?,?,?)", new String[] {"id"});
      statement.setLong(1, consentId);
      statement.setString(2, kind);
      statement.setString(3, code);
      statement.setString(4, name);
      statement.setString(5, agreementReference);
      statement.setTimestamp(6, Timestamp.from(dueAt));
      return statement;
    }, keys);
    return keys.getKey().longValue();
  }

  List<PropagationStep> steps(long consentId) {
    return jdbc.query("SELECT * FROM privacy.consent_propagation WHERE consent_id = ? ORDER BY id", this::mapStep,
        consentId);
  }

  Optional<PropagationStep> step(long id) {
    return jdbc.query("SELECT * FROM privacy.consent_propagation WHERE id = ?", this::mapStep, id).stream().findFirst();
  }

  Optional<ConsentRecord> consentOfStep(long stepId) {
    return jdbc.query("SELECT " + CONSENT_COLUMNS.replaceAll("(^|, )", "$1c.") + " FROM privacy.consent c "
        + "JOIN privacy.consent_propagation p ON p.consent_id = c.id WHERE p.id = ?", this::mapConsent, stepId)
        .stream().findFirst();
  }

  boolean confirmStep(long id, Instant at, String user) {
    return jdbc.update("UPDATE privacy.consent_propagation SET confirmed_at = ?, confirmed_by = ? "
        + "WHERE id = ? AND confirmed_at IS NULL", Timestamp.from(at), user, id) == 1;
  }

  void recordNotice(long stepId, Long outboxId, Instant sentAt, String refused) {
    jdbc.update("UPDATE privacy.consent_propagation SET notice_outbox_id = ?, notice_sent_at = ?, notice_refused = ? "
        + "WHERE id = ?", outboxId, sentAt == null ? null : Timestamp.from(sentAt), refused, stepId);
  }

  void setConfirmationPostalAddress(long id, String postalAddress) {
    jdbc.update("UPDATE privacy.consent SET confirmation_postal_address = ? WHERE id = ?", postalAddress, id);
  }

  Optional<String> confirmationPostalAddress(long id) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT confirmation_postal_address FROM privacy.consent "
        + "WHERE id = ?", String.class, id));
  }

  void setConfirmationChannel(long id, String channel) {
    jdbc.update("UPDATE privacy.consent SET confirmation_channel = ? WHERE id = ?", channel, id);
  }

  void insertErasureItem(long consentId, String system, String itemId, String category, String decision,
      String keepReason) {
    jdbc.update("INSERT INTO privacy.consent_erasure_item (consent_id, source_system, item_id, category, decision, "
        + "keep_reason) VALUES (?,?,?,?,?,?)", consentId, system, itemId, category, decision, keepReason);
  }

  List<ErasureListItem> erasureList(long consentId) {
    return jdbc.query("SELECT * FROM privacy.consent_erasure_item WHERE consent_id = ? ORDER BY id",
        (rs, n) -> new ErasureListItem(rs.getLong("id"), rs.getString("source_system"), rs.getString("item_id"),
            rs.getString("category"), rs.getString("decision"), rs.getString("keep_reason")), consentId);
  }

  /** Marks the list prepared; false when it was prepared already. */
  boolean markErasureListPrepared(long consentId, Instant at) {
    return jdbc.update("UPDATE privacy.consent SET erasure_list_prepared_at = ? WHERE id = ? "
        + "AND erasure_list_prepared_at IS NULL", Timestamp.from(at), consentId) == 1;
  }

  /** Records the approval; false when it was approved already or the list is not prepared. */
  boolean approveErasureList(long consentId, String user, Instant at) {
    return jdbc.update("UPDATE privacy.consent SET erasure_list_approved_by = ?, erasure_list_approved_at = ? "
        + "WHERE id = ? AND erasure_list_prepared_at IS NOT NULL AND erasure_list_approved_by IS NULL", user,
        Timestamp.from(at), consentId) == 1;
  }

  Optional<String> erasureListApprovedBy(long consentId) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT erasure_list_approved_by FROM privacy.consent WHERE id = ?",
        String.class, consentId));
  }

  boolean escalateStep(long id, Instant at) {
    return jdbc.update("UPDATE privacy.consent_propagation SET escalated_at = ? WHERE id = ? AND confirmed_at IS NULL "
        + "AND escalated_at IS NULL", Timestamp.from(at), id) == 1;
  }

  private Purpose mapPurpose(ResultSet rs, int n) throws SQLException {
    return new Purpose(rs.getString("code"), rs.getString("name_nl"), rs.getString("name_en"),
        LegalBasis.valueOf(rs.getString("legal_basis")), rs.getString("basis_note"),
        list(rs.getString("subject_categories")), list(rs.getString("data_categories")),
        list(rs.getString("source_systems")), list(rs.getString("process_keys")), rs.getString("retention"),
        rs.getString("compatibility_test_ref"), rs.getString("statement_version"),
        rs.getBoolean("needs_compatibility_test"));
  }

  private static List<String> list(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private ConsentRecord mapConsent(ResultSet rs, int n) throws SQLException {
    Date dob = rs.getDate("subject_date_of_birth");
    return new ConsentRecord(rs.getLong("id"), rs.getString("reference"), rs.getString("purpose_code"),
        rs.getInt("text_version"), rs.getString("subject_name"), dob == null ? null : dob.toLocalDate(),
        rs.getString("subject_email"), rs.getString("subject_tenancy_number"),
        ConsentChannel.valueOf(rs.getString("channel")), GivenBy.valueOf(rs.getString("given_by")),
        rs.getString("given_by_name"), instant(rs, "given_at"), rs.getString("registered_by"),
        instant(rs, "withdrawn_at"), rs.getString("withdrawal_channel") == null ? null
            : ConsentChannel.valueOf(rs.getString("withdrawal_channel")),
        rs.getString("withdrawn_by") == null ? null : GivenBy.valueOf(rs.getString("withdrawn_by")),
        rs.getString("withdrawn_by_name"), rs.getString("withdrawal_registered_by"),
        rs.getString("withdrawal_request_reference"), PropagationStatus.valueOf(rs.getString("propagation_status")),
        rs.getObject("erased_items", Integer.class), rs.getObject("kept_items", Integer.class),
        rs.getString("process_instance_id"));
  }

  private PropagationStep mapStep(ResultSet rs, int n) throws SQLException {
    return new PropagationStep(rs.getLong("id"), rs.getLong("consent_id"), rs.getString("target_kind"),
        rs.getString("target_code"), rs.getString("target_name"), rs.getString("agreement_reference"),
        instant(rs, "due_at"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
        instant(rs, "escalated_at"), rs.getObject("notice_outbox_id", Long.class), instant(rs, "notice_sent_at"),
        rs.getString("notice_refused"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
