package nl.ymere.privacy.request;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value per Spring transaction: created on first use, kept while the transaction is suspended and resumed, and
 * dropped when it completes (commit or rollback). Outside a transaction there is no value. {@code beforeSuspend}
 * runs before the transaction is suspended (for an inner REQUIRES_NEW transaction); {@code atCommit} runs right
 * before the transaction commits, and once more after it committed, for a value first used by another
 * synchronization during the commit (Spring calls a synchronization registered that late only from then on).
 * A rollback to a savepoint (PROPAGATION_NESTED) is not seen: nothing in the product uses nested transactions.
 *
 * @param <T> the value
 */
final class TransactionBound<T> {

  private final Supplier<T> factory;
  private final Consumer<T> beforeSuspend;
  private final Consumer<T> atCommit;
  private final boolean actualTransactionOnly;

  /**
   * @param factory creates the value for a transaction
   * @param beforeSuspend runs with the value before the transaction is suspended
   * @param atCommit runs with the value right before the transaction commits and again after it committed (never on
   *     rollback)
   * @param actualTransactionOnly whether a synchronization scope without a database transaction (propagation
   *     SUPPORTS) has no value either
   */
  TransactionBound(Supplier<T> factory, Consumer<T> beforeSuspend, Consumer<T> atCommit,
      boolean actualTransactionOnly) {
    this.factory = factory;
    this.beforeSuspend = beforeSuspend;
    this.atCommit = atCommit;
    this.actualTransactionOnly = actualTransactionOnly;
  }

  /** A value kept for reading only: nothing to do at suspend or commit. */
  static <T> TransactionBound<T> cache(Supplier<T> factory) {
    return new TransactionBound<>(factory, value -> { }, value -> { }, false);
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
        beforeSuspend.accept(fresh);
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBound.this);
      }

      @Override
      public void resume() {
        TransactionSynchronizationManager.bindResource(TransactionBound.this, fresh);
      }

      @Override
      public void beforeCommit(boolean readOnly) {
        atCommit.accept(fresh);
      }

      @Override
      public void afterCommit() {
        atCommit.accept(fresh);
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
