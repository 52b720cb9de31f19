package nl.ymere.privacy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
  /** Spring Boot's mail sender, for its session and server settings; null for any other JavaMailSender. */
  private final JavaMailSenderImpl smtp;
  private final OutboxProperties properties;
  private final Clock clock;
  private final String nodeId;
  private final Pause pause;

  OutboxDispatcher(OutboxRepository repository, RecipientCopies recipientCopies, JavaMailSender mailSender,
      OutboxProperties properties, Clock clock, String nodeId) {
    this(repository, recipientCopies, mailSender, properties, clock, nodeId, Pause.SLEEP);
  }

  OutboxDispatcher(OutboxRepository repository, RecipientCopies recipientCopies, JavaMailSender mailSender,
      OutboxProperties properties, Clock clock, String nodeId, Pause pause) {
    this.pause = pause;
    this.repository = repository;
    this.recipientCopies = recipientCopies;
    this.mailSender = mailSender;
    this.smtp = mailSender instanceof JavaMailSenderImpl impl ? impl : null;
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
    MimeMessage mime;
    try {
      mime = toMime(message);
    } catch (MessagingException | MailPreparationException | MailParseException e) {
      // the message itself is broken (e.g. a malformed address): another attempt cannot help
      giveUp(message, e);
      return false;
    }
    try {
      deliver(mime);
    } catch (MessagingException | RuntimeException e) {
      // the server did not accept the message (no 250 at the end of DATA): it may be tried again
      retryLater(message, e);
      return false;
    }
    // From here on the mail is out: whatever happens, the row must never go back to PENDING.
    recordSent(message);
    return true;
  }

  /**
   * Marks a delivered row SENT, trying again (bounded, doubling waits) when the database fails for a moment
   * (issue 15 item 4). When every try fails the row stays SENDING, claimed by this node: {@code /admin/outbox} shows
   * it as stuck with this node's id, and the log names the Message-ID the server accepted.
   */
  private void recordSent(OutboxMessage message) {
    Duration wait = properties.markSentBackoff();
    int tries = Math.max(1, properties.markSentAttempts());
    for (int attempt = 1; ; attempt++) {
      try {
        if (!repository.markSent(message.id(), nodeId, clock.instant())) {
          log.warn("Outbox message {} was sent but is no longer claimed by node {}", message.id(), nodeId);
        }
        return;
      } catch (DataAccessException e) {
        if (attempt >= tries) {
          log.error("Outbox message {} {} was accepted by the mail server but could not be marked SENT after {} "
              + "tries; it stays SENDING, claimed by node {}: {}", message.id(), message.messageId(), tries, nodeId,
              SafeErrors.describe(e));
          return;
        }
        log.warn("Outbox message {} was sent; marking it SENT failed (try {} of {}), next try in {}: {}",
            message.id(), attempt, tries, wait, SafeErrors.describe(e));
        if (!pause.pause(wait)) {
          return;
        }
        wait = wait.multipliedBy(2);
      }
    }
  }

  /** Waits between two tries to record SENT; false when interrupted (the node is stopping). */
  @FunctionalInterface
  interface Pause {
    boolean pause(Duration duration);

    Pause SLEEP = duration -> {
      try {
        Thread.sleep(duration.toMillis());
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    };
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
    return smtp != null ? smtp.getSession() : Session.getInstance(new Properties());
  }

  /**
   * Hands the message to the SMTP server. Returns normally once the server has accepted it (answered 250 to the
   * end of DATA); throws only for a failure before that. Closing the connection (QUIT) comes after and cannot undo
   * the delivery, so a failing close is logged and swallowed (issue 15 item 1: {@link JavaMailSender#send} reports
   * such a close as a MailSendException, which made an accepted mail look failed and sent it again).
   */
  private void deliver(MimeMessage mime) throws MessagingException {
    if (smtp == null) {
      // another JavaMailSender (not Spring Boot's): it cannot tell a failed close from a failed send
      mailSender.send(mime);
      return;
    }
    Transport transport = smtp.getSession().getTransport(
        smtp.getProtocol() != null ? smtp.getProtocol() : JavaMailSenderImpl.DEFAULT_PROTOCOL);
    try {
      transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
      mime.saveChanges(); // StableMessageIdMimeMessage keeps the stored Message-ID
      // SMTPTransport.sendMessage returns only after the server's 250 to the end of DATA, and throws otherwise
      transport.sendMessage(mime, mime.getAllRecipients());
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(transport, mime);
      throw e;
    }
    closeQuietly(transport, mime);
  }

  private static void closeQuietly(Transport transport, MimeMessage mime) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      log.info("Closing the SMTP connection failed after message {}: {}", messageIdOf(mime), SafeErrors.describe(e));
    }
  }

  private static String messageIdOf(MimeMessage mime) {
    try {
      return mime.getMessageID();
    } catch (MessagingException e) {
      return "?";
    }
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
