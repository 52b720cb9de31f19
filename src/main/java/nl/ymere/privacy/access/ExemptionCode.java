package nl.ymere.privacy.access;

/**
 * The grounds on which an item may be withheld (ACC-3), with the wording the letter uses (never the content). The
 * Art 23 / UAVG art 41 grounds are temporary (ACC-4): a running investigation, a threat or a claim ends, so a withheld
 * item gets a review date; the rights of others and personal work notes do not lapse by themselves.
 */
public enum ExemptionCode {
  THIRD_PARTY(false, "de rechten en vrijheden van anderen (artikel 15 lid 4 AVG)",
      "the rights and freedoms of others (Article 15(4) GDPR)"),
  PERSONAL_WORK_NOTE(false, "persoonlijke werkaantekeningen van een medewerker, die niet voor het dossier zijn "
      + "bedoeld", "a staff member's personal working notes that are not part of the file"),
  CRIME_PREVENTION(true, "het voorkomen en opsporen van strafbare feiten (artikel 23 lid 1 sub d AVG, artikel 41 lid 1 "
      + "sub d UAVG)", "the prevention and detection of criminal offences (Article 23(1)(d) GDPR, section 41(1)(d) "
      + "UAVG)"),
  PROTECTION_OF_SUBJECT_OR_OTHERS(true, "de bescherming van u of van anderen (artikel 41 lid 1 sub i UAVG)",
      "the protection of you or of others (section 41(1)(i) UAVG)"),
  CIVIL_CLAIMS(true, "de behandeling van civielrechtelijke vorderingen (artikel 23 lid 1 sub j AVG, artikel 41 lid 1 "
      + "sub j UAVG)", "the enforcement of civil law claims (Article 23(1)(j) GDPR, section 41(1)(j) UAVG)");

  private final boolean temporary;
  private final String groundNl;
  private final String groundEn;

  ExemptionCode(boolean temporary, String groundNl, String groundEn) {
    this.temporary = temporary;
    this.groundNl = groundNl;
    this.groundEn = groundEn;
  }

  /** ACC-4: the ground may lapse, so the withheld item gets a review date. */
  public boolean temporary() {
    return temporary;
  }

  public String groundNl() {
    return groundNl;
  }

  public String groundEn() {
    return groundEn;
  }
}
