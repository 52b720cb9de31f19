package nl.ymere.privacy.process;

import nl.ymere.privacy.process.RefusedStepException.Kind;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Reading a completed task's form fields in a task listener, the way every capability does it. */
public final class TaskFields {

  /**
   * A free-text field ({@link CurrentUser#text}), removed from the task and the process before the transaction
   * commits: text written about a person stays out of the engine (DESIGN principle 2).
   */
  public static String take(DelegateTask task, String field) {
    String text = CurrentUser.text(task, field);
    task.removeVariable(field);
    task.getExecution().removeVariable(field);
    return text;
  }

  /** A checkbox: absent is false; anything but a boolean refuses the step with a Dutch message (400). */
  public static boolean flag(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    if (value != null && !(value instanceof Boolean)) {
      throw new RefusedStepException("Het veld '" + field + "' heeft een ongeldige waarde: verwacht ja of nee.");
    }
    return Boolean.TRUE.equals(value);
  }

  /** The logged-in user completing the task; a step nobody is logged in for is refused. */
  public static String user(DelegateTask task) {
    String user = CurrentUser.of(task);
    if (user == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Deze stap kan alleen door een ingelogde gebruiker worden "
          + "afgerond.");
    }
    return user;
  }

  private TaskFields() {
  }
}
