package nl.ymere.privacy.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of what operators ({@code camunda-admin}) did through the engine's own APIs that the product never does
 * itself (DESIGN principle 9, README "Security model"): who, when, which operation on which target, and the names of
 * variables it touched (never their values). Written in its own transaction before the operation runs, so a call
 * that fails afterwards stays recorded as an attempt. Table {@code privacy.operator_action}; readable by admins
 * through {@code GET /api/operator-actions}.
 */
@Component
public class OperatorActions {

  public record Entry(long id, java.time.Instant at, String userId, String operation, String target, String detail) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  OperatorActions(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  void record(String userId, String operation, String target, String detail) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO privacy.operator_action (at, user_id, operation, target, detail) VALUES (?, ?, ?, ?, ?)",
        Timestamp.from(clock.instant()), userId, operation, target, detail));
  }

  /** The newest entries first. */
  public List<Entry> latest(int limit) {
    return jdbc.query("SELECT id, at, user_id, operation, target, detail FROM privacy.operator_action ORDER BY id DESC "
        + "LIMIT ?", (rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
            rs.getString("user_id"), rs.getString("operation"), rs.getString("target"), rs.getString("detail")),
        limit);
  }
}
