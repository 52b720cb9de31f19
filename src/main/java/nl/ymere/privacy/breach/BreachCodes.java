package nl.ymere.privacy.breach;

/** The codes of a data breach (BRE-1..BRE-4): the only breach values that may reach process variables. */
public final class BreachCodes {

  /** How the incident reached the register (issue 18 item 1). */
  public enum Channel {
    TASKLIST, API, PROCESSOR, COMPLAINT
  }

  public enum Status {
    REGISTERED, AWARE, DECIDED, NOTIFIED, CLOSED
  }

  /** Rough data categories of the incident; special-category and criminal data raise the risk (Art 9, Art 10). */
  public enum DataCategory {
    CONTACT, IDENTIFICATION, FINANCIAL, TENANCY, COMMUNICATION, LOCATION, SPECIAL_CATEGORY, CRIMINAL
  }

  /** BRE-3, ordered from low to high. */
  public enum Risk {
    NO_RISK, RISK, HIGH_RISK;

    public boolean notifiable() {
      return this != NO_RISK;
    }
  }

  /** Likely consequences for the persons (EDPB Guidelines 9/2022 severity). */
  public enum ConsequenceLevel {
    NONE, LIMITED, SIGNIFICANT, SEVERE
  }

  /** Art 34(3): why the persons are not told individually. */
  public enum Exemption {
    /** (a) the data were unintelligible to anyone not authorised, e.g. encrypted with the key safe. */
    UNINTELLIGIBLE,
    /** (b) later measures removed the high risk. */
    RISK_REMOVED,
    /** (c) individual contact is disproportionate: a public notice instead. */
    DISPROPORTIONATE
  }

  private BreachCodes() {
  }
}
