package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One-time upgrade for databases that ran an earlier version: the first steps of four-eyes pairs that were still
 * open were known only from their mirror variables. They are copied once into {@code privacy.four_eyes_step}
 * (V20), so second steps created before the upgrade can still be completed. From this version on the product records
 * each first step when it happens and never reads the variable (DESIGN principles 6 and 9). On a new database the
 * engine's tables do not exist yet when Flyway runs, and there is nothing to copy.
 */
public class V21__FourEyesBackfill extends BaseJavaMigration {

  /** The roles of the four-eyes pairs in the diagrams as they were when V20 was written. */
  private static final String ROLES = "'firstAssessor', 'answerDrafter', 'unfoundedProposer', 'agreementPreparer', "
      + "'accessReviewer', 'erasureProposer', 'reviewProposer', 'objectionWeigher', 'rectificationApplier', "
      + "'restrictionRefusalDrafter', 'lawfulnessChecker', 'requester'";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String variables = engineTable(connection, "ACT_RU_VARIABLE");
    String executions = engineTable(connection, "ACT_RU_EXECUTION");
    if (variables == null || executions == null) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO privacy.four_eyes_step (process_instance_id, case_reference, role, "
          + "user_id, recorded_at) SELECT v.PROC_INST_ID_, e.BUSINESS_KEY_, v.NAME_, v.TEXT_, CURRENT_TIMESTAMP "
          + "FROM " + variables + " v JOIN " + executions + " e ON e.ID_ = v.PROC_INST_ID_ "
          + "WHERE v.NAME_ IN (" + ROLES + ") AND v.TEXT_ IS NOT NULL");
    }
  }

  /** The engine's table as the database names it (schema-qualified), or null when it does not exist. */
  private static String engineTable(Connection connection, String name) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String candidate : new String[] {name, name.toLowerCase()}) {
      try (ResultSet rs = meta.getTables(null, null, candidate, new String[] {"TABLE"})) {
        if (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          return (schema == null ? "" : schema + ".") + rs.getString("TABLE_NAME");
        }
      }
    }
    return null;
  }
}
