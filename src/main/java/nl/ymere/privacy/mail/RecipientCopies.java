package nl.ymere.privacy.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.ymere.privacy.security.RecordCipher;
import org.springframework.stereotype.Component;

/**
 * The recipient's copy of a message with a {@link OneTimeLink} (issue 14 finding 6): sealed with {@link RecordCipher}
 * and bound to the row's Message-ID, kept only until the row is SENT or PRINTED. Staff read {@code body_html}, where
 * the link is replaced by {@link OneTimeLink#MARKER}; only the dispatcher and the admins' print view open this copy.
 */
@Component
class RecipientCopies {

  private final RecordCipher cipher;
  private final OutboxRepository repository;

  RecipientCopies(RecordCipher cipher, OutboxRepository repository) {
    this.cipher = cipher;
    this.repository = repository;
  }

  /** The staff-readable copy: every one-time link among the variables replaced by the marker. */
  static String staffCopy(String html, Map<String, ?> variables) {
    String staffCopy = html;
    if (variables != null) {
      for (Object value : variables.values()) {
        if (value instanceof OneTimeLink link) {
          staffCopy = staffCopy.replace(link.url(), OneTimeLink.MARKER);
        }
      }
    }
    return staffCopy;
  }

  RecordCipher.Sealed seal(String messageId, String recipientHtml) {
    return cipher.seal(recipientHtml.getBytes(StandardCharsets.UTF_8), binding(messageId));
  }

  /** What the recipient gets: the sealed copy while the row has one, otherwise the stored HTML itself. */
  String forRecipient(OutboxMessage message) {
    return repository.recipientCopy(message.id())
        .map(sealed -> new String(cipher.open(sealed, binding(message.messageId())), StandardCharsets.UTF_8))
        .orElse(message.bodyHtml());
  }

  private static String binding(String messageId) {
    return "outbox-recipient-copy:" + messageId;
  }
}
