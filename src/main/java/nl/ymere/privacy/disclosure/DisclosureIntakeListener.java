package nl.ymere.privacy.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.ymere.privacy.disclosure.DemandLegalBasis.RequesterKind;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code disclosure-demand} for the Tasklist start form ({@code forms/register-disclosure-demand.form},
 * privacy officers): a written demand registered by hand. The fields move into the disclosure tables and are removed
 * from the process before the transaction commits (DESIGN principle 2); the business key becomes the demand
 * reference. A start through the API already carries a reference and passes untouched.
 */
@Component("disclosureIntakeListener")
class DisclosureIntakeListener implements ExecutionListener {

  static final List<String> FIELDS = List.of("receivedOn", "requesterKind", "partyCode", "requesterContact",
      "replyEmail", "legalBasis", "legalBasisText", "subjectEmail", "subjectTenancyNumber", "requestedCategories",
      "demandText");

  private final DisclosureService demands;

  DisclosureIntakeListener(DisclosureService demands) {
    this.demands = demands;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (DisclosureDemandProcess.Variables.DEMAND_REFERENCE.from(execution) != null) {
      return;
    }
    DisclosureDemand demand;
    try {
      String categories = CurrentUser.text(execution, "requestedCategories");
      RegisterDemandCommand command = new RegisterDemandCommand(
          date(CurrentUser.text(execution, "receivedOn")),
          code(RequesterKind.class, "requesterKind", CurrentUser.text(execution, "requesterKind")),
          CurrentUser.text(execution, "partyCode"),
          CurrentUser.text(execution, "requesterContact"),
          CurrentUser.text(execution, "replyEmail"),
          code(DemandLegalBasis.class, "legalBasis", CurrentUser.text(execution, "legalBasis")),
          CurrentUser.text(execution, "legalBasisText"),
          new RegisterDemandCommand.Subject(CurrentUser.text(execution, "subjectEmail"),
              CurrentUser.text(execution, "subjectTenancyNumber")),
          categories == null ? List.of() : Arrays.stream(categories.split("[\\r\\n,;]+")).map(String::strip)
              .filter(s -> !s.isEmpty()).toList(),
          CurrentUser.text(execution, "demandText"));
      demand = demands.store(command, CurrentUser.of(execution));
      demands.setProcessInstanceId(demand.reference(), execution.getProcessInstanceId());
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Vordering niet geregistreerd: " + describe(e));
    } finally {
      FIELDS.forEach(execution::removeVariable);
    }
    execution.setProcessBusinessKey(demand.reference());
    DisclosureDemandProcess.Variables.DEMAND_REFERENCE.set(execution, demand.reference());
  }

  /** An enum code of the form; {@code NONE} or empty is no value (a demand without a named basis is refused later). */
  private static <E extends Enum<E>> E code(Class<E> type, String field, String value) {
    if (value == null || "NONE".equals(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new ApiValidationException(field, "unknown value");
    }
  }

  private static LocalDate date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new ApiValidationException("receivedOn", "is not a date (YYYY-MM-DD)");
    }
  }

  private static String describe(ApiProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.detail();
    }
    return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
  }
}
