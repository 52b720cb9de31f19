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
    NO_CONSENT,
    /** ROP-4: a purpose added after the first statement has no recorded compatibility test yet. */
    NO_COMPATIBILITY_TEST,
    /** ROP-4: the purpose is in the register but not published in a privacy statement version yet. */
    PURPOSE_NOT_PUBLISHED
  }
}
