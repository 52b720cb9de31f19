package nl.ymere.privacy.restriction;

import org.camunda.bpm.engine.ProcessEngineException;

/** A restriction choice the rules do not allow; the task stays open and nothing changes. Names references only. */
public class RestrictionRefusedException extends ProcessEngineException {

  public RestrictionRefusedException(String message) {
    super(message);
  }
}
