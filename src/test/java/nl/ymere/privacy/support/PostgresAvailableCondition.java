package nl.ymere.privacy.support;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests only when the test server answers. Without it they are skipped with the reason
 * printed, except on CI ({@code CI=true}), where a missing server fails the tests: CI must prove PostgreSQL.
 */
class PostgresAvailableCondition implements ExecutionCondition {

  private static volatile String unreachableReason;
  private static volatile boolean checked;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = unreachableReason();
    if (reason == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestServer.hostAndPort());
    }
    if (onCi()) {
      throw new IllegalStateException("CI=true requires PostgreSQL, but " + reason);
    }
    String skipped = "PostgreSQL tests skipped: " + reason + " (start it, or set CI=true to make this fail)";
    System.out.println("[" + context.getDisplayName() + "] " + skipped);
    return ConditionEvaluationResult.disabled(skipped);
  }

  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static synchronized String unreachableReason() {
    if (!checked) {
      unreachableReason = probe();
      checked = true;
    }
    return unreachableReason;
  }

  private static String probe() {
    try (Connection connection = PostgresTestServer.connectToServer()) {
      return connection.isValid(3) ? null : "no valid connection to " + PostgresTestServer.hostAndPort();
    } catch (SQLException e) {
      return "no PostgreSQL at " + PostgresTestServer.hostAndPort() + " (" + e.getMessage() + ")";
    }
  }
}
