package nl.ymere.privacy.unfounded;

/** What the person did after the fee notice (LET-4, REQ-3). */
public enum FeeResponse {
  PAID,
  /** Narrowed the request so that it is no longer excessive: no fee, handling goes on. */
  NARROWED,
  /** Withdrew the request: outcome WITHDRAWN. */
  WITHDRAWN,
  /** The response period lapsed: the request is refused (LET-3). Recorded by the process, not by a person. */
  NO_REPLY
}
