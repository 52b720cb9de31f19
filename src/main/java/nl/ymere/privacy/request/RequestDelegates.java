package nl.ymere.privacy.request;

import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.IDENTITY_RESULT;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.NOTICE_KIND;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.OUTCOME;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.OVERDUE;
import static nl.ymere.privacy.request.DataSubjectRequestProcess.Variables.REFERENCE;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code data-subject-request.bpmn}: each reads typed variables, calls one method of
 * {@link RequestSteps} and writes typed outputs. Bean names are the diagram's {@code delegateExpression}s.
 */
@Configuration
class RequestDelegates {

  @Bean
  JavaDelegate sendAcknowledgementDelegate(RequestSteps steps) {
    return execution -> steps.sendAcknowledgement(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendChildReplyDelegate(RequestSteps steps) {
    return execution -> {
      steps.sendChildReply(REFERENCE.required(execution));
      OUTCOME.set(execution, Outcome.NOT_PROCESSABLE.name());
    };
  }

  @Bean
  JavaDelegate sendNotProcessableLetterDelegate(RequestSteps steps) {
    return execution -> {
      steps.sendNotProcessable(REFERENCE.required(execution), IDENTITY_RESULT.from(execution));
      OUTCOME.set(execution, Outcome.NOT_PROCESSABLE.name());
    };
  }

  /** The answer as drafted in the product's table; {@code outcome} mirrors what was sent, for the closing step. */
  @Bean
  JavaDelegate sendAnswerLetterDelegate(RequestSteps steps) {
    return execution -> OUTCOME.set(execution, steps.sendAnswer(REFERENCE.required(execution)).name());
  }

  @Bean
  JavaDelegate closeRequestDelegate(RequestSteps steps) {
    return execution -> steps.close(REFERENCE.required(execution), Outcome.valueOf(OUTCOME.required(execution)));
  }

  @Bean
  JavaDelegate deadlineNoticeDelegate(RequestSteps steps) {
    return execution -> steps.sendDeadlineNotice(REFERENCE.required(execution),
        DeadlineNoticeKind.valueOf(NOTICE_KIND.required(execution)));
  }

  @Bean
  JavaDelegate markOverdueDelegate(RequestSteps steps) {
    return execution -> {
      OVERDUE.set(execution, steps.markOverdue(REFERENCE.required(execution)));
    };
  }
}
