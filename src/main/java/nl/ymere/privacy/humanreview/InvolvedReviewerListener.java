package nl.ymere.privacy.humanreview;

import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.REFERENCE;

import java.util.Set;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * ADM-6: who was involved before in the decision under review (its reporter, who registered it, every earlier
 * assessor or reviewer: {@code FraudHumanReviewService.involvedUsers}) may take neither review task. On {@code create}
 * the task is revoked for them (hidden in Tasklist); on {@code assignment} and {@code complete} they are refused. Used
 * on both review tasks, beside the shared four-eyes listener on the second.
 */
@Component("humanReviewInvolvedListener")
class InvolvedReviewerListener implements TaskListener {

  private final HumanReviewService service;
  private final AuthorizationService authorizationService;
  private final SystemActions systemActions;

  InvolvedReviewerListener(HumanReviewService service, AuthorizationService authorizationService,
      SystemActions systemActions) {
    this.service = service;
    this.authorizationService = authorizationService;
    this.systemActions = systemActions;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = REFERENCE.required(task);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        Set<String> involved = service.involvedUsers(reference);
        systemActions.run(() -> involved.forEach(user -> hideFrom(task, user)));
      }
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          service.refuseInvolved(reference, task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> {
        String user = CurrentUser.of(task);
        if (user != null) {
          service.refuseInvolved(reference, user);
        }
      }
      default -> {
      }
    }
  }

  private void hideFrom(DelegateTask task, String user) {
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.READ);
    revoke.removePermission(TaskPermissions.TASK_WORK);
    revoke.removePermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(revoke);
  }
}
