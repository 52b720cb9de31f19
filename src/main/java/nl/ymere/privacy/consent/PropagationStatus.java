package nl.ymere.privacy.consent;

/** Where the withdrawal of a consent stands (CON-2). */
public enum PropagationStatus {
  /** The consent is in force; nothing to pass on. */
  NONE,
  /** Withdrawn; still being passed on to sources and processors. */
  PENDING,
  /** At least one step is past its due time (escalated to the privacy officers). */
  LATE,
  /** Passed on everywhere; data held only on this consent erased and the person told. */
  DONE
}
