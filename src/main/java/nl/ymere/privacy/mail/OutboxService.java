package nl.ymere.privacy.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.ymere.privacy.security.RecordCipher;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues letters and e-mails as outbox rows (DESIGN principle 4). The public API every process step uses to send
 * something: it renders the template and inserts the row with the engine's DataSource, so the row is part of the
 * transaction of the step that decides to send it (a rolled-back step leaves no row). It never talks to SMTP; the
 * {@link OutboxDispatcher} sends the row later, outside any engine command, so an engine retry can never send a
 * message twice.
 */
@Transactional
public class OutboxService {

  private final OutboxRepository repository;
  private final MailRenderer renderer;
  private final IdentityService identityService;
  private final RecipientCopies recipientCopies;
  private final Clock clock;
  private final String messageIdDomain;

  OutboxService(OutboxRepository repository, MailRenderer renderer, IdentityService identityService,
      RecipientCopies recipientCopies, OutboxProperties properties, Clock clock) {
    this.repository = repository;
    this.renderer = renderer;
    this.identityService = identityService;
    this.recipientCopies = recipientCopies;
    this.clock = clock;
    this.messageIdDomain = domainOf(properties.sender());
  }

  /**
   * Queues one e-mail, rendered from {@code templates/mail/<template>.html}.
   *
   * @param reference business reference (e.g. the request reference), never a name or address; may be null
   * @param role in what capacity the recipient gets it (LET-1: only the verified requester or representative)
   * @param address the recipient's e-mail address
   * @param template template name, e.g. {@code test-message}
   * @param variables template variables on top of {@code org}, {@code sender}, {@code reference}, {@code dates}; a
   *     {@link OneTimeLink} value reaches only the recipient's copy (staff read {@link OneTimeLink#MARKER})
   */
  public QueuedMessage queue(String reference, RecipientRole role, String address, String template,
      Map<String, ?> variables) {
    return insert(Channel.EMAIL, reference, role, validEmailAddress(address), template, variables);
  }

  /** {@link #queue(String, RecipientRole, String, String, Map)} for a template that needs no own variables. */
  public QueuedMessage queue(String reference, RecipientRole role, String address, String template) {
    return queue(reference, role, address, template, Map.of());
  }

  /**
   * Queues the e-mail once per member of a Camunda group that has an e-mail address (e.g. every privacy officer
   * when a deadline is extended or escalated), one row per recipient. Members are read without the caller's
   * engine authorizations: who gets an internal notice does not depend on who triggered it.
   */
  public List<QueuedMessage> queueToGroup(String reference, RecipientRole role, String groupId, String template,
      Map<String, ?> variables) {
    List<QueuedMessage> queued = new ArrayList<>();
    for (String address : memberAddresses(groupId)) {
      queued.add(insert(Channel.EMAIL, reference, role, address, template, variables));
    }
    return queued;
  }

  /**
   * Queues a printable letter for a recipient without an e-mail address: status PRINT_PENDING, never sent by
   * SMTP; staff print it from {@code /admin/outbox} and mark it printed.
   */
  public QueuedMessage queueLetter(String reference, RecipientRole role, String postalAddress, String template,
      Map<String, ?> variables) {
    if (postalAddress == null || postalAddress.isBlank()) {
      throw new IllegalArgumentException("A letter needs a postal address");
    }
    return insert(Channel.LETTER, reference, role, postalAddress.strip(), template, variables);
  }

  /** Every letter and e-mail of one reference, oldest first (the record of what was sent, LET-1). */
  @Transactional(readOnly = true)
  public List<OutboxMessage> findByReference(String reference) {
    return repository.findByReference(reference);
  }

  /**
   * RET-5: deletes the finished letters and e-mails of a destroyed case file (sent, printed or given up); a row still
   * to be sent or printed stays, so the dispatcher never loses a message it is sending. Joins the caller's transaction.
   *
   * @return how many rows were deleted
   */
  public int deleteFinishedForReference(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("A reference is required");
    }
    return repository.deleteFinished(reference);
  }

  @Transactional(readOnly = true)
  public Optional<OutboxMessage> find(long id) {
    return repository.find(id);
  }

  private QueuedMessage insert(Channel channel, String reference, RecipientRole role, String recipient,
      String template, Map<String, ?> variables) {
    if (role == null) {
      throw new IllegalArgumentException("A recipient role is required");
    }
    RenderedMail mail = renderer.render(template, reference, variables);
    Instant now = clock.instant();
    String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
    OutboxStatus status = channel == Channel.EMAIL ? OutboxStatus.PENDING : OutboxStatus.PRINT_PENDING;
    String staffCopy = RecipientCopies.staffCopy(mail.html(), variables);
    OutboxMessage row = new OutboxMessage(0, messageId, reference, template, mail.templateVersion(),
        mail.language(), channel, role, recipient, mail.subject(), staffCopy, status, 0,
        channel == Channel.EMAIL ? now : null, null, null, null, null, now);
    RecordCipher.Sealed recipientCopy = staffCopy.equals(mail.html()) ? null
        : recipientCopies.seal(messageId, mail.html());
    long id = repository.insert(row, recipientCopy);
    return new QueuedMessage(id, messageId, channel, status, mail.templateVersion());
  }

  private List<String> memberAddresses(String groupId) {
    // the public IdentityService API; its return type happens to live in an engine package named impl
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
          .map(User::getEmail)
          .filter(email -> email != null && !email.isBlank())
          .map(OutboxService::validEmailAddress)
          .distinct()
          .toList();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private static String validEmailAddress(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("An e-mail needs a recipient address; queue a letter instead");
    }
    try {
      InternetAddress parsed = new InternetAddress(address.strip(), true);
      parsed.validate();
      return parsed.getAddress();
    } catch (AddressException e) {
      // the address itself stays out of the message: exception texts can reach jobs and incidents (principle 2)
      throw new IllegalArgumentException("Malformed e-mail address for the outbox");
    }
  }

  private static String domainOf(String sender) {
    try {
      String address = new InternetAddress(sender, false).getAddress();
      int at = address == null ? -1 : address.lastIndexOf('@');
      return at > 0 ? address.substring(at + 1) : "privacy.invalid";
    } catch (AddressException e) {
      return "privacy.invalid";
    }
  }
}
