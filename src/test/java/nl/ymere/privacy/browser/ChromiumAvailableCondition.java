package nl.ymere.privacy.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only when Chromium and its driver are installed. Without them the tests are skipped with
 * the reason printed, except on CI ({@code CI=true}), where a missing browser fails them: CI must prove the
 * browser path ({@code .ci/run} installs both packages when missing).
 */
class ChromiumAvailableCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = HeadlessChromium.missingExecutables();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Chromium at " + HeadlessChromium.browserBinary()
          + ", driver at " + HeadlessChromium.driverBinary());
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true requires the browser test, but " + missing);
    }
    String skipped = "Browser test skipped: " + missing
        + " (apt-get install chromium chromium-driver, or set CI=true to make this fail)";
    System.out.println("[" + context.getDisplayName() + "] " + skipped);
    return ConditionEvaluationResult.disabled(skipped);
  }
}
