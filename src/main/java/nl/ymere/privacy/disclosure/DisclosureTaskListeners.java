package nl.ymere.privacy.disclosure;

import static nl.ymere.privacy.process.TaskFields.take;
import static nl.ymere.privacy.process.TaskFields.flag;
import static nl.ymere.privacy.process.TaskFields.user;
import static nl.ymere.privacy.disclosure.DisclosureDemandProcess.Variables.DEMAND_REFERENCE;
import static nl.ymere.privacy.disclosure.DisclosureDemandProcess.Variables.DEMAND_VALID;
import static nl.ymere.privacy.disclosure.DisclosureDemandProcess.Variables.DISCLOSURE_APPROVED;
import static nl.ymere.privacy.disclosure.DisclosureDemandProcess.Variables.DISCLOSURE_SELECTOR;
import static nl.ymere.privacy.disclosure.DisclosureDemandProcess.Variables.NOTICE_DEFERRED;

import java.time.LocalDate;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the demand's user tasks: free text moves into the disclosure tables and leaves the process
 * (principle 2); the acting user is the engine authentication (principle 6).
 */
@Configuration
class DisclosureTaskListeners {

  @Bean
  TaskListener disclosureDemandCheckListener(DisclosureService demands) {
    return task -> {
      String note = take(task, "verificationNote");
      String reason = take(task, "demandRefusalReason");
      boolean valid = demands.check(DEMAND_REFERENCE.required(task), flag(task, "requesterVerified"), note,
          flag(task, "basisObliges"), flag(task, "withinBasis"), reason, user(task));
      DEMAND_VALID.set(task.getExecution(), valid);
    };
  }

  @Bean
  TaskListener disclosureSelectionListener(DisclosureService demands, FourEyesSteps fourEyes) {
    return task -> {
      String selection = take(task, "selectedItems");
      String ground = take(task, "deferralGround");
      LocalDate reviewOn = date(take(task, "deferralReviewOn"));
      boolean defer = flag(task, NOTICE_DEFERRED.name());
      String user = user(task);
      demands.select(DEMAND_REFERENCE.required(task), selection, defer, ground, reviewOn, user);
      NOTICE_DEFERRED.set(task.getExecution(), defer);
      fourEyes.recordFirstStep(task, DISCLOSURE_SELECTOR, user);
    };
  }

  @Bean
  TaskListener disclosureApprovalListener(DisclosureService demands) {
    return task -> {
      boolean approved = flag(task, DISCLOSURE_APPROVED.name());
      demands.decideApproval(DEMAND_REFERENCE.required(task), approved, user(task));
      DISCLOSURE_APPROVED.set(task.getExecution(), approved);
    };
  }

  @Bean
  TaskListener disclosureDeferralReviewListener(DisclosureService demands) {
    return task -> {
      boolean still = flag(task, "groundStillApplies");
      task.getExecution().removeVariable("groundStillApplies");
      LocalDate next = date(take(task, "nextDeferralReviewOn"));
      NOTICE_DEFERRED.set(task.getExecution(), demands.reviewDeferral(DEMAND_REFERENCE.required(task), still, next));
    };
  }

  /** A Camunda Forms date field ({@code YYYY-MM-DD}); a malformed one refuses the step. */
  static LocalDate date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new nl.ymere.privacy.process.RefusedStepException("De datum is ongeldig (verwacht JJJJ-MM-DD).");
    }
  }
}
