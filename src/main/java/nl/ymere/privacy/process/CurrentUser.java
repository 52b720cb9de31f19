package nl.ymere.privacy.process;

import nl.ymere.privacy.web.ControlCharacters;
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

  /**
   * A form field as text, or null when absent or blank. A control character the field may not have (NUL, escape...;
   * line breaks and tabs only in multi-line free text, {@link ControlCharacters}) refuses the step with the Dutch
   * message naming the field: Tasklist and the engine API answer 400, nothing is stored (issue 14 finding 6).
   */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String problem = ControlCharacters.problem(name, value.toString());
    if (problem != null) {
      throw new RefusedStepException(problem);
    }
    return value.toString().strip();
  }

  private CurrentUser() {
  }
}
