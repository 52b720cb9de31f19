package nl.ymere.privacy.personaldata;

/** The lawful basis of a processing (Art 6(1) GDPR), as the register of processing activities names it. */
public enum LegalBasis {
  /** Art 6(1)(a); for special-category data the explicit consent of Art 9(2)(a). */
  CONSENT,
  /** Art 6(1)(b): the tenancy and the services under it. */
  CONTRACT,
  /** Art 6(1)(c): e.g. fiscal retention (AWR art 52), supervision by the Autoriteit woningcorporaties. */
  LEGAL_OBLIGATION,
  /** Art 6(1)(f): e.g. handling nuisance and complaints; open to objection (OBJ-1). */
  LEGITIMATE_INTEREST,
  /** Art 6(1)(e); open to objection (OBJ-1). */
  PUBLIC_TASK
}
