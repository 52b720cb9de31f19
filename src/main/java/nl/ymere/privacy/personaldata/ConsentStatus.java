package nl.ymere.privacy.personaldata;

import java.util.Optional;

/**
 * What the consent register (package {@code consent}) says about a person, for the product's own decisions (CON-2: a
 * withdrawal is effective at once): {@link PersonalDataSources#findUsable} and the sharing gate ask it. Declared here
 * so the sources and the gate do not depend on the consent capability; the consent register implements it.
 */
public interface ConsentStatus {

  /**
   * True when the person withdrew a consent for a purpose whose data live in {@code system} and gave no new consent
   * for that purpose since: consent-based items of that system may no longer be used (CON-2).
   */
  boolean withdrawnForSystem(SubjectKey subject, String system);

  /**
   * Empty when the purpose is not consent-based (or unknown to the register); otherwise whether the person's consent
   * for it is in force right now (given and not withdrawn).
   */
  Optional<Boolean> consentInForce(String purposeCode, SubjectKey subject);

  /** ROP-4: why a purpose of the register may not be used yet. */
  enum PurposeHold {
    /** A purpose added after the first statement without a recorded compatibility test (Art 6(4)). */
    NO_COMPATIBILITY_TEST,
    /** Not published in a privacy statement version yet. */
    NOT_PUBLISHED
  }

  /** Empty when the purpose may be used (or is unknown to the register); otherwise why not (ROP-4). */
  default Optional<PurposeHold> purposeHold(String purposeCode) {
    return Optional.empty();
  }
}
