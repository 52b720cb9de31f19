package nl.ymere.privacy.apinquiry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code ap-inquiry} for the Tasklist start form ({@code forms/register-ap-inquiry.form}): a letter
 * of the AP registered by a privacy officer with the AP's own deadline. The fields move into the inquiry tables and
 * are removed from the process before the transaction commits (DESIGN principle 2); the business key becomes the
 * inquiry reference. A start through the API already carries a reference and passes untouched.
 */
@Component("apInquiryIntakeListener")
class ApInquiryIntakeListener implements ExecutionListener {

  static final List<String> FIELDS = List.of("inquiryKind", "apCaseNumber", "receivedOn", "apDeadline", "description",
      "scopeItems");

  private final ApInquiryService inquiries;

  ApInquiryIntakeListener(ApInquiryService inquiries) {
    this.inquiries = inquiries;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (ApInquiryProcess.Variables.INQUIRY_REFERENCE.from(execution) != null) {
      return;
    }
    ApInquiry inquiry;
    try {
      String scope = CurrentUser.text(execution, "scopeItems");
      RegisterApInquiryCommand command = new RegisterApInquiryCommand(
          kind(CurrentUser.text(execution, "inquiryKind")),
          CurrentUser.text(execution, "apCaseNumber"),
          date("receivedOn", CurrentUser.text(execution, "receivedOn")),
          date("apDeadline", CurrentUser.text(execution, "apDeadline")),
          CurrentUser.text(execution, "description"),
          scope == null ? List.of() : Arrays.stream(scope.split("[\\r\\n,;]+")).map(String::strip)
              .filter(s -> !s.isEmpty()).toList());
      inquiry = inquiries.store(command, CurrentUser.of(execution));
      inquiries.setProcessInstanceId(inquiry.reference(), execution.getProcessInstanceId());
    } catch (ApiProblemException e) {
      throw new RefusedStepException("AP-onderzoek niet geregistreerd: " + describe(e));
    } finally {
      FIELDS.forEach(execution::removeVariable);
    }
    execution.setProcessBusinessKey(inquiry.reference());
    ApInquiryProcess.Variables.INQUIRY_REFERENCE.set(execution, inquiry.reference());
  }

  private static ApInquiryKind kind(String code) {
    if (code == null) {
      return null;
    }
    try {
      return ApInquiryKind.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new ApiValidationException("kind", "unknown value");
    }
  }

  /** A Camunda Forms date field: {@code YYYY-MM-DD} (a date-time's date part is taken as is). */
  private static LocalDate date(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new ApiValidationException(field, "is not a date (YYYY-MM-DD)");
    }
  }

  private static String describe(ApiProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.detail();
    }
    return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
  }
}
