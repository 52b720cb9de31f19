package nl.ymere.privacy.erasure;

import nl.ymere.privacy.process.RefusedStepException;

/**
 * A proposal or confirmation that breaks an erasure rule (ERA-2, ERA-4, RET-4). Thrown from a task listener, it rolls
 * the completion back, so nothing changes; the message names item references and dates only (SEC-3).
 * A {@link RefusedStepException} of kind INVALID_INPUT (issue 15 item 11): through Tasklist or the engine API it
 * answers 400 with this Dutch message, not 500 with engine internals.
 */
public class ErasureRefusedException extends RefusedStepException {

  ErasureRefusedException(String message) {
    super(message);
  }
}
