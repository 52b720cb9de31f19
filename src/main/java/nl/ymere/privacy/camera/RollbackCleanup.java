package nl.ymere.privacy.camera;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Undoes a side effect outside the database (a copied file) when the transaction that recorded it rolls back, so a
 * file never outlives its log row (issue 15 item 5: a footage export copied inside the engine's transaction left a
 * copy without its CAM-8 log row when that transaction failed).
 */
final class RollbackCleanup {

  private static final Logger log = LoggerFactory.getLogger(RollbackCleanup.class);

  private RollbackCleanup() {
  }

  /** Runs {@code undo} after the current transaction rolled back; without a transaction there is nothing to undo. */
  static void onRollback(Runnable undo) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status == STATUS_ROLLED_BACK) {
          try {
            undo.run();
          } catch (RuntimeException e) {
            log.error("Could not undo a side effect of a rolled-back transaction", e);
          }
        }
      }
    });
  }
}
