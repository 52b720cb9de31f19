package nl.ymere.privacy.consent;

import java.time.Instant;

/**
 * Passing a withdrawal on to one source or processor (CON-2), with its due time and what happened.
 *
 * @param targetKind SOURCE (a system of the corporation) or PROCESSOR (a party of the processor register)
 * @param noticeSentAt when the automatic notice to a processor was queued (item 6), null when none was sent
 * @param noticeRefused why no notice was sent (the sharing gate's reason), for a PROCESSOR step
 */
public record PropagationStep(long id, long consentId, String targetKind, String targetCode, String targetName,
    String agreementReference, Instant dueAt, Instant confirmedAt, String confirmedBy, Instant escalatedAt,
    Long noticeOutboxId, Instant noticeSentAt, String noticeRefused) {

  public static final String SOURCE = "SOURCE";
  public static final String PROCESSOR = "PROCESSOR";
}
