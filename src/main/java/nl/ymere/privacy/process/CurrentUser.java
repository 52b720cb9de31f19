package nl.ymere.privacy.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The engine's authenticated user inside delegates and listeners (set by Tasklist, /engine-rest and /api). */
public final class CurrentUser {

  public static String of(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  public static String of(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** A form field as text, or null when absent or blank. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private CurrentUser() {
  }
}
