package nl.ymere.privacy.breach;

import static nl.ymere.privacy.breach.BreachProcess.Variables.REFERENCE;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ymere.privacy.breach.BreachCodes.DataCategory;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code data-breach} for the Tasklist start form ({@code forms/report-breach.form}, every staff
 * group, BRE-1): the facts go to {@code privacy.breach} and are removed from the process before the transaction
 * commits (DESIGN principle 2); the business key becomes the breach reference. A report that fails a check is
 * refused with the reasons and starts nothing. A start through {@link BreachIntake} already carries a reference and
 * is bound to its stored row; any other start that brings its own reference (engine REST) is refused.
 */
@Component("breachIntakeListener")
class BreachIntakeListener implements ExecutionListener {

  /** The start form's checkbox per data category. */
  static final Map<String, DataCategory> CATEGORY_FIELDS = new LinkedHashMap<>();

  static {
    CATEGORY_FIELDS.put("dataContact", DataCategory.CONTACT);
    CATEGORY_FIELDS.put("dataIdentification", DataCategory.IDENTIFICATION);
    CATEGORY_FIELDS.put("dataFinancial", DataCategory.FINANCIAL);
    CATEGORY_FIELDS.put("dataTenancy", DataCategory.TENANCY);
    CATEGORY_FIELDS.put("dataCommunication", DataCategory.COMMUNICATION);
    CATEGORY_FIELDS.put("dataLocation", DataCategory.LOCATION);
    CATEGORY_FIELDS.put("dataSpecialCategory", DataCategory.SPECIAL_CATEGORY);
    CATEGORY_FIELDS.put("dataCriminal", DataCategory.CRIMINAL);
  }

  static final List<String> FORM_FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of("description", "detectedAt", "systems", "personsEstimate",
        "recordsEstimate", "contained"));
    fields.addAll(CATEGORY_FIELDS.keySet());
    FORM_FIELDS = List.copyOf(fields);
  }

  private final BreachIntake intake;
  private final BreachRepository breaches;

  BreachIntakeListener(BreachIntake intake, BreachRepository breaches) {
    this.intake = intake;
    this.breaches = breaches;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (REFERENCE.from(execution) != null) {
      bindProductStart(execution);
      return;
    }
    Breach breach;
    try {
      List<String> categories = new ArrayList<>();
      CATEGORY_FIELDS.forEach((field, category) -> {
        if (Boolean.TRUE.equals(execution.getVariable(field))) {
          categories.add(category.name());
        }
      });
      BreachReport report = new BreachReport(CurrentUser.text(execution, "description"),
          dateTime(execution, "detectedAt"), CurrentUser.text(execution, "systems"), categories,
          number(execution, "personsEstimate"), number(execution, "recordsEstimate"),
          Boolean.TRUE.equals(execution.getVariable("contained")));
      breach = intake.store(report, CurrentUser.of(execution), BreachCodes.Channel.TASKLIST, null, null, null);
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Melding datalek geweigerd: " + describe(e));
    } finally {
      FORM_FIELDS.forEach(execution::removeVariable);
    }
    breaches.setProcessInstanceId(breach.id(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(breach.reference());
    REFERENCE.set(execution, breach.reference());
  }

  /**
   * A start by {@link BreachIntake}: the row was stored by the same user in this transaction and has no process yet.
   * Anything else that brings its own reference is refused (DESIGN principle 9).
   */
  private void bindProductStart(DelegateExecution execution) {
    String user = BreachIntake.reporter(CurrentUser.of(execution));
    Breach breach = breaches.findByReference(REFERENCE.from(execution))
        .filter(b -> b.processInstanceId() == null && b.reportedBy().equals(user))
        .orElseThrow(() -> new RefusedStepException("Melding datalek geweigerd: meld een datalek met het "
            + "startformulier of POST /api/breaches, niet met een eigen kenmerk."));
    // PRC-2: a processor that reported late gets a follow-up; the flag mirrors privacy.breach for the diagram
    if (Boolean.TRUE.equals(breach.processorReportLate())) {
      BreachProcess.Variables.PROCESSOR_REPORT_LATE.set(execution, true);
    }
  }

  static String describe(ApiProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.detail();
    }
    return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
  }

  /** A number field (Camunda Forms submit Long or Double); text that is no whole number is refused. */
  static Integer number(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new ApiValidationException(field, "must be a whole number");
      }
      return n.intValue();
    }
    try {
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new ApiValidationException(field, "must be a whole number");
    }
  }

  /**
   * A date-time from a form: with an offset as the form's datetime field sends it; without one it is read as
   * Europe/Amsterdam wall time.
   */
  static OffsetDateTime dateTime(DelegateExecution execution, String field) {
    String text = CurrentUser.text(execution, field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(BreachIntake.AMSTERDAM).toOffsetDateTime();
      } catch (DateTimeParseException e2) {
        throw new ApiValidationException(field, "must be a date-time (YYYY-MM-DDTHH:MM+01:00)");
      }
    }
  }
}
