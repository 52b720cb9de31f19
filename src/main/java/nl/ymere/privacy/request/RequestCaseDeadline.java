package nl.ymere.privacy.request;

import java.time.LocalDate;
import java.util.Optional;
import nl.ymere.privacy.process.CaseDeadline;
import org.springframework.stereotype.Component;

/** A request is due on its (extended) due date in {@code privacy.dsr_request} (DL-1..DL-6). */
@Component
class RequestCaseDeadline implements CaseDeadline {

  private final RequestRepository requests;

  RequestCaseDeadline(RequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public String processKey() {
    return DataSubjectRequestProcess.KEY;
  }

  @Override
  public Optional<LocalDate> dueDate(String reference) {
    return requests.findByReference(reference).map(RequestRecord::effectiveDueDate);
  }
}
