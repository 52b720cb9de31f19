package nl.ymere.privacy.security;

/** Production settings that must not reach a live system (see {@link ProductionSafetyCheck}). */
public class UnsafeProductionSettingsException extends RuntimeException {

  public UnsafeProductionSettingsException(String message) {
    super(message, null, false, false);
  }
}
