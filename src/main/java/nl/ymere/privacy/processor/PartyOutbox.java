package nl.ymere.privacy.processor;

import java.util.Map;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.QueuedMessage;
import nl.ymere.privacy.mail.RecipientRole;
import org.springframework.stereotype.Component;

/**
 * The outbound sender: queues a message to another organisation (recipient role EXTERNAL_PARTY). It checks nothing
 * itself; only {@link GateGuarded} adapters, which asked the {@link SharingGate} first, may call it
 * (SharingGateArchitectureTest fails otherwise).
 */
@Component
class PartyOutbox {

  private final OutboxService outbox;

  PartyOutbox(OutboxService outbox) {
    this.outbox = outbox;
  }

  QueuedMessage send(String contactEmail, String reference, String template, Map<String, ?> variables) {
    return outbox.queue(reference, RecipientRole.EXTERNAL_PARTY, contactEmail, template, variables);
  }
}
