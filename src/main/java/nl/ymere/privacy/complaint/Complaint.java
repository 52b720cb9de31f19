package nl.ymere.privacy.complaint;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.request.Channel;

/** A privacy complaint as stored in {@code privacy.complaint} (personal data: only in the product's tables). */
public record Complaint(
    long id,
    String reference,
    Channel channel,
    Instant receivedAt,
    LocalDate receivedOn,
    LocalDate dueDate,
    String complainantName,
    String complainantEmail,
    String complainantAddress,
    String description,
    String aboutRequestReference,
    ComplaintStatus status,
    ComplaintOutcome outcome,
    boolean dataErasedAtRequest,
    String answerText,
    String registeredBy,
    Instant registeredAt,
    String triagedBy,
    String draftedBy,
    String approvedBy,
    Instant answeredAt,
    LocalDate keepUntil,
    String processInstanceId) {
}
