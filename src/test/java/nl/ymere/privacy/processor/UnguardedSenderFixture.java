package nl.ymere.privacy.processor;

import java.util.Map;

/** Test fixture for SharingGateArchitectureTest: calls the outbound sender without asking the gate (forbidden). */
class UnguardedSenderFixture {

  private final PartyOutbox outbox;

  UnguardedSenderFixture(PartyOutbox outbox) {
    this.outbox = outbox;
  }

  void sendWithoutGate() {
    outbox.send("partner@example.org", "AVG-2026-000001", "party-disclosure", Map.of());
  }
}
