package nl.ymere.privacy.access;

/** What the handler decides for one item of an access request (ACC-3: per item, redact rather than withhold). */
public enum AccessDecision {
  /** Given in full. */
  INCLUDE,
  /** Given with the third-party parts replaced by {@value AccessDossierService#REDACTION_MARKER} (Art 15(4)). */
  REDACT,
  /** Left out of the dossier under an exemption code with a case-specific reason (ACC-3, ACC-5: partial refusal). */
  WITHHOLD
}
