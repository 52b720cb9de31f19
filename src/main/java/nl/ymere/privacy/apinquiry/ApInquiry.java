package nl.ymere.privacy.apinquiry;

import java.time.Instant;
import java.time.LocalDate;

/** An AP inquiry as stored in {@code privacy.ap_inquiry} (V57). */
public record ApInquiry(long id, String reference, ApInquiryKind kind, String apCaseNumber, LocalDate receivedOn,
    LocalDate apDeadline, String topic, ApInquiryStatus status, String answerText, String draftedBy,
    String fgAdvice, String fgAdvisedBy, String approvedBy, Instant answeredAt, LocalDate apClosedOn,
    String apClosure, String closedBy, String holdsReleasedBy, Instant holdsReleasedAt, String registeredBy,
    Instant registeredAt, LocalDate keepUntil, String processInstanceId) {
}
