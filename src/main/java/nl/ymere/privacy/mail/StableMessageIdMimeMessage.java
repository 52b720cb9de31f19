package nl.ymere.privacy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message that keeps the Message-ID generated at queue time: {@link MimeMessage#saveChanges()} would
 * otherwise invent a new one on every attempt, and a retried message would no longer be recognisable as the same.
 */
final class StableMessageIdMimeMessage extends MimeMessage {

  private final String messageId;

  StableMessageIdMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
