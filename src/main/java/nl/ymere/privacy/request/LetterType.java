package nl.ymere.privacy.request;

/** The letters and e-mails of a request, each a template under {@code templates/mail/} (rules LET). */
public enum LetterType {
  /** LET-2: receipt date, due date, next steps, erasure warning (ERA-3), restriction option (REC-2). */
  ACKNOWLEDGEMENT("request-acknowledgement"),
  /** REP-1: a child under 16 is told that a legal representative must file the request. */
  CHILD_REPLY("request-child-reply"),
  /** LET-4: extension notice with reason, justification, new date and the right to complain to the AP. */
  EXTENSION_NOTICE("request-extension-notice"),
  /** LET-3: NOT_PROCESSABLE because identity or authority was not established. */
  NOT_PROCESSABLE("request-not-processable"),
  /** LET-3: partial or full refusal with reasons, AP complaint and court route. */
  REFUSAL("request-refusal"),
  /** Outcome letter for GRANTED and NO_DATA. */
  ANSWER("request-answer"),
  /**
   * Access (dsr-access): GRANTED, PARTIALLY_GRANTED (grounds of withheld items without content, AP and court route:
   * LET-3, ACC-5) or NO_DATA, with the offer to collect the dossier at the office with ID (ID-5).
   */
  ACCESS_ANSWER("access-answer"),
  /** LET-4: the suspension question asking for a masked ID copy. */
  ID_COPY_QUESTION("identity-copy-question"),
  /** Reminder of the suspension question. */
  ID_COPY_REMINDER("identity-copy-reminder"),
  /** A one-time code sent to contact details on file (ID-2). */
  CHALLENGE_CODE("identity-challenge-code"),
  /** LET-5 and LET-3 (dsr-erasure): what was erased or anonymised, and what was kept, why and until when. */
  ERASURE_RESULT("request-erasure-result"),
  /** dsr-objection: the outcome (OBJ-2 confirmation, OBJ-3 upheld, or LET-3 rejection with reasons and remedies). */
  OBJECTION_RESULT("request-objection-result"),
  /** Art 18(3), RES-3: notice before a processing block is lifted. */
  RESTRICTION_LIFT_NOTICE("request-restriction-lift-notice"),
  /** REQ-3, LET-3: refusal of a manifestly unfounded or excessive request (or of one whose fee was not paid). */
  UNFOUNDED_REFUSAL("request-unfounded-refusal"),
  /** REQ-3, LET-4: fee notice with amount, ground and the option to withdraw or narrow the request. */
  FEE_NOTICE("request-fee-notice");

  private final String template;

  LetterType(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
