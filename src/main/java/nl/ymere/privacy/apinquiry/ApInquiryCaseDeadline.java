package nl.ymere.privacy.apinquiry;

import java.time.LocalDate;
import java.util.Optional;
import nl.ymere.privacy.process.CaseDeadline;
import org.springframework.stereotype.Component;

/** An AP inquiry is due on the date the AP gave, taken as given and never computed (CMP-4). */
@Component
class ApInquiryCaseDeadline implements CaseDeadline {

  private final ApInquiryRepository inquiries;

  ApInquiryCaseDeadline(ApInquiryRepository inquiries) {
    this.inquiries = inquiries;
  }

  @Override
  public String processKey() {
    return ApInquiryProcess.KEY;
  }

  @Override
  public Optional<LocalDate> dueDate(String reference) {
    return inquiries.find(reference).map(ApInquiry::apDeadline);
  }
}
