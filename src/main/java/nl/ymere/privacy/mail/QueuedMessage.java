package nl.ymere.privacy.mail;

/**
 * What {@link OutboxService} queued: the row id, the stable RFC 5322 Message-ID (with angle brackets) and the
 * template version it was rendered with (LET-1: archived with template version).
 */
public record QueuedMessage(long id, String messageId, Channel channel, OutboxStatus status, String templateVersion) {
}
