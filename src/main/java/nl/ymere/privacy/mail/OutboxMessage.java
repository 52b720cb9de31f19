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
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedAt,
    Instant sentAt,
    String lastError,
    Instant createdAt) {

  /**
   * The plain-text alternative sent next to the HTML (multipart/alternative), derived from the stored HTML when the
   * mail goes out: the HTML is the record of what was sent, and the queuing step does not pay for the conversion.
   */
  public String bodyText() {
    return HtmlText.toText(bodyHtml);
  }
}
