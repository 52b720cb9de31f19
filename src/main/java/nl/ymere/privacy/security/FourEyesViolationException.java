package nl.ymere.privacy.security;

import nl.ymere.privacy.process.RefusedStepException;

/** The same person tried to do both steps of a four-eyes pair, or nobody was logged in. */
public class FourEyesViolationException extends RefusedStepException {

  public FourEyesViolationException(String message) {
    super(Kind.NOT_ALLOWED, message);
  }
}
