package nl.ymere.privacy.personaldata;

/** A user outside the restricted team and the privacy officers tried to read a flagged item (SEC-1); it was logged. */
public class RestrictedDataAccessDeniedException extends PersonalDataException {

  public RestrictedDataAccessDeniedException(String userId, ItemRef item) {
    super("user " + userId + " may not read special-category or criminal-law item " + item);
  }
}
