package nl.ymere.privacy.complaint;

/** Where a complaint stands. */
public enum ComplaintStatus {
  REGISTERED, INVESTIGATING, AWAITING_APPROVAL, ANSWER_APPROVED, ANSWERED
}
