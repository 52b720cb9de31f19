package nl.ymere.privacy.fraud;

/**
 * A recorded ground to postpone informing the tenant of an opened investigation (Art 23 AVG, art 41 UAVG). Re-checked
 * by a timer; the tenant is informed once it no longer applies.
 */
public enum PostponementGround {
  /** Art 23(1)(d) AVG / art 41(1)(d) UAVG: prevention, investigation, detection of criminal offences. */
  PREVENTION_AND_DETECTION,
  /** Art 23(1)(i) AVG / art 41(1)(i) UAVG: protection of the data subject or the rights and freedoms of others. */
  PROTECTION_OF_OTHERS
}
