package nl.ymere.privacy.request;

/** Where the identity check of a request stands (rules ID). */
public enum IdentityStatus {
  NOT_REQUIRED, PENDING, VERIFIED, FAILED
}
