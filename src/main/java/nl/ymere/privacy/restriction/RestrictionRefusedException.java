package nl.ymere.privacy.restriction;

import nl.ymere.privacy.process.RefusedStepException;

/**
 * A restriction choice the rules do not allow; the task stays open and nothing changes. Names references only. A
 * refused step of kind INVALID_INPUT: through Tasklist or the engine API it answers 400 with this Dutch message, not
 * 500 with engine internals (issue 15 item 11).
 */
public class RestrictionRefusedException extends RefusedStepException {

  public RestrictionRefusedException(String message) {
    super(message);
  }
}
