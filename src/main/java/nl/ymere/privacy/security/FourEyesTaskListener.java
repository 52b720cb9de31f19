package nl.ymere.privacy.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced (DESIGN principle 6): the second step of a four-eyes pair carries an input parameter
 * {@code fourEyesFirstUserVariable} naming the process variable that holds the first step's completer (recorded
 * from the authenticated user, never a form field). On {@code create} the task is revoked for that user (hidden in
 * Tasklist); on {@code assignment} and {@code complete} the listener refuses that user, an unauthenticated caller,
 * and (on complete) anyone the task is not assigned to.
 */
@Component("fourEyesTaskListener")
public class FourEyesTaskListener implements TaskListener {

  public static final String FIRST_USER_VARIABLE = "fourEyesFirstUserVariable";

  private final AuthorizationService authorizationService;

  FourEyesTaskListener(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void notify(DelegateTask task) {
    String firstUser = firstUser(task);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> hideFrom(task, firstUser);
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null && task.getAssignee().equals(firstUser)) {
          throw new FourEyesViolationException("Vier ogen: " + firstUser + " deed de eerste stap en mag deze taak "
              + "niet oppakken.");
        }
      }
      case EVENTNAME_COMPLETE -> {
        String current = currentUser(task);
        if (current == null) {
          throw new FourEyesViolationException("Vier ogen: deze taak kan alleen door een ingelogde gebruiker "
              + "worden afgerond.");
        }
        if (current.equals(firstUser)) {
          throw new FourEyesViolationException("Vier ogen: " + current + " deed de eerste stap en mag deze taak "
              + "niet afronden.");
        }
        if (!current.equals(task.getAssignee())) {
          throw new FourEyesViolationException("Vier ogen: neem de taak eerst zelf op voordat u haar afrondt.");
        }
      }
      default -> {
      }
    }
  }

  private void hideFrom(DelegateTask task, String firstUser) {
    if (firstUser == null) {
      return;
    }
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(firstUser);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    // A revoke starts with every permission kept; removing one revokes it.
    revoke.removePermission(Permissions.READ);
    revoke.removePermission(TaskPermissions.TASK_WORK);
    revoke.removePermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(revoke);
  }

  private static String firstUser(DelegateTask task) {
    Object variableName = task.getVariableLocal(FIRST_USER_VARIABLE);
    if (variableName == null) {
      variableName = task.getVariable(FIRST_USER_VARIABLE);
    }
    if (variableName == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " uses the four-eyes listener without "
          + "input parameter " + FIRST_USER_VARIABLE);
    }
    Object firstUser = task.getVariable(variableName.toString());
    return firstUser == null ? null : firstUser.toString();
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
