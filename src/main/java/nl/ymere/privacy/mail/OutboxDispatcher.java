package nl.ymere.privacy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends due outbox e-mails (DESIGN principle 4). Runs on every node, outside any engine command or transaction:
 * each row is claimed with a conditional update (PENDING to SENDING, claimed by this node), so of two nodes only
 * one sends it; it is sent with the Message-ID stored at queue time and marked SENT. An SMTP failure puts the row
 * back to PENDING with exponential backoff, and after {@code privacy.mail.max-attempts} makes it FAILED. A row left
 * in SENDING (the node died between claim and mark) is never picked up again: {@code /admin/outbox} shows it.
 */
public class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxRepository repository;
  private final RecipientCopies recipientCopies;
  private final JavaMailSender mailSender;
  private final OutboxProperties properties;
  private final Clock clock;
  private final String nodeId;

  OutboxDispatcher(OutboxRepository repository, RecipientCopies recipientCopies, JavaMailSender mailSender,
      OutboxProperties properties, Clock clock, String nodeId) {
    this.repository = repository;
    this.recipientCopies = recipientCopies;
    this.mailSender = mailSender;
    this.properties = properties;
    this.clock = clock;
    this.nodeId = nodeId;
  }

  /**
   * Sends every due PENDING e-mail this node manages to claim (at most {@code privacy.mail.batch-size}).
   *
   * @return the number of e-mails this call delivered to the SMTP server
   */
  public int dispatchDue() {
    requireNoTransaction();
    List<Long> due = repository.findDueIds(clock.instant(), properties.batchSize());
    int sent = 0;
    for (long id : due) {
      if (dispatch(id)) {
        sent++;
      }
    }
    return sent;
  }

  /** The id of this node as written to {@code claimed_by}. */
  public String nodeId() {
    return nodeId;
  }

  /** Claims one row and sends it; false when another node claimed it first, it is not due, or sending failed. */
  boolean dispatch(long id) {
    requireNoTransaction();
    if (!repository.claim(id, nodeId, clock.instant())) {
      return false;
    }
    OutboxMessage message = repository.find(id).orElseThrow();
    try {
      mailSender.send(toMime(message));
    } catch (MessagingException | MailPreparationException | MailParseException e) {
      // the message itself is broken (e.g. a malformed address): another attempt cannot help
      giveUp(message, e);
      return false;
    } catch (RuntimeException e) {
      retryLater(message, e);
      return false;
    }
    // From here on the mail is out: whatever happens, the row must never go back to PENDING.
    if (!repository.markSent(id, nodeId, clock.instant())) {
      log.warn("Outbox message {} was sent but is no longer claimed by node {}", id, nodeId);
    }
    return true;
  }

  private MimeMessage toMime(OutboxMessage message) throws MessagingException {
    MimeMessage mime = new StableMessageIdMimeMessage(session(), message.messageId());
    MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    helper.setFrom(properties.sender());
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setSentDate(Date.from(clock.instant()));
    // the recipient's copy: with the one-time link where staff read the marker (issue 14 finding 6)
    String html = recipientCopies.forRecipient(message);
    helper.setText(HtmlText.toText(html), html);
    mime.setHeader("Auto-Submitted", "auto-generated");
    if (message.reference() != null) {
      mime.setHeader("X-Privacy-Reference", message.reference());
    }
    return mime;
  }

  private Session session() {
    return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }

  private void retryLater(OutboxMessage message, Exception error) {
    int attempts = message.attempts() + 1;
    if (attempts >= properties.maxAttempts()) {
      giveUp(message, error);
      return;
    }
    Instant next = clock.instant().plus(properties.backoffAfter(attempts));
    String reason = SafeErrors.describe(error);
    repository.markAttemptFailed(message.id(), nodeId, OutboxStatus.PENDING, next, reason);
    log.warn("Outbox message {} {}: attempt {} failed, next attempt at {}: {}", message.id(), message.messageId(),
        attempts, next, reason);
  }

  private void giveUp(OutboxMessage message, Exception error) {
    String reason = SafeErrors.describe(error);
    repository.markAttemptFailed(message.id(), nodeId, OutboxStatus.FAILED, null, reason);
    log.error("Outbox message {} {} FAILED after {} attempt(s): {}", message.id(), message.messageId(),
        message.attempts() + 1, reason);
  }

  private static void requireNoTransaction() {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      // DESIGN principle 4: SMTP inside a transaction could send twice when the transaction is retried
      throw new IllegalStateException("The outbox dispatcher must run outside any transaction or engine command");
    }
  }
}
