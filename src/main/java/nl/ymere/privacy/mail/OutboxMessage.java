package nl.ymere.privacy.mail;

import java.time.Instant;

/** One row of {@code privacy.outbox_message}: a letter or e-mail as a record (DESIGN principle 4, LET-1). */
public record OutboxMessage(
    long id,
    String messageId,
    String reference,
    String template,
    String templateVersion,
    String language,
    Channel channel,
    RecipientRole recipientRole,
    String recipient,
    String subject,
    String bodyHtml,
    String bodyText,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedAt,
    Instant sentAt,
    String lastError,
    Instant createdAt) {
}
