package nl.ymere.privacy.request;

import java.util.List;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.IsoDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code data-subject-request} for the Tasklist start form ({@code forms/register-request.form}):
 * desk staff register a letter, call or e-mail with its real receipt date. The personal fields are moved into the
 * product's tables and removed from the process before the transaction commits (DESIGN principle 2); the business key
 * becomes the new reference. A start through the API already carries a reference and passes untouched.
 */
@Component("tasklistIntakeListener")
class TasklistIntakeListener implements ExecutionListener {

  static final List<String> PERSONAL_FIELDS = List.of("requesterName", "requesterEmail", "requesterPostalAddress",
      "requesterDateOfBirth", "subjectName", "subjectDateOfBirth", "description", "receivedAt");

  private final RequestRegistrationService registration;

  TasklistIntakeListener(RequestRegistrationService registration) {
    this.registration = registration;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (DataSubjectRequestProcess.Variables.REFERENCE.from(execution) != null) {
      return;
    }
    String intakeKind = CurrentUser.text(execution, "intakeKind");
    boolean child = DataSubjectRequestProcess.INTAKE_CHILD_OWN_REQUEST.equals(intakeKind);
    RegisterRequestCommand command;
    RequestRecord request;
    try {
      command = new RegisterRequestCommand(
          enumValue(RequestRight.class, CurrentUser.text(execution, "right")),
          CurrentUser.text(execution, "receivedAt") == null ? null
              : IsoDates.parseDateOrDateTime("receivedAt", CurrentUser.text(execution, "receivedAt")),
          enumValue(Channel.class, CurrentUser.text(execution, "channel")),
          new RegisterRequestCommand.Person(CurrentUser.text(execution, "requesterName"),
              CurrentUser.text(execution, "requesterEmail"), CurrentUser.text(execution, "requesterPostalAddress"),
              date(execution, "requesterDateOfBirth")),
          CurrentUser.text(execution, "subjectName") == null ? null
              : new RegisterRequestCommand.Person(CurrentUser.text(execution, "subjectName"), null, null,
                  date(execution, "subjectDateOfBirth")),
          enumValue(Representation.class, CurrentUser.text(execution, "representation")),
          CurrentUser.text(execution, "description"), "nl",
          enumValue(ObjectionScope.class, CurrentUser.text(execution, "objectionScope")));
      String user = CurrentUser.of(execution);
      request = child ? registration.registerChildOwnRequest(command, user, execution.getProcessInstanceId())
          : registration.registerForRunningStart(command, user, execution.getProcessInstanceId());
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Verzoek niet geregistreerd: " + describe(e));
    } finally {
      PERSONAL_FIELDS.forEach(execution::removeVariable);
      // the code goes back on the instance through processVariables, only for an objection that has it
      execution.removeVariable("objectionScope");
    }
    execution.setProcessBusinessKey(request.reference());
    execution.setVariables(registration.processVariables(request,
        child ? DataSubjectRequestProcess.INTAKE_CHILD_OWN_REQUEST : DataSubjectRequestProcess.INTAKE_REQUEST));
  }

  private static String describe(ApiProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.detail();
    }
    return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
  }

  private static java.time.LocalDate date(DelegateExecution execution, String field) {
    String text = CurrentUser.text(execution, field);
    return text == null ? null : IsoDates.parseDate(field, text.substring(0, Math.min(10, text.length())));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String code) {
    if (code == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      throw new nl.ymere.privacy.web.ApiValidationException(type.getSimpleName(), "unknown value " + code);
    }
  }
}
