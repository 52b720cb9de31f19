package nl.ymere.privacy.personaldata;

/** Why personal data were read; logged with every read of a flagged item (SEC-1: user, record, purpose, time). */
public enum AccessPurpose {
  ACCESS_REQUEST,
  RECTIFICATION_REQUEST,
  ERASURE_REQUEST,
  RESTRICTION_REQUEST,
  OBJECTION_REQUEST,
  PORTABILITY_REQUEST,
  HUMAN_REVIEW_REQUEST,
  /** The owning team handles its own file (nuisance, home adaptation). */
  CASE_HANDLING,
  /** Supervision by a privacy officer. */
  OVERSIGHT
}
