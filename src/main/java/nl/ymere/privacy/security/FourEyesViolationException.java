package nl.ymere.privacy.security;

import org.camunda.bpm.engine.ProcessEngineException;

/** The same person tried to do both steps of a four-eyes pair, or nobody was logged in. */
public class FourEyesViolationException extends ProcessEngineException {

  public FourEyesViolationException(String message) {
    super(message);
  }
}
