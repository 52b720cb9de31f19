package nl.ymere.privacy.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises an exception caused by a database that cannot be reached (no connection, connection lost: SQL state
 * class 08), however deep the engine or Spring wrapped it, for the API's 503 answer (issue 15 item 3).
 */
public final class DatabaseUnavailable {

  public static final int RETRY_AFTER_SECONDS = 30;
  public static final String TITLE = "Database tijdelijk niet beschikbaar";
  public static final String DETAIL = "De database is tijdelijk niet bereikbaar, dus het verzoek kon niet worden verwerkt. "
      + "Probeer het over " + RETRY_AFTER_SECONDS + " seconden opnieuw; stuur daarbij dezelfde Idempotency-Key mee, "
      + "dan wordt een verzoek nooit twee keer geregistreerd.";

  private DatabaseUnavailable() {
  }

  public static boolean causedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /** Exception types and messages of the chain, for one log line. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    Throwable cause = error;
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      text.append(depth > 0 ? " <- " : "").append(cause.getClass().getSimpleName());
      if (cause.getCause() == cause) {
        break;
      }
    }
    return text.toString();
  }
}
