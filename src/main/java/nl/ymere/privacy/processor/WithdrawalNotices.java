package nl.ymere.privacy.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.mail.QueuedMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate-guarded adapter that tells a processor or covenant partner that a person withdrew consent for a purpose
 * (issue 20 item 6; CON-2, Art 7(3), Art 19): {@link SharingGate#checkWithdrawalNotice} first (the party's agreement
 * in force covers the purpose and the categories of the identifiers sent), then the notice through the outbound
 * sender to the party's contact of the processor register. Nothing is queued when the gate refuses.
 */
@Service
@GateGuarded
public class WithdrawalNotices {

  /** What happened: the queued message, or why nothing was sent (the gate's reason, or NO_CONTACT_ADDRESS). */
  public record Notice(QueuedMessage message, String refusal) {

    public boolean sent() {
      return message != null;
    }
  }

  private final SharingGate gate;
  private final AgreementRepository agreements;
  private final PartyOutbox outbox;

  WithdrawalNotices(SharingGate gate, AgreementRepository agreements, PartyOutbox outbox) {
    this.gate = gate;
    this.agreements = agreements;
    this.outbox = outbox;
  }

  /**
   * @param partyCode the processor or partner that receives data for the purpose
   * @param dataCategories the categories of the identifiers the notice carries
   * @param reference the consent reference (never a name)
   */
  @Transactional
  public Notice send(String partyCode, String purpose, List<String> dataCategories, String reference,
      String template, Map<String, ?> variables, String user) {
    SharingDecision decision = gate.checkWithdrawalNotice(partyCode, purpose, dataCategories, user, reference);
    if (!decision.allowed()) {
      return new Notice(null, decision.reason().name());
    }
    AgreementRecord agreement = agreements.getByReference(decision.agreementReference());
    if (agreement.partyEmail() == null || agreement.partyEmail().isBlank()) {
      return new Notice(null, "NO_CONTACT_ADDRESS");
    }
    Map<String, Object> model = new HashMap<>(variables);
    model.put("agreementReference", agreement.reference());
    model.put("partyName", agreement.partyName());
    model.put("purpose", purpose);
    model.put("dataCategories", dataCategories);
    return new Notice(outbox.send(agreement.partyEmail(), reference, template, model), null);
  }
}
