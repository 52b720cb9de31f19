package nl.ymere.privacy.apinquiry;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the inquiry's timer and tasks from the stored inquiry ({@code ${apInquiryTimers.escalationAt(
 * inquiryReference)}}): the AP's own deadline, the working-day calendar of the deadline package (DL-4, DL-5).
 */
@Component("apInquiryTimers")
public class ApInquiryTimers {

  private final ApInquiryService inquiries;

  ApInquiryTimers(ApInquiryService inquiries) {
    this.inquiries = inquiries;
  }

  public Date escalationAt(String inquiryReference) {
    return inquiries.escalationAt(inquiryReference);
  }

  public Date dueAt(String inquiryReference) {
    return inquiries.dueAt(inquiryReference);
  }
}
