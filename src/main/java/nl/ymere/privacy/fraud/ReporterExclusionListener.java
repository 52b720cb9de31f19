package nl.ymere.privacy.fraud;

import static nl.ymere.privacy.fraud.FraudSignalProcess.Variables.SIGNAL_REFERENCE;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.security.FourEyesViolationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * ADM-2: the employee who reported a signal may assess it in neither step. On {@code create} the task is revoked
 * for the reporter (hidden in Tasklist); on {@code assignment} and {@code complete} the reporter is refused. Used on
 * both assessment tasks, beside the shared four-eyes listener on the second. The reporter is read from the signal's
 * row, not from the {@code signalReporter} variable that mirrors it (DESIGN principle 9); the assessment service
 * checks the same row again when it records an assessment.
 */
@Component("fraudReporterExclusionListener")
class ReporterExclusionListener implements TaskListener {

  private final AuthorizationService authorizationService;
  private final SystemActions systemActions;
  private final FraudSignalRepository signals;

  ReporterExclusionListener(AuthorizationService authorizationService, SystemActions systemActions,
      FraudSignalRepository signals) {
    this.authorizationService = authorizationService;
    this.systemActions = systemActions;
    this.signals = signals;
  }

  @Override
  public void notify(DelegateTask task) {
    String reporter = signals.reporterOf(SIGNAL_REFERENCE.required(task)).orElse(null);
    if (reporter == null) {
      return;
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> systemActions.run(() -> hideFrom(task, reporter));
      case EVENTNAME_ASSIGNMENT -> {
        if (reporter.equals(task.getAssignee())) {
          throw refused(reporter);
        }
      }
      case EVENTNAME_COMPLETE -> {
        if (reporter.equals(CurrentUser.of(task))) {
          throw refused(reporter);
        }
      }
      default -> {
      }
    }
  }

  private void hideFrom(DelegateTask task, String reporter) {
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(reporter);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.READ);
    revoke.removePermission(TaskPermissions.TASK_WORK);
    revoke.removePermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(revoke);
  }

  static FourEyesViolationException refused(String reporter) {
    return new FourEyesViolationException("Vier ogen: " + reporter + " meldde dit signaal en mag het niet "
        + "beoordelen (ADM-2).");
  }
}
