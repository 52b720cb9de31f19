package nl.ymere.privacy.erasure;

/**
 * Why an item is kept although the person asked for erasure (ERA-2, Art 17(3)); named in the letter with the date it
 * ends (LET-3).
 */
public enum KeepException {
  /** Art 17(3)(b): fiscal retention for the Belastingdienst (AWR art 52, seven years). */
  FISCAL_RETENTION("Wettelijke fiscale bewaarplicht (art 52 Algemene wet inzake rijksbelastingen)",
      "Statutory tax retention (Dutch General Tax Act, art 52)"),
  /** Art 17(3)(b): supervision by the Autoriteit woningcorporaties (Woningwet). */
  SUPERVISION("Toezicht door de Autoriteit woningcorporaties (Woningwet)",
      "Supervision by the Housing Corporations Authority (Housing Act)"),
  /** Art 17(1)(a) does not apply: the data are still needed for the running tenancy contract. */
  RUNNING_CONTRACT("Nodig voor de lopende huurovereenkomst", "Needed for the running tenancy contract"),
  /** Art 17(3)(e): needed to establish, exercise or defend legal claims. */
  LEGAL_CLAIMS("Nodig voor de instelling, uitoefening of onderbouwing van een rechtsvordering",
      "Needed to establish, exercise or defend legal claims"),
  /** RET-4: a legal hold keeps the data for a dispute or investigation; it blocks erasure of held data only. */
  LEGAL_HOLD("Bewaarplicht wegens een juridische procedure of onderzoek (legal hold)",
      "Kept because of legal proceedings or an investigation (legal hold)");

  private final String dutch;
  private final String english;

  KeepException(String dutch, String english) {
    this.dutch = dutch;
    this.english = english;
  }

  public String dutch() {
    return dutch;
  }

  public String english() {
    return english;
  }

  /** Whether the item may be kept without a known end date (it ends with the contract or the hold). */
  boolean endsWithoutKnownDate() {
    return this == RUNNING_CONTRACT || this == LEGAL_HOLD;
  }
}
