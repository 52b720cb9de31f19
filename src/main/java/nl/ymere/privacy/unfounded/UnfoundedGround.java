package nl.ymere.privacy.unfounded;

/** Art 12(5) GDPR, REQ-3: why a handler proposes not to handle a request as usual. */
public enum UnfoundedGround {
  MANIFESTLY_UNFOUNDED,
  /** For example repetitive: the same request again without anything having changed. */
  EXCESSIVE
}
