package nl.ymere.privacy.access;

/** State of a download link (ID-5); expiry and the download limit are checked against the row on every attempt. */
enum LinkStatus {
  ACTIVE,
  /** Too many wrong codes. */
  BLOCKED,
  /** Replaced by a new delivery choice. */
  REVOKED
}
