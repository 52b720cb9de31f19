package nl.ymere.privacy.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.mail.QueuedMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate-guarded adapter every process step uses to send personal data to another party (Art 19 notifications to
 * recipients, exchanges with processors and covenant partners): it asks the {@link SharingGate} first and sends
 * nothing when the answer is no (PRC-1, PRC-6). In a process, use the delegate {@code guardedDisclosureDelegate},
 * which turns a refusal into the BPMN error {@code SHARING_REFUSED}.
 */
@Service
@GateGuarded
public class PartyDisclosures {

  private final SharingGate gate;
  private final AgreementRepository agreements;
  private final PartyOutbox outbox;

  PartyDisclosures(SharingGate gate, AgreementRepository agreements, PartyOutbox outbox) {
    this.gate = gate;
    this.agreements = agreements;
    this.outbox = outbox;
  }

  /**
   * Checks and, when allowed, queues the message to the party's contact address.
   *
   * @param reference the business reference the disclosure belongs to (e.g. a request reference)
   * @throws SharingRefusedException when the gate refuses; then nothing is queued
   */
  @Transactional(noRollbackFor = SharingRefusedException.class)
  public QueuedMessage disclose(String partyCode, String purpose, List<String> dataCategories, String reference,
      String template, Map<String, ?> variables, String user) {
    SharingDecision decision = gate.check(partyCode, purpose, dataCategories, user, reference);
    if (!decision.allowed()) {
      throw new SharingRefusedException(partyCode, decision);
    }
    AgreementRecord agreement = agreements.getByReference(decision.agreementReference());
    if (agreement.partyEmail() == null) {
      throw new IllegalStateException("Party " + partyCode + " has no contact address");
    }
    Map<String, Object> model = new HashMap<>(variables);
    model.put("agreementReference", agreement.reference());
    model.put("partyName", agreement.partyName());
    model.put("purpose", purpose);
    model.put("dataCategories", dataCategories);
    return outbox.send(agreement.partyEmail(), reference, template, model);
  }
}
