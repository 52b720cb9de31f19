package nl.ymere.privacy.security;

import java.util.Set;
import nl.ymere.privacy.process.CurrentUser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced (DESIGN principles 6 and 9): the second step of a four-eyes pair carries an input parameter
 * {@code fourEyesFirstStep} naming the first step's role (e.g. {@code firstAssessor}). Who did that step is read from
 * the product's table ({@link FourEyesSteps}), never from a process variable or a form field. On {@code create} the
 * task is refused when the first step was never recorded (a start at this task, or a modification to it) and
 * revoked for every recorded user (hidden in Tasklist); on {@code assignment} and {@code complete} the listener
 * refuses those users, an unauthenticated caller, and (on complete) anyone the task is not assigned to.
 */
@Component("fourEyesTaskListener")
public class FourEyesTaskListener implements TaskListener {

  public static final String FIRST_STEP = "fourEyesFirstStep";

  private final AuthorizationService authorizationService;
  private final FourEyesSteps steps;

  FourEyesTaskListener(AuthorizationService authorizationService, FourEyesSteps steps) {
    this.authorizationService = authorizationService;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String role = role(task);
    Set<String> firstUsers = steps.firstStepUsers(task.getProcessInstanceId(), role);
    if (firstUsers.isEmpty()) {
      throw new FourEyesViolationException("Vier ogen: de eerste stap (" + role + ") van deze zaak is niet "
          + "vastgelegd, dus deze controle kan niet plaatsvinden.");
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> firstUsers.forEach(user -> hideFrom(task, user));
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null && firstUsers.contains(task.getAssignee())) {
          throw new FourEyesViolationException("Vier ogen: " + task.getAssignee() + " deed de eerste stap en mag "
              + "deze taak niet oppakken.");
        }
      }
      case EVENTNAME_COMPLETE -> {
        String current = CurrentUser.of(task);
        if (current == null) {
          throw new FourEyesViolationException("Vier ogen: deze taak kan alleen door een ingelogde gebruiker "
              + "worden afgerond.");
        }
        if (firstUsers.contains(current)) {
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

  private static String role(DelegateTask task) {
    Object role = task.getVariableLocal(FIRST_STEP);
    if (role == null) {
      role = task.getVariable(FIRST_STEP);
    }
    if (role == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " uses the four-eyes listener without "
          + "input parameter " + FIRST_STEP);
    }
    return role.toString();
  }
}
