package nl.ymere.privacy.legalhold;

/** Why data are held (RET-4). */
public enum LegalHoldKind {
  /** A dispute before a court or arbitrator, or one that is reasonably expected. */
  LITIGATION,
  /** An investigation (internal, police, supervisory). */
  INVESTIGATION,
  /** A complaint that is being handled. */
  COMPLAINT,
  /** An inquiry of the Autoriteit Persoonsgegevens (CMP-4). */
  AP_INQUIRY
}
