package nl.ymere.privacy.processor;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code processor-agreement} for the Tasklist start form
 * ({@code forms/register-processor-agreement.form}): the party's details and free text go into the register and are
 * removed from the process before the transaction commits (DESIGN principle 2); the business key becomes the new
 * agreement reference. A start through the API already carries a reference and passes untouched.
 */
@Component("agreementIntakeListener")
class TasklistAgreementIntakeListener implements ExecutionListener {

  static final List<String> FORM_FIELDS = List.of("partyCode", "partyName", "partyEmail", "service", "dataSubjects",
      "purposes", "dataCategories", "processingCountry", "expiresOn");

  private final AgreementIntake intake;

  TasklistAgreementIntakeListener(AgreementIntake intake) {
    this.intake = intake;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String presetReference = ProcessorAgreementProcess.Variables.AGREEMENT_REFERENCE.from(execution);
    if (presetReference != null) {
      AgreementRecord started;
      try {
        started = intake.acceptApiStart(presetReference, CurrentUser.of(execution));
      } catch (ApiValidationException e) {
        throw new RefusedStepException("Partij niet geregistreerd: " + e.errors().stream()
            .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
      }
      ProcessorAgreementProcess.Variables.TRANSFER_ZONE.set(execution, started.transferZone().name());
      return;
    }
    RegisterAgreementCommand command;
    AgreementRecord agreement;
    try {
      String expires = CurrentUser.text(execution, "expiresOn");
      command = new RegisterAgreementCommand(
          upper(CurrentUser.text(execution, "partyCode")), CurrentUser.text(execution, "partyName"),
          CurrentUser.text(execution, "partyEmail"), CurrentUser.text(execution, "service"),
          CurrentUser.text(execution, "dataSubjects"), codes(CurrentUser.text(execution, "purposes")),
          codes(CurrentUser.text(execution, "dataCategories")), upper(CurrentUser.text(execution, "processingCountry")),
          expires == null ? null : LocalDate.parse(expires.substring(0, Math.min(10, expires.length()))),
          bool(execution, "actsOnInstructions"), bool(execution, "decidesPurposesAndMeans"),
          bool(execution, "jointlyDetermines"), bool(execution, "publicOrPartnerBody"));
      agreement = intake.register(command, CurrentUser.of(execution), execution.getProcessInstanceId());
    } catch (ApiValidationException e) {
      throw new RefusedStepException("Partij niet geregistreerd: " + e.errors().stream()
          .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
    } catch (java.time.DateTimeException e) {
      throw new RefusedStepException("Partij niet geregistreerd: expiresOn is geen datum (JJJJ-MM-DD)");
    } finally {
      FORM_FIELDS.forEach(execution::removeVariable);
    }
    execution.setProcessBusinessKey(agreement.reference());
    execution.setVariables(intake.processVariables(agreement, command));
  }

  private static List<String> codes(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank())
        .map(s -> s.toUpperCase(Locale.ROOT)).toList();
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  private static Boolean bool(DelegateExecution execution, String name) {
    return Boolean.TRUE.equals(execution.getVariable(name));
  }
}
