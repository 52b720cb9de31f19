package nl.ymere.privacy.restriction;

/** RES-1: the grounds of Art 18(1) and the privacy statement on which a person may have processing restricted. */
public enum RestrictionGround {
  A("de juistheid van de gegevens wordt betwist en wij controleren die",
      "you contest the accuracy of the data and we are checking it"),
  B("de verwerking is onrechtmatig en u wilt liever beperking dan wissen",
      "the processing is unlawful and you prefer restriction to erasure"),
  C("wij hebben de gegevens niet meer nodig, maar u heeft ze nodig voor een rechtsvordering",
      "we no longer need the data, but you need them for a legal claim"),
  D("uw bezwaar tegen de verwerking wordt beoordeeld", "your objection to the processing is being assessed"),
  E("uw verzoek om wissen wordt beoordeeld", "your erasure request is being assessed");

  private final String dutch;
  private final String english;

  RestrictionGround(String dutch, String english) {
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
