package nl.ymere.privacy.erasure;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A proposal or confirmation that breaks an erasure rule (ERA-2, ERA-4, RET-4). Thrown from a task listener, it rolls
 * the completion back, so nothing changes; the message names item references and dates only (SEC-3).
 */
public class ErasureRefusedException extends ProcessEngineException {

  ErasureRefusedException(String message) {
    super(message);
  }
}
