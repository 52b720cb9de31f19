package nl.ymere.privacy.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link UnsafeProductionSettingsException} into a one-line startup failure. */
public class UnsafeProductionSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<UnsafeProductionSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettingsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the environment variables named above (see README.md, 'Profiles and environment').", cause);
  }
}
