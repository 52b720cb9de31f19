package nl.ymere.privacy.rectification;

/** Where a proposed change stands. */
public enum ChangeStatus {
  PROPOSED,
  /** Corrected or completed in the source. */
  APPLIED,
  /** The person's statement is attached to the item (REC-1). */
  ATTACHED,
  /** Not accepted by the owning department, with a reason (LET-3 after a privacy officer confirmed). */
  REFUSED
}
