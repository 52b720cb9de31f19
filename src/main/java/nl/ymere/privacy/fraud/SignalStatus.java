package nl.ymere.privacy.fraud;

/** Where a fraud signal stands. */
public enum SignalStatus {
  /** Model evaluated; first and second assessment open. */
  ASSESSING,
  INVESTIGATION_OPENED,
  /** Dismissed by the two assessors; its data are deleted after {@code privacy.fraud.dismissed-retention}. */
  DISMISSED,
  /** A dismissed signal whose data were deleted; only an anonymous tombstone is left. */
  DATA_DELETED
}
