package nl.ymere.privacy.portability;

import static nl.ymere.privacy.portability.PortabilityProcess.Variables.ADDRESS_VERIFIED;
import static nl.ymere.privacy.portability.PortabilityProcess.Variables.DELIVERY_ROUTE;
import static nl.ymere.privacy.portability.PortabilityProcess.Variables.DIRECT_TRANSFER;
import static nl.ymere.privacy.portability.PortabilityProcess.Variables.EXPORT_APPROVED;
import static nl.ymere.privacy.portability.PortabilityProcess.Variables.EXPORT_FORMAT;
import static nl.ymere.privacy.portability.PortabilityProcess.Variables.OUTCOME;
import static nl.ymere.privacy.portability.PortabilityProcess.Variables.REFERENCE;
import static nl.ymere.privacy.portability.PortabilityProcess.Variables.TRANSFER_FEASIBLE;

import nl.ymere.privacy.portability.PortabilityProcess.Variables;
import nl.ymere.privacy.process.CurrentUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Thin delegates and task listeners of {@code dsr-portability.bpmn}; each calls one {@link PortabilityService}
 * method. Free text from forms (tenancy number, organisation, address) goes to the product tables and is removed from
 * the process before the transaction commits (SEC-3, DESIGN principle 2).
 */
@Configuration
class PortabilityDelegates {

  @Bean
  TaskListener portabilitySearchListener(PortabilityService service) {
    return task -> {
      String tenancyNumber = CurrentUser.text(task, Variables.FIELD_TENANCY_NUMBER);
      task.getExecution().removeVariable(Variables.FIELD_TENANCY_NUMBER);
      String format = EXPORT_FORMAT.from(task);
      service.confirmSearch(REFERENCE.required(task), tenancyNumber, format, DELIVERY_ROUTE.from(task),
          DIRECT_TRANSFER.from(task), CurrentUser.of(task));
      if (format == null) {
        EXPORT_FORMAT.set(task.getExecution(), ExportFormat.JSON.name());
      }
      if (DIRECT_TRANSFER.from(task) == null) {
        DIRECT_TRANSFER.set(task.getExecution(), false);
      }
    };
  }

  @Bean
  JavaDelegate selectPortableItemsDelegate(PortabilityService service) {
    return execution -> {
      PortabilityService.Selection selection = service.selectItems(REFERENCE.required(execution));
      execution.setVariable(Variables.PORTABLE_COUNT, selection.portable());
      execution.setVariable(Variables.EXCLUDED_COUNT, selection.excluded());
    };
  }

  @Bean
  JavaDelegate compilePortabilityExportDelegate(PortabilityService service) {
    return execution -> service.compileExport(REFERENCE.required(execution));
  }

  /** Create listener of the review: the counts and categories as the task description (no content). */
  @Bean
  TaskListener portabilityReviewDescriptionListener(PortabilityService service) {
    return task -> task.setDescription(service.summary(REFERENCE.required(task)));
  }

  @Bean
  TaskListener portabilityReviewListener(PortabilityService service) {
    return task -> service.review(REFERENCE.required(task), EXPORT_APPROVED.from(task), CurrentUser.of(task));
  }

  @Bean
  TaskListener portabilityTransferListener(PortabilityService service) {
    return task -> {
      String organisation = CurrentUser.text(task, Variables.FIELD_ORGANISATION);
      String address = CurrentUser.text(task, Variables.FIELD_ADDRESS);
      task.getExecution().removeVariable(Variables.FIELD_ORGANISATION);
      task.getExecution().removeVariable(Variables.FIELD_ADDRESS);
      service.recordTransfer(REFERENCE.required(task), organisation, address, ADDRESS_VERIFIED.from(task),
          TRANSFER_FEASIBLE.from(task), CurrentUser.of(task));
    };
  }

  @Bean
  JavaDelegate sendPortabilityLetterDelegate(PortabilityService service) {
    return execution -> OUTCOME.set(execution, service.sendLetter(REFERENCE.required(execution)).name());
  }

  @Bean
  JavaDelegate explainAnswerAsAccessDelegate(PortabilityService service) {
    return execution -> service.explainAnswerAsAccess(REFERENCE.required(execution));
  }
}
