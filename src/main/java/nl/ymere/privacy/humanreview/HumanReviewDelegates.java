package nl.ymere.privacy.humanreview;

import static nl.ymere.privacy.process.TaskFields.take;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.DECISION;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.OUTCOME;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.PROPOSAL;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.PROPOSAL_CONFIRMED;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.PROPOSER;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.REFERENCE;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.REVIEWER;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.SIGNAL_REFERENCE;
import static nl.ymere.privacy.humanreview.HumanReviewProcess.Variables.VIEW_RECEIVED;

import nl.ymere.privacy.humanreview.HumanReviewProcess.Variables;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Thin delegates and task listeners of {@code dsr-human-review.bpmn}; each calls one {@link HumanReviewService}
 * method. Free-text form fields are taken out of the process before the service runs (SEC-3), also when it refuses.
 */
@Configuration
class HumanReviewDelegates {

  /** The desk's link to the decision concerned; the tenancy number is used for the check only, never kept. */
  @Bean
  TaskListener humanReviewLinkListener(HumanReviewService service) {
    return task -> {
      String tenancyNumber = take(task, Variables.FIELD_TENANCY_NUMBER);
      String signalReference = take(task, SIGNAL_REFERENCE.name());
      String signal = service.link(REFERENCE.required(task), signalReference, tenancyNumber, CurrentUser.of(task));
      SIGNAL_REFERENCE.set(task.getExecution(), signal);
    };
  }

  @Bean
  JavaDelegate inviteViewDelegate(HumanReviewService service) {
    return execution -> service.inviteView(REFERENCE.required(execution));
  }

  @Bean
  TaskListener humanReviewViewListener(HumanReviewService service) {
    return task -> {
      String view = take(task, Variables.FIELD_VIEW_TEXT);
      service.recordView(REFERENCE.required(task), view, CurrentUser.of(task));
      VIEW_RECEIVED.set(task.getExecution(), true);
    };
  }

  @Bean
  JavaDelegate recordNoViewDelegate(HumanReviewService service) {
    return execution -> {
      service.recordNoView(REFERENCE.required(execution));
      VIEW_RECEIVED.set(execution, false);
    };
  }

  /** ADM-6: the first reviewer's proposal; the proposer is the four-eyes first user of the confirmation. */
  @Bean
  TaskListener humanReviewProposalListener(HumanReviewService service, FourEyesSteps fourEyes) {
    return task -> {
      String reasons = take(task, Variables.FIELD_PROPOSAL_REASONS);
      String user = CurrentUser.of(task);
      service.propose(REFERENCE.required(task), PROPOSAL.from(task), reasons, user);
      fourEyes.recordFirstStep(task, PROPOSER, user);
    };
  }

  /** ADM-6: the second reviewer confirms or overturns; the new decision goes to the signal. */
  @Bean
  TaskListener humanReviewDecisionListener(HumanReviewService service) {
    return task -> {
      String reasons = take(task, Variables.FIELD_DECISION_REASONS);
      String user = CurrentUser.of(task);
      String decision = service.decide(REFERENCE.required(task), PROPOSAL_CONFIRMED.from(task), reasons, user);
      REVIEWER.set(task.getExecution(), user);
      DECISION.set(task.getExecution(), decision);
    };
  }

  @Bean
  JavaDelegate sendHumanReviewLetterDelegate(HumanReviewService service) {
    return execution -> OUTCOME.set(execution,
        service.sendLetter(REFERENCE.required(execution), CurrentUser.of(execution)).name());
  }

  /** The field's text, removed from the task and the process at once. */}
