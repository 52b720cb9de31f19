package nl.ymere.privacy.request;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code dsr_request}: what the product knows about a request (personal data included). */
public record RequestRecord(
    long id,
    String reference,
    RequestRight right,
    Channel channel,
    Instant receivedAt,
    LocalDate receivedOn,
    LocalDate dueDate,
    LocalDate extendedDueDate,
    RequestStatus status,
    Outcome outcome,
    IdentityStatus identityStatus,
    Representation representation,
    String language,
    String requesterName,
    String requesterEmail,
    String requesterPostalAddress,
    LocalDate requesterDateOfBirth,
    String subjectName,
    LocalDate subjectDateOfBirth,
    String description,
    String processInstanceId,
    Instant createdAt,
    Instant closedAt,
    ObjectionScope objectionScope) {

  /** The date the request must be answered by now: the extended one once extended (DL-6). */
  public LocalDate effectiveDueDate() {
    return extendedDueDate != null ? extendedDueDate : dueDate;
  }

  public boolean isClosed() {
    return status == RequestStatus.CLOSED;
  }

  public boolean hasEmail() {
    return requesterEmail != null && !requesterEmail.isBlank();
  }
}
