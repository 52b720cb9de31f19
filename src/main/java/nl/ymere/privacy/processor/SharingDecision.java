package nl.ymere.privacy.processor;

/**
 * The gate's answer: may these data categories be shared for this purpose with this party now?
 *
 * @param agreementReference the agreement or covenant that allows it, or the party's closest one when refused
 */
public record SharingDecision(boolean allowed, Reason reason, String agreementReference) {

  public enum Reason {
    ALLOWED,
    UNKNOWN_PARTY,
    NO_AGREEMENT_IN_FORCE,
    /** The agreement in force lacks a complete checklist, its preparer or another user's approval (issue 14). */
    APPROVAL_INCOMPLETE,
    AGREEMENT_EXPIRED,
    PURPOSE_NOT_COVERED,
    CATEGORY_NOT_COVERED,
    /** A consent-based purpose (issue 20) checked without naming the person: it never opens the gate. */
    CONSENT_SUBJECT_REQUIRED,
    /** The person's consent for the purpose is not in force: never given, or withdrawn (CON-2). */
    NO_CONSENT
  }
}
