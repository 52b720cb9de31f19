package nl.ymere.privacy.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint as the desk, the handler and the approving privacy officer see it beside their task (DESIGN principle
 * 10, issue 19): the complaint and complainant, the request it is about, what the triage linked, the draft answer
 * with its outcome, and every step with who did it (so the approver sees who drafted). Read from the product's tables
 * at view time; the caller has already found the task with the viewer's own engine authorizations.
 */
@Service
public class ComplaintCases {

  public record ComplaintCase(String reference, String status, String channel, LocalDate receivedOn,
      LocalDate dueDate, String complainantName, String complainantEmail, String complainantAddress,
      String description, String aboutRequestReference, String outcome, boolean dataErasedAtRequest,
      String answerText, String draftedBy, String approvedBy, List<ComplaintService.ComplaintLink> links,
      List<ComplaintService.ComplaintEvent> events) {
  }

  private final ComplaintService complaints;

  ComplaintCases(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Transactional(readOnly = true)
  public Optional<ComplaintCase> find(String reference) {
    return complaints.find(reference).map(c -> new ComplaintCase(c.reference(), c.status().name(),
        c.channel().name(), c.receivedOn(), c.dueDate(), c.complainantName(), c.complainantEmail(),
        c.complainantAddress(), c.description(), c.aboutRequestReference(),
        c.outcome() == null ? null : c.outcome().name(), c.dataErasedAtRequest(), c.answerText(), c.draftedBy(),
        c.approvedBy(), complaints.links(c), complaints.events(c)));
  }
}
