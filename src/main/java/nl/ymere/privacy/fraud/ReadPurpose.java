package nl.ymere.privacy.fraud;

/** Why signal data were read (SEC-1: every view is logged with user, record, purpose and time). */
public enum ReadPurpose {
  /** An assessor or officer opened the signal while handling it. */
  CASE_HANDLING,
  /** The tenant's access request (Art 15(1)(h) AVG, ACC-1). */
  ACCESS_REQUEST,
  /** A human-review request (Art 22(3) AVG, UAVG art 40, ADM-6). */
  HUMAN_REVIEW,
  /** Supervision by a privacy officer or the FG. */
  OVERSIGHT
}
