package nl.ymere.privacy.request;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.QueuedMessage;
import nl.ymere.privacy.mail.RecipientRole;
import org.springframework.stereotype.Service;

/**
 * Queues the letters of a request to the requester (or the representative who filed it: REP, LET-1), by e-mail
 * when there is an address and otherwise as a printable letter (LET-2), and records each as a document of the
 * request with its template version. Runs inside the deciding step's transaction (DESIGN principle 4).
 */
@Service
public class RequestLetters {

  private final OutboxService outbox;
  private final RequestRepository requests;
  private final Clock clock;

  RequestLetters(OutboxService outbox, RequestRepository requests, Clock clock) {
    this.outbox = outbox;
    this.requests = requests;
    this.clock = clock;
  }

  public QueuedMessage send(RequestRecord request, LetterType type) {
    return send(request, type, Map.of());
  }

  public QueuedMessage send(RequestRecord request, LetterType type, Map<String, ?> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put("request", RequestLetterModel.of(request));
    RecipientRole role = request.representation() == Representation.SELF
        ? RecipientRole.REQUESTER : RecipientRole.REPRESENTATIVE;
    QueuedMessage message = request.hasEmail()
        ? outbox.queue(request.reference(), role, request.requesterEmail(), type.template(), variables)
        : outbox.queueLetter(request.reference(), role, request.requesterPostalAddress(), type.template(), variables);
    requests.addDocument(request.id(), type.name(), message.templateVersion(), message.id(), null,
        clock.instant());
    return message;
  }

  /**
   * A letter by post to the given address even when the request has an e-mail address: the second channel of a
   * secure electronic delivery (ID-5: the one-time code never travels with the link).
   */
  public QueuedMessage sendByPost(RequestRecord request, LetterType type, String postalAddress, Map<String, ?> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put("request", RequestLetterModel.of(request));
    RecipientRole role = request.representation() == Representation.SELF
        ? RecipientRole.REQUESTER : RecipientRole.REPRESENTATIVE;
    QueuedMessage message = outbox.queueLetter(request.reference(), role, postalAddress, type.template(), variables);
    requests.addDocument(request.id(), type.name(), message.templateVersion(), message.id(), null, clock.instant());
    return message;
  }

  /** An internal notice to every member of a group (reminders, escalations, extension information). */
  public void notifyGroup(RequestRecord request, String groupId, RecipientRole role, String template,
      Map<String, ?> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put("request", RequestLetterModel.of(request));
    outbox.queueToGroup(request.reference(), role, groupId, template, variables);
  }
}
