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
  /** dsr-access, ID-5: invitation to collect the dossier at the office (date, time, place, ID to bring). */
  ACCESS_APPOINTMENT("access-appointment"),
  /** dsr-access, ID-5: the expiring download link of a secure electronic delivery (by e-mail). */
  ACCESS_DOWNLOAD_LINK("access-download-link"),
  /** dsr-access, ID-5: the one-time code for the download link, by post (the second channel). */
  ACCESS_DOWNLOAD_CODE("access-download-code"),
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
  /** dsr-portability (POR-3): what was exported, format, checksum, delivery route, direct transfer, what was left out. */
  PORTABILITY_RESULT("request-portability-result"),
  /** dsr-portability (POR-1): nothing qualifies for portability, so the request is answered as access; why. */
  PORTABILITY_AS_ACCESS("request-portability-as-access"),
  /** LET-5 (dsr-restriction): which items are restricted, on which ground, which recipients were told (REQ-6). */
  RESTRICTION_RESULT("request-restriction-result"),
  /** LET-5 and LET-3 (dsr-rectification): what was corrected or attached, recipients told, what was refused and why. */
  RECTIFICATION_RESULT("request-rectification-result"),
  /** dsr-human-review (ADM-6): the invitation to state a view on the decision, with the date it is due by. */
  HUMAN_REVIEW_VIEW_INVITATION("human-review-view-invitation"),
  /** dsr-human-review: the new decision and the logic used (ADM-3); LET-3 remedies when it stays unfavourable. */
  HUMAN_REVIEW_RESULT("request-human-review-result"),
  /** REQ-3, LET-3: refusal of a manifestly unfounded or excessive request (or of one whose fee was not paid). */
  UNFOUNDED_REFUSAL("request-unfounded-refusal"),
  /** REQ-3, LET-4: fee notice with amount, ground and the option to withdraw or narrow the request. */
  FEE_NOTICE("request-fee-notice"),
  /** REQ-3, REQ-5: confirms a request withdrawn after the fee notice: closed, nothing charged. */
  WITHDRAWAL_CONFIRMATION("request-withdrawal-confirmation");

  private final String template;

  LetterType(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
