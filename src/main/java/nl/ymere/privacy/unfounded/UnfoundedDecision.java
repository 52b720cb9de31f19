package nl.ymere.privacy.unfounded;

/** The privacy officer's decision on a proposal (REQ-3, four eyes). */
public enum UnfoundedDecision {
  /** Refuse to act: LET-3 refusal letter, outcome REFUSED. */
  REFUSE,
  /** Charge the configured fee: LET-4 fee notice first; only after payment or narrowing does handling go on. */
  FEE,
  /** The proposal is rejected: handling simply continues. */
  REJECT
}
