package nl.ymere.privacy.processor;

/** Life of an agreement in the register. Only APPROVED (agreements) and ACTIVE (covenants) allow sharing. */
public enum AgreementStatus {
  DRAFT,
  APPROVED,
  ACTIVE,
  REFUSED,
  TERMINATED
}
