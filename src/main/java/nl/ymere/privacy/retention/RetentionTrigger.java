package nl.ymere.privacy.retention;

/** The event from which a retention period runs (RET-1). */
public enum RetentionTrigger {
  END_OF_TENANCY("einde van de huurovereenkomst"),
  END_OF_FISCAL_YEAR("einde van het boekjaar"),
  CLOSURE("sluiten van het dossier of contact"),
  COMPLETION("afronding"),
  RECORDING("datum van opname of vastlegging"),
  CONSENT_WITHDRAWAL("intrekken van de toestemming");

  private final String dutch;

  RetentionTrigger(String dutch) {
    this.dutch = dutch;
  }

  public String dutch() {
    return dutch;
  }
}
