package nl.ymere.privacy.objection;

/** What the person objects to (input variable {@code objectionScope} of dsr-objection). */
public enum ObjectionScope {
  /** OBJ-2: absolute; stops at once, suppression entry (SD-8), no balancing. */
  DIRECT_MARKETING,
  /** OBJ-1, OBJ-3: processing on legitimate interest or public task; restricted until decided (SD-7), balanced. */
  LEGITIMATE_INTEREST
}
