package nl.ymere.privacy.request;

/** Kinds of free text kept in {@code dsr_note} instead of the engine (DESIGN principle 2, SEC-3). */
public final class RequestNotes {

  public static final String APPROVAL_COMMENT = "APPROVAL_COMMENT";
  public static final String REPRESENTATION_NOTE = "REPRESENTATION_NOTE";
  public static final String IDENTITY_DOUBT = "IDENTITY_DOUBT";

  private RequestNotes() {
  }
}
