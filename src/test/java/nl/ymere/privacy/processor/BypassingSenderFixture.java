package nl.ymere.privacy.processor;

import java.util.Map;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;

/** Test fixture for SharingGateArchitectureTest: queues a message to a party past the outbound sender (forbidden). */
class BypassingSenderFixture {

  private final OutboxService outbox;

  BypassingSenderFixture(OutboxService outbox) {
    this.outbox = outbox;
  }

  void sendPastTheGate() {
    outbox.queue("AVG-2026-000001", RecipientRole.EXTERNAL_PARTY, "partner@example.org", "party-disclosure", Map.of());
  }
}
