package nl.ymere.privacy.complaint;

import java.util.List;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.ApiValidationException;
import nl.ymere.privacy.web.IsoDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code privacy-complaint} for the Tasklist start form ({@code forms/register-complaint.form}): a
 * complaint by letter or phone with its real receipt date (DL-1). The fields are moved into the complaint tables and
 * removed from the process before the transaction commits (DESIGN principle 2); the business key becomes the
 * complaint reference. A start through the API already carries a reference and passes untouched.
 */
@Component("complaintIntakeListener")
class ComplaintIntakeListener implements ExecutionListener {

  static final List<String> FIELDS = List.of("receivedAt", "channel", "complainantName", "complainantEmail",
      "complainantPostalAddress", "description", "aboutRequestReference");

  private final ComplaintService complaints;

  ComplaintIntakeListener(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (ComplaintProcess.Variables.COMPLAINT_REFERENCE.from(execution) != null) {
      return;
    }
    Complaint complaint;
    try {
      String received = CurrentUser.text(execution, "receivedAt");
      RegisterComplaintCommand command = new RegisterComplaintCommand(
          received == null ? null : IsoDates.parseDateOrDateTime("receivedAt", received),
          channel(CurrentUser.text(execution, "channel")),
          new RegisterComplaintCommand.Complainant(CurrentUser.text(execution, "complainantName"),
              CurrentUser.text(execution, "complainantEmail"),
              CurrentUser.text(execution, "complainantPostalAddress")),
          CurrentUser.text(execution, "description"),
          CurrentUser.text(execution, "aboutRequestReference"));
      complaint = complaints.store(command, CurrentUser.of(execution));
      complaints.setProcessInstanceId(complaint.reference(), execution.getProcessInstanceId());
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Klacht niet geregistreerd: " + describe(e));
    } finally {
      FIELDS.forEach(execution::removeVariable);
    }
    execution.setProcessBusinessKey(complaint.reference());
    ComplaintProcess.Variables.COMPLAINT_REFERENCE.set(execution, complaint.reference());
  }

  private static Channel channel(String code) {
    if (code == null) {
      return null;
    }
    try {
      return Channel.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new ApiValidationException("channel", "unknown value");
    }
  }

  private static String describe(ApiProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.detail();
    }
    return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
  }
}
