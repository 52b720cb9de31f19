package nl.ymere.privacy.retention;

/** What happens to an item when its retention period has ended (RET-1, RET-2). */
public enum EndAction {
  /** Deleted for good. */
  DESTROY,
  /** Every direct and indirect identifier removed irreversibly; what is left may serve statistics (RET-2). */
  ANONYMISE
}
