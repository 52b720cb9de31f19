package nl.ymere.privacy.fraud;

import java.util.List;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiProblemException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code fraud-signal-assessment} for the Tasklist start form
 * ({@code forms/register-fraud-signal.form}): the signal's fields are moved into the product's tables and removed from
 * the process before the transaction commits (DESIGN principle 2, SEC-3); the business key becomes the signal
 * reference. A start through the API already carries a reference and passes untouched.
 */
@Component("fraudSignalIntakeListener")
class FraudSignalIntakeListener implements ExecutionListener {

  static final List<String> SIGNAL_FIELDS = List.of("source", "address", "tenancyReference", "tenantName",
      "description", "mainResidenceRegisteredElsewhere", "unknownOccupantsRegistered", "lowUtilityUsage",
      "subletAdvertisementFound", "independentReports", "reporterUserId");

  private final FraudSignalRegistrationService registration;

  FraudSignalIntakeListener(FraudSignalRegistrationService registration) {
    this.registration = registration;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (FraudSignalProcess.Variables.SIGNAL_REFERENCE.from(execution) != null) {
      return;
    }
    FraudSignal signal;
    try {
      RegisterFraudSignalCommand command = new RegisterFraudSignalCommand(
          source(CurrentUser.text(execution, "source")),
          CurrentUser.text(execution, "address"),
          CurrentUser.text(execution, "tenancyReference"),
          CurrentUser.text(execution, "tenantName"),
          CurrentUser.text(execution, "description"),
          new RegisterFraudSignalCommand.Indicators(bool(execution, "mainResidenceRegisteredElsewhere"),
              bool(execution, "unknownOccupantsRegistered"), bool(execution, "lowUtilityUsage"),
              bool(execution, "subletAdvertisementFound"), number(execution, "independentReports")),
          CurrentUser.text(execution, "reporterUserId"));
      signal = registration.registerForRunningStart(command, CurrentUser.of(execution),
          execution.getProcessInstanceId());
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Signaal niet geregistreerd: " + describe(e));
    } finally {
      SIGNAL_FIELDS.forEach(execution::removeVariable);
    }
    execution.setProcessBusinessKey(signal.reference());
    execution.setVariables(registration.processVariables(signal));
  }

  private static SignalSource source(String code) {
    if (code == null) {
      return null;
    }
    try {
      return SignalSource.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new nl.ymere.privacy.web.ApiValidationException("source", "unknown value");
    }
  }

  private static Boolean bool(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(value));
  }

  private static Integer number(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new nl.ymere.privacy.web.ApiValidationException("indicators.independentReports", "is not a number");
    }
  }

  private static String describe(ApiProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.detail();
    }
    return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
  }
}
