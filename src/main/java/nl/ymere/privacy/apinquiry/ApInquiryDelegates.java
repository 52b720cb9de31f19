package nl.ymere.privacy.apinquiry;

import static nl.ymere.privacy.apinquiry.ApInquiryProcess.Variables.INQUIRY_REFERENCE;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code ap-inquiry.bpmn}; bean names are the diagram's delegate expressions. */
@Configuration
class ApInquiryDelegates {

  @Bean
  JavaDelegate placeApInquiryHoldDelegate(ApInquiryService inquiries) {
    return execution -> inquiries.placeHolds(INQUIRY_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate escalateApInquiryDelegate(ApInquiryService inquiries) {
    return execution -> inquiries.escalate(INQUIRY_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate recordApInquiryAnswerDelegate(ApInquiryService inquiries) {
    return execution -> inquiries.recordAnswer(INQUIRY_REFERENCE.required(execution));
  }
}
