package nl.ymere.privacy.personaldata;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code privacy.personal_data_access_log}: every read of a special-category or criminal-law item, granted or
 * refused (SEC-1: user, record, purpose, time). Written in a transaction of its own, so a refusal that throws, or a
 * caller's step that rolls back after reading, still leaves its row.
 */
@Repository
class AccessLog {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  void record(DataReader reader, ItemRef item, AccessPurpose purpose, boolean granted) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO privacy.personal_data_access_log (user_id, source_system, item_id, purpose, granted, accessed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)",
        reader.userId(), item.system(), item.itemId(), purpose.name(), granted, Timestamp.from(clock.instant())));
  }
}
