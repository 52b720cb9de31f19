package nl.ymere.privacy.processor;

import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.AGREEMENT_REFERENCE;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.MISSING_ELEMENTS;
import static nl.ymere.privacy.processor.ProcessorAgreementProcess.Variables.PARTY_ROLE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.process.CurrentUser;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code processor-agreement.bpmn}, plus {@code guardedDisclosureDelegate} that every process
 * uses to send personal data to another party. Bean names are the diagrams' {@code delegateExpression}s.
 */
@Configuration
class ProcessorDelegates {

  /** Input parameters of a gate-guarded sending step ({@code guardedDisclosureDelegate}). */
  static final String SHARING_PARTY = "sharingParty";
  static final String SHARING_PURPOSE = "sharingPurpose";
  static final String SHARING_CATEGORIES = "sharingCategories";
  static final String DISCLOSURE_TEMPLATE = "disclosureTemplate";
  /** Set when the gate refused: the refusal reason code, for the privacy officers' task. */
  static final String SHARING_REFUSAL = "sharingRefusal";
  /** Input parameter of {@code terminateAgreementDelegate}: REVIEW or EXPIRY. */
  static final String TERMINATION_CAUSE = "terminationCause";
  /** Who approved (four eyes, second step), mirrored by the approval listener; the register reads the table. */
  static final String APPROVER = "agreementApprover";

  /** End listener of the role classification: the DMN's answer goes into the register. */
  @Bean
  ExecutionListener recordRoleListener(AgreementSteps steps) {
    return execution -> steps.recordRole(AGREEMENT_REFERENCE.required(execution),
        PartyRole.valueOf(PARTY_ROLE.required(execution)));
  }

  @Bean
  JavaDelegate sendBackDraftDelegate(AgreementSteps steps) {
    return execution -> steps.sendBack(AGREEMENT_REFERENCE.required(execution),
        AgreementSteps.parseCodes(MISSING_ELEMENTS.from(execution)));
  }

  @Bean
  JavaDelegate refuseTransferDelegate(AgreementSteps steps) {
    return execution -> steps.refuseTransfer(AGREEMENT_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate registerAgreementDelegate(AgreementSteps steps) {
    return execution -> steps.register(AGREEMENT_REFERENCE.required(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate sendReviewDueDelegate(AgreementSteps steps) {
    return execution -> steps.sendReviewDue(AGREEMENT_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendExpiryReminderDelegate(AgreementSteps steps) {
    return execution -> steps.sendExpiryReminder(AGREEMENT_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate terminateAgreementDelegate(AgreementSteps steps) {
    return execution -> steps.terminate(AGREEMENT_REFERENCE.required(execution),
        String.valueOf(execution.getVariable(TERMINATION_CAUSE)));
  }

  /**
   * A sending step of any process (Art 19 notifications, exchanges with partners): input parameters
   * {@code sharingParty}, {@code sharingPurpose}, {@code sharingCategories} (comma separated codes) and
   * {@code disclosureTemplate}; the business key is the reference. A refusal of the gate sends nothing and throws the
   * BPMN error {@code SHARING_REFUSED}, which a boundary event turns into a task for the privacy officers.
   */
  @Bean
  JavaDelegate guardedDisclosureDelegate(PartyDisclosures disclosures) {
    return execution -> {
      String party = String.valueOf(execution.getVariable(SHARING_PARTY));
      String purpose = String.valueOf(execution.getVariable(SHARING_PURPOSE));
      List<String> categories = Arrays.stream(String.valueOf(execution.getVariable(SHARING_CATEGORIES)).split(","))
          .map(String::strip).filter(code -> !code.isEmpty()).toList();
      try {
        disclosures.disclose(party, purpose, categories, execution.getProcessBusinessKey(),
            String.valueOf(execution.getVariable(DISCLOSURE_TEMPLATE)), Map.of(), CurrentUser.of(execution));
      } catch (SharingRefusedException e) {
        execution.getProcessInstance().setVariable(SHARING_REFUSAL, e.decision().reason().name());
        throw new BpmnError(ProcessorAgreementProcess.SHARING_REFUSED_ERROR, e.getMessage());
      }
    };
  }
}
