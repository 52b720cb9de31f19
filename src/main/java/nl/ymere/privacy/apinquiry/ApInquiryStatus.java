package nl.ymere.privacy.apinquiry;

/** Where an AP inquiry stands; the product's table holds it (DESIGN principle 9). */
public enum ApInquiryStatus {
  REGISTERED, DRAFTED, ADVISED, APPROVED, ANSWERED, CLOSED, HOLDS_RELEASED
}
