package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A demo source whose items are the rows of one table: export, correction, processing block, erasure and
 * anonymisation follow {@link SourceTable}; a subclass says how a person is matched ({@link #match}), which rows are
 * still personal data ({@link #liveCondition}) and what a row means ({@link #describe}).
 */
abstract class SingleTableSource implements PersonalDataSource {

  final SourceTable table;
  private final String tableName;
  private final String describeColumns;

  /**
   * @param describeColumns the columns {@link #describe} reads (besides {@code id} and {@code restricted})
   */
  SingleTableSource(SourceTable table, String tableName, String describeColumns) {
    this.table = table;
    this.tableName = "privacy." + tableName;
    this.describeColumns = describeColumns;
  }

  /** The condition that matches the person, or null when this table holds none of the key's identifiers. */
  abstract SubjectMatch match(SubjectKey subject);

  /** The condition that rows still about a person meet (anonymised rows do not). */
  abstract String liveCondition();

  /** The item a row (id, restricted and the describe columns) stands for. */
  abstract PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException;

  /**
   * SQL expression of the day a row's retention period starts (RET-1 trigger), over the table's columns; null when
   * the retention sweep does not take this source's items.
   */
  String retentionTrigger() {
    return null;
  }

  /** SQL expressions of the row's tenancy number and e-mail address, for matching legal holds (RET-4). */
  String holdTenancyNumber() {
    return "tenancy_number";
  }

  String holdEmail() {
    return "NULL";
  }

  @Override
  public List<RetentionCandidate> retentionCandidates(String category, java.time.LocalDate latestTrigger,
      long afterPosition, int limit) {
    String trigger = retentionTrigger();
    if (trigger == null || !retentionCategories().contains(category)) {
      return List.of();
    }
    return table.query("SELECT id, " + trigger + " AS trigger_day, " + holdTenancyNumber() + " AS hold_tenancy, "
            + holdEmail() + " AS hold_email, restricted FROM " + tableName + " WHERE " + liveCondition() + " AND "
            + trigger + " IS NOT NULL AND " + trigger + " <= ? AND id > ? ORDER BY id LIMIT ?",
        (rs, n) -> new RetentionCandidate(table.itemId(rs.getLong("id")), rs.getLong("id"),
            rs.getObject("trigger_day", java.time.LocalDate.class), rs.getString("hold_email"),
            rs.getString("hold_tenancy"), rs.getBoolean("restricted")),
        java.sql.Date.valueOf(latestTrigger), afterPosition, limit);
  }

  @Override
  public Set<String> flaggedItemReaders() {
    return Set.of();
  }

  @Override
  public List<PersonalDataItem> find(SubjectKey subject) {
    SubjectMatch match = match(subject);
    if (match == null) {
      return List.of();
    }
    return table.query(select() + match.condition() + " AND " + liveCondition() + " ORDER BY id",
        (rs, n) -> describe(rs), match.args());
  }

  @Override
  public Optional<PersonalDataItem> item(String itemId) {
    if (!table.owns(itemId)) {
      return Optional.empty();
    }
    return table.query(select() + "id = ? AND " + liveCondition(), (rs, n) -> describe(rs), table.rowId(itemId))
        .stream().findFirst();
  }

  @Override
  public Map<String, String> export(String itemId) {
    return table.export(itemId);
  }

  @Override
  public Set<String> correctableFields(String itemId) {
    table.requireExists(itemId, table.rowId(itemId));
    return table.correctableFields();
  }

  @Override
  public Set<String> recordedOpinions(String itemId) {
    return table.recordedOpinions();
  }

  @Override
  public void correct(String itemId, String field, String newValue) {
    table.correct(itemId, field, newValue);
  }

  @Override
  public void restrict(String itemId, boolean restricted) {
    table.restrict(itemId, restricted);
  }

  @Override
  public void erase(String itemId) {
    table.erase(itemId);
  }

  @Override
  public void anonymise(String itemId) {
    table.anonymise(itemId);
  }

  private String select() {
    return "SELECT id, restricted, " + describeColumns + " FROM " + tableName + " WHERE ";
  }

  private PersonalDataItem describe(ResultSet rs) throws SQLException {
    return describe(rs, table.itemId(rs.getLong("id")), rs.getBoolean("restricted"));
  }
}
