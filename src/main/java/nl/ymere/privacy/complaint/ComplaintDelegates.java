package nl.ymere.privacy.complaint;

import static nl.ymere.privacy.complaint.ComplaintProcess.Variables.COMPLAINT_REFERENCE;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code privacy-complaint.bpmn}; bean names are the diagram's delegate expressions. */
@Configuration
class ComplaintDelegates {

  @Bean
  JavaDelegate sendComplaintAcknowledgementDelegate(ComplaintService complaints) {
    return execution -> complaints.acknowledge(COMPLAINT_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendComplaintAnswerDelegate(ComplaintService complaints) {
    return execution -> complaints.sendAnswer(COMPLAINT_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendComplaintReminderDelegate(ComplaintService complaints) {
    return execution -> complaints.remind(COMPLAINT_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate escalateComplaintDelegate(ComplaintService complaints) {
    return execution -> complaints.escalate(COMPLAINT_REFERENCE.required(execution));
  }
}
