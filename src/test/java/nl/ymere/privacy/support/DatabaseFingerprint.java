package nl.ymere.privacy.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a refused call must leave unchanged (issue 14: "nothing changed in product tables, engine tables and the
 * outbox"): the row count of every table in the product's schema and of the engine's runtime, history and repository
 * tables, and a digest of the rows whose content a forged call would change (variables, tasks, authorizations,
 * process instances). Compare two fingerprints with {@link #changesSince}.
 */
public final class DatabaseFingerprint {

  /** Tables whose content (not only their size) is digested, with the columns that matter. */
  private static final Map<String, String> DIGESTED = Map.of(
      "ACT_RU_VARIABLE", "ID_, NAME_, TEXT_, TEXT2_, LONG_, DOUBLE_, PROC_INST_ID_",
      "ACT_RU_TASK", "ID_, ASSIGNEE_, OWNER_, NAME_, DUE_DATE_, FOLLOW_UP_DATE_",
      "ACT_RU_AUTHORIZATION", "ID_, TYPE_, USER_ID_, GROUP_ID_, RESOURCE_ID_, PERMS_",
      "ACT_RU_EXECUTION", "ID_, BUSINESS_KEY_, ACT_ID_, IS_ACTIVE_, SUSPENSION_STATE_");
  /** Engine tables that change on reads or logins, or that the engine uses for its own bookkeeping. */
  private static final Set<String> IGNORED = Set.of("ACT_GE_PROPERTY", "ACT_ID_USER", "ACT_RU_METER_LOG",
      "ACT_HI_OP_LOG", "ACT_GE_SCHEMA_LOG", "FLYWAY_SCHEMA_HISTORY");

  private final Map<String, String> tables;

  private DatabaseFingerprint(Map<String, String> tables) {
    this.tables = tables;
  }

  public static DatabaseFingerprint of(DataSource dataSource) {
    Map<String, String> tables = new TreeMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          String table = rs.getString("TABLE_NAME");
          String upper = table.toUpperCase(Locale.ROOT);
          boolean product = schema != null && schema.equalsIgnoreCase("privacy");
          boolean engine = upper.startsWith("ACT_") && !upper.startsWith("ACT_ID_");
          if ((!product && !engine) || IGNORED.contains(upper)) {
            continue;
          }
          String qualified = (schema == null ? "" : schema + ".") + table;
          String key = (product ? "privacy." : "") + upper;
          tables.put(key, count(statement, qualified) + digest(statement, qualified, upper));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new DatabaseFingerprint(tables);
  }

  /** Tables whose count or digested content differs from this fingerprint, with both values. */
  public Map<String, String> changesSince(DatabaseFingerprint before) {
    Map<String, String> changes = new TreeMap<>();
    for (Map.Entry<String, String> entry : tables.entrySet()) {
      String earlier = before.tables.get(entry.getKey());
      if (!entry.getValue().equals(earlier)) {
        changes.put(entry.getKey(), earlier + " -> " + entry.getValue());
      }
    }
    return changes;
  }

  /** Changes since the earlier fingerprint, leaving out the named tables (e.g. {@code privacy.OPERATOR_ACTION}). */
  public Map<String, String> changesSince(DatabaseFingerprint before, String... expected) {
    Map<String, String> changes = changesSince(before);
    for (String table : expected) {
      changes.remove(table.toUpperCase(Locale.ROOT).replace("PRIVACY.", "privacy."));
    }
    return changes;
  }

  private static String count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1) + " rows";
    }
  }

  private static String digest(Statement statement, String table, String upper) throws SQLException {
    String columns = DIGESTED.get(upper);
    if (columns == null) {
      return "";
    }
    try (ResultSet rs = statement.executeQuery("SELECT " + columns + " FROM " + table + " ORDER BY ID_")) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= width; i++) {
          sha.update(String.valueOf(rs.getObject(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          sha.update((byte) 0);
        }
      }
      return ", digest " + HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
