package nl.ymere.privacy.request;

/** The rights a data subject can exercise (REQ-1), with their Dutch names for letters. */
public enum RequestRight {
  ACCESS("inzage"),
  RECTIFICATION("rectificatie (correctie)"),
  ERASURE("verwijdering (vergetelheid)"),
  RESTRICTION("beperking van de verwerking"),
  OBJECTION("bezwaar"),
  PORTABILITY("overdraagbaarheid"),
  HUMAN_REVIEW("menselijke blik op een geautomatiseerd besluit"),
  /** REQ-1, CON-2: withdrawing a consent; the consent register's service withdraws it (issue 20). */
  CONSENT_WITHDRAWAL("intrekken van toestemming");

  private final String dutchName;

  RequestRight(String dutchName) {
    this.dutchName = dutchName;
  }

  public String dutchName() {
    return dutchName;
  }
}
