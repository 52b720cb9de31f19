package nl.ymere.privacy.rectification;

/** REC-1: what a proposed change does to an item. */
public enum ChangeKind {
  /** Inaccurate data corrected (Art 16, first sentence). */
  CORRECT,
  /** Incomplete data completed (Art 16, second sentence). */
  COMPLETE,
  /**
   * The person's supplementary statement attached to the item; for recorded opinions (e.g. a nuisance report or a
   * witness statement), which are not rewritten.
   */
  STATEMENT
}
