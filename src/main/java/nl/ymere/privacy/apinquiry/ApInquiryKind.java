package nl.ymere.privacy.apinquiry;

/** What reached the corporation from the Autoriteit Persoonsgegevens (CMP-4). */
public enum ApInquiryKind {
  /** The AP asks questions or investigates on its own initiative. */
  INQUIRY,
  /** A person complained to the AP and the AP forwards the complaint for an answer. */
  FORWARDED_COMPLAINT
}
