package nl.ymere.privacy.complaint;

import java.time.LocalDate;
import java.util.Optional;
import nl.ymere.privacy.process.CaseDeadline;
import org.springframework.stereotype.Component;

/** A complaint is answered by its due date in {@code privacy.complaint} (CMP-1, DL-1..DL-3). */
@Component
class ComplaintCaseDeadline implements CaseDeadline {

  private final ComplaintRepository complaints;

  ComplaintCaseDeadline(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public String processKey() {
    return ComplaintProcess.KEY;
  }

  @Override
  public Optional<LocalDate> dueDate(String reference) {
    return complaints.find(reference).map(Complaint::dueDate);
  }
}
