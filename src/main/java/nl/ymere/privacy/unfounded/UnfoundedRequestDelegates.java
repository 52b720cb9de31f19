package nl.ymere.privacy.unfounded;

import static nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Variables.DECISION;
import static nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Variables.FEE_PENDING;
import static nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Variables.OUTCOME;
import static nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Variables.REFERENCE;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.request.Outcome;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates and listeners of the REQ-3 part of {@code data-subject-request.bpmn}. */
@Configuration
class UnfoundedRequestDelegates {

  /** Create listener: Tasklist shows where the grounds are (the text itself stays out of the engine, SEC-3). */
  @Bean
  TaskListener unfoundedProposalDescriptionListener() {
    return task -> task.setDescription("Gronden van het voorstel: GET /api/requests/" + REFERENCE.required(task)
        + "/unfounded-proposal");
  }

  /** Complete listener: the officer's decision, recorded; FEE only when a fee is configured. */
  @Bean
  TaskListener unfoundedDecisionListener(UnfoundedRequestService service) {
    return task -> DECISION.set(task.getExecution(),
        service.decide(REFERENCE.required(task), DECISION.from(task), CurrentUser.of(task)).name());
  }

  @Bean
  JavaDelegate sendUnfoundedRefusalDelegate(UnfoundedRequestService service) {
    return execution -> {
      service.sendRefusal(REFERENCE.required(execution));
      OUTCOME.set(execution, Outcome.REFUSED.name());
    };
  }

  /** LET-4 first; the handling of the right waits at CatchEvent_NoFeePending while a fee is pending. */
  @Bean
  JavaDelegate sendFeeNoticeDelegate(UnfoundedRequestService service) {
    return execution -> {
      service.sendFeeNotice(REFERENCE.required(execution));
      FEE_PENDING.set(execution, true);
    };
  }

  /** Paid or narrowed: handling goes on (the gate opens on this variable change). */
  @Bean
  JavaDelegate feeSettledDelegate() {
    return execution -> FEE_PENDING.set(execution, false);
  }

  /** Withdrawn after the fee notice: outcome WITHDRAWN and the confirmation letter. */
  @Bean
  JavaDelegate requestWithdrawnDelegate(UnfoundedRequestService service) {
    return execution -> {
      service.confirmWithdrawal(REFERENCE.required(execution));
      OUTCOME.set(execution, Outcome.WITHDRAWN.name());
    };
  }
}
