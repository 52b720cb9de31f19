package nl.ymere.privacy.mail;

/** In what capacity the recipient gets a message (LET-1: only to the verified requester or representative). */
public enum RecipientRole {
  REQUESTER,
  REPRESENTATIVE,
  DATA_SUBJECT,
  PRIVACY_DESK,
  PRIVACY_OFFICERS,
  FG,
  HANDLING_GROUP,
  STAFF,
  /** A body with a statutory task told that its demand is refused (PRC-7); such a letter holds no personal data. */
  AUTHORITY,
  /** Another organisation (processor, covenant partner); only the gate-guarded processor.PartyOutbox uses it. */
  EXTERNAL_PARTY
}
