package nl.ymere.privacy.request;

/** The only grounds for extending the deadline (DL-6, Art 12(3)); effort or workload never qualify. */
public enum ExtensionReason {
  COMPLEXITY("de complexiteit van het verzoek", "the complexity of the request"),
  NUMBER_OF_REQUESTS("het aantal verzoeken dat u heeft ingediend", "the number of requests you have made");

  private final String dutch;
  private final String english;

  ExtensionReason(String dutch, String english) {
    this.dutch = dutch;
    this.english = english;
  }

  public String dutch() {
    return dutch;
  }

  public String english() {
    return english;
  }
}
