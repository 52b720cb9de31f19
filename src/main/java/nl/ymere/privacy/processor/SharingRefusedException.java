package nl.ymere.privacy.processor;

/** The gate refused a disclosure; nothing was sent. The message holds codes only (SEC-3). */
public class SharingRefusedException extends RuntimeException {

  private final transient SharingDecision decision;

  SharingRefusedException(String partyCode, SharingDecision decision) {
    super("Delen met " + partyCode + " geweigerd: " + decision.reason());
    this.decision = decision;
  }

  public SharingDecision decision() {
    return decision;
  }
}
