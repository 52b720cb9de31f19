package nl.ymere.privacy.access;

/** The grounds on which an item may be withheld (ACC-3), with the wording the letter uses (never the content). */
public enum ExemptionCode {
  THIRD_PARTY("de rechten en vrijheden van anderen (artikel 15 lid 4 AVG)",
      "the rights and freedoms of others (Article 15(4) GDPR)"),
  PERSONAL_WORK_NOTE("persoonlijke werkaantekeningen van een medewerker, die niet voor het dossier zijn bedoeld",
      "a staff member's personal working notes that are not part of the file"),
  CRIME_PREVENTION("het voorkomen en opsporen van strafbare feiten (artikel 23 lid 1 sub d AVG, artikel 41 lid 1 "
      + "sub d UAVG)", "the prevention and detection of criminal offences (Article 23(1)(d) GDPR, section 41(1)(d) "
      + "UAVG)"),
  PROTECTION_OF_SUBJECT_OR_OTHERS("de bescherming van u of van anderen (artikel 41 lid 1 sub i UAVG)",
      "the protection of you or of others (section 41(1)(i) UAVG)"),
  CIVIL_CLAIMS("de behandeling van civielrechtelijke vorderingen (artikel 23 lid 1 sub j AVG, artikel 41 lid 1 "
      + "sub j UAVG)", "the enforcement of civil law claims (Article 23(1)(j) GDPR, section 41(1)(j) UAVG)");

  private final String groundNl;
  private final String groundEn;

  ExemptionCode(String groundNl, String groundEn) {
    this.groundNl = groundNl;
    this.groundEn = groundEn;
  }

  public String groundNl() {
    return groundNl;
  }

  public String groundEn() {
    return groundEn;
  }
}
