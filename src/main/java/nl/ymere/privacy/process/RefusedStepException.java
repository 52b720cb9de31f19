package nl.ymere.privacy.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The product refuses a step for a reason the user can read: bad input on a form ({@link Kind#INVALID_INPUT}) or a
 * rule that forbids this user or this moment ({@link Kind#NOT_ALLOWED}, e.g. four eyes). The message is Dutch and
 * written for the person at the screen; it never holds personal data (it may reach the engine's logs and job
 * messages, SEC-3). Thrown from listeners and delegates, the engine wraps it; the engine door
 * ({@code security.EngineDoor}) finds it in the cause chain and answers 400 or 403 with this message instead of a 500
 * with engine internals.
 */
public class RefusedStepException extends ProcessEngineException {

  public enum Kind {
    INVALID_INPUT, NOT_ALLOWED
  }

  private final Kind kind;

  public RefusedStepException(String message) {
    this(Kind.INVALID_INPUT, message);
  }

  public RefusedStepException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The refusal somewhere in the cause chain of an engine exception, or null. */
  public static RefusedStepException in(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RefusedStepException refused) {
        return refused;
      }
    }
    return null;
  }
}
