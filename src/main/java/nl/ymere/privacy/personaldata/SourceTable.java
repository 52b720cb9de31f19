package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The mechanics one table of a demo source shares with the others: item ids ({@code <prefix>-<row id>}), export
 * of the listed columns, correction of the correctable ones, the processing block, deletion and the source's own
 * anonymisation statement. What a row means (category, purpose, basis, retention, flags) stays in each source.
 */
final class SourceTable {

  /** Correctable columns that hold a date (SQL DATE). */
  private static final Set<String> DATE_COLUMNS = Set.of("date_of_birth");

  private final JdbcTemplate jdbc;
  private final String system;
  private final String prefix;
  private final String table;
  private final Map<String, String> exportColumns;
  private final Map<String, String> correctableColumns;
  private final Set<String> recordedOpinions;
  private final String anonymiseAssignments;

  /**
   * @param exportColumns field name to column, in export order
   * @param correctableColumns field name to column for {@link #correct}
   * @param anonymiseAssignments the SET clause that strips everything identifying from a row
   */
  SourceTable(JdbcTemplate jdbc, String system, String prefix, String table, Map<String, String> exportColumns,
      Map<String, String> correctableColumns, String anonymiseAssignments) {
    this(jdbc, system, prefix, table, exportColumns, correctableColumns, Set.of(), anonymiseAssignments);
  }

  /**
   * @param recordedOpinions exported fields that record someone's opinion, assessment or observation (REC-1): a
   *     table that declares one correctable is a programming error and fails at start
   */
  SourceTable(JdbcTemplate jdbc, String system, String prefix, String table, Map<String, String> exportColumns,
      Map<String, String> correctableColumns, Set<String> recordedOpinions, String anonymiseAssignments) {
    if (!exportColumns.keySet().containsAll(recordedOpinions)) {
      throw new IllegalArgumentException("recorded opinions of " + system + " must be exported fields");
    }
    if (recordedOpinions.stream().anyMatch(correctableColumns::containsKey)) {
      throw new IllegalArgumentException("REC-1: a recorded opinion of " + system + " is declared correctable");
    }
    this.recordedOpinions = Set.copyOf(recordedOpinions);
    this.jdbc = jdbc;
    this.system = system;
    this.prefix = prefix;
    this.table = "privacy." + table;
    this.exportColumns = exportColumns;
    this.correctableColumns = correctableColumns;
    this.anonymiseAssignments = anonymiseAssignments;
  }

  /** Field names and columns, alternating, in export order. */
  static Map<String, String> columns(String... fieldsAndColumns) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndColumns.length; i += 2) {
      map.put(fieldsAndColumns[i], fieldsAndColumns[i + 1]);
    }
    return map;
  }

  String itemId(long id) {
    return prefix + "-" + id;
  }

  boolean owns(String itemId) {
    return itemId != null && itemId.startsWith(prefix + "-");
  }

  long rowId(String itemId) {
    if (!owns(itemId)) {
      throw new UnknownItemException(system, itemId);
    }
    try {
      return Long.parseLong(itemId.substring(prefix.length() + 1));
    } catch (NumberFormatException e) {
      throw new UnknownItemException(system, itemId);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    return jdbc.query(sql, mapper, args);
  }

  Map<String, String> export(String itemId) {
    String columns = String.join(", ", exportColumns.values());
    List<Map<String, String>> rows = jdbc.query("SELECT " + columns + " FROM " + table + " WHERE id = ?",
        (rs, n) -> {
          Map<String, String> fields = new LinkedHashMap<>();
          int column = 1;
          for (String field : exportColumns.keySet()) {
            String value = text(rs, column++);
            if (value != null) {
              fields.put(field, value);
            }
          }
          return fields;
        }, rowId(itemId));
    if (rows.isEmpty()) {
      throw new UnknownItemException(system, itemId);
    }
    return rows.get(0);
  }

  Set<String> correctableFields() {
    return correctableColumns.keySet();
  }

  Set<String> recordedOpinions() {
    return recordedOpinions;
  }

  void correct(String itemId, String field, String newValue) {
    long id = rowId(itemId);
    if (recordedOpinions.contains(field)) {
      requireExists(itemId, id);
      throw new RecordedOpinionException(system, itemId, field);
    }
    String column = correctableColumns.get(field);
    if (column == null) {
      requireExists(itemId, id);
      throw new FieldNotCorrectableException(system, itemId, field, correctableColumns.keySet());
    }
    Object value = newValue == null || newValue.isBlank() ? null : newValue.strip();
    if (value != null && DATE_COLUMNS.contains(column)) {
      try {
        value = java.sql.Date.valueOf(LocalDate.parse((String) value));
      } catch (DateTimeParseException e) {
        throw new PersonalDataException("field '" + field + "' takes a date (YYYY-MM-DD)");
      }
    }
    updateOrFail(itemId, "UPDATE " + table + " SET " + column + " = ? WHERE id = ?", value, id);
  }

  void restrict(String itemId, boolean restricted) {
    updateOrFail(itemId, "UPDATE " + table + " SET restricted = ? WHERE id = ?", restricted, rowId(itemId));
  }

  void erase(String itemId) {
    updateOrFail(itemId, "DELETE FROM " + table + " WHERE id = ?", rowId(itemId));
  }

  void anonymise(String itemId) {
    updateOrFail(itemId, "UPDATE " + table + " SET " + anonymiseAssignments + " WHERE id = ?", rowId(itemId));
  }

  void requireExists(String itemId, long id) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id);
    if (count == null || count == 0) {
      throw new UnknownItemException(system, itemId);
    }
  }

  private void updateOrFail(String itemId, String sql, Object... args) {
    if (jdbc.update(sql, args) == 0) {
      throw new UnknownItemException(system, itemId);
    }
  }

  /** A column as text the same way on H2 and PostgreSQL: dates ISO, amounts plain, time stamps with offset. */
  static String text(ResultSet rs, int column) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int type = meta.getColumnType(column);
    if (type == Types.DATE) {
      LocalDate date = rs.getObject(column, LocalDate.class);
      return date == null ? null : date.toString();
    }
    if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
      OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
      return at == null ? null : at.toInstant().toString();
    }
    if (type == Types.NUMERIC || type == Types.DECIMAL) {
      java.math.BigDecimal amount = rs.getBigDecimal(column);
      return amount == null ? null : amount.toPlainString();
    }
    return rs.getString(column);
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
