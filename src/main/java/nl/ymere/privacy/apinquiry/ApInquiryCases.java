package nl.ymere.privacy.apinquiry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An AP inquiry as the drafting officer, the advising FG and the approver see it beside their task (DESIGN principle
 * 10, issue 19 item 2): what the AP asks and by when, the scope with its legal holds, the draft answer, the FG's
 * advice and who did each step (so the approver sees the first pair of eyes). Read from the product's tables at view
 * time; the caller has already found the task with the viewer's own engine authorizations.
 */
@Service
public class ApInquiryCases {

  public record ApInquiryCase(String reference, String status, String kind, String apCaseNumber, LocalDate receivedOn,
      LocalDate apDeadline, String description, List<ApInquiryService.ScopeEntry> scope, String answerText,
      String draftedBy, String fgAdvice, String fgAdviceNote, String fgAdvisedBy, String approvedBy,
      List<ApInquiryService.InquiryEvent> events) {
  }

  private final ApInquiryService inquiries;
  private final ApInquiryRepository repository;

  ApInquiryCases(ApInquiryService inquiries, ApInquiryRepository repository) {
    this.inquiries = inquiries;
    this.repository = repository;
  }

  @Transactional(readOnly = true)
  public Optional<ApInquiryCase> find(String reference) {
    return inquiries.find(reference).map(i -> new ApInquiryCase(i.reference(), i.status().name(), i.kind().name(),
        i.apCaseNumber(), i.receivedOn(), i.apDeadline(), i.topic(), inquiries.scope(i), i.answerText(),
        i.draftedBy(), i.fgAdvice(), repository.fgAdviceNote(i.id()), i.fgAdvisedBy(), i.approvedBy(),
        inquiries.events(i)));
  }
}
