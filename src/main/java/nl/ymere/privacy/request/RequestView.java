package nl.ymere.privacy.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A request as {@code GET /api/requests/{reference}} (and, without the details, the POST) returns it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RequestView(
    String reference,
    RequestRight right,
    ObjectionScope objectionScope,
    RequestStatus status,
    boolean overdue,
    LocalDate receivedOn,
    LocalDate dueDate,
    LocalDate extendedDueDate,
    String processInstanceId,
    Extension extension,
    List<PauseView> pauses,
    IdentityStatus identity,
    Outcome outcome,
    List<EventView> events,
    List<DocumentView> documents) {

  public record Extension(ExtensionReason reason, String justification, LocalDate noticeSentOn) {
  }

  public record PauseView(LocalDate from, LocalDate until, String reason) {
  }

  public record EventView(Instant at, String type, String by, String detail) {
  }

  public record DocumentView(String type, String templateVersion, Instant createdAt, String href) {
  }
}
