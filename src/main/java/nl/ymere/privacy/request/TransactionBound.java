package nl.ymere.privacy.request;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value per Spring transaction: created on first use, kept while the transaction is suspended and resumed, handed
 * to {@code beforeCommit} when the transaction is about to commit, and dropped when it completes (commit or
 * rollback). Outside a transaction there is no value.
 *
 * @param <T> the value
 */
final class TransactionBound<T> {

  private final Supplier<T> factory;
  private final Consumer<T> beforeCommit;
  private final boolean actualTransactionOnly;

  /**
   * @param factory creates the value for a transaction
   * @param beforeCommit runs with the value right before the transaction commits (not on rollback)
   * @param actualTransactionOnly whether a synchronization scope without a database transaction (propagation
   *     SUPPORTS) has no value either
   */
  TransactionBound(Supplier<T> factory, Consumer<T> beforeCommit, boolean actualTransactionOnly) {
    this.factory = factory;
    this.beforeCommit = beforeCommit;
    this.actualTransactionOnly = actualTransactionOnly;
  }

  /** The current transaction's value, created and bound on first use; null outside a transaction. */
  @SuppressWarnings("unchecked")
  T current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || actualTransactionOnly && !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    T value = (T) TransactionSynchronizationManager.getResource(this);
    if (value != null) {
      return value;
    }
    T fresh = factory.get();
    TransactionSynchronizationManager.bindResource(this, fresh);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBound.this);
      }

      @Override
      public void resume() {
        TransactionSynchronizationManager.bindResource(TransactionBound.this, fresh);
      }

      @Override
      public void beforeCommit(boolean readOnly) {
        beforeCommit.accept(fresh);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBound.this);
      }
    });
    return fresh;
  }

  /** The current transaction's value if one was created; null otherwise. */
  @SuppressWarnings("unchecked")
  T existing() {
    return (T) TransactionSynchronizationManager.getResource(this);
  }
}
