package nl.ymere.privacy.processor;

/** A processor agreement (verwerkersovereenkomst) or a data-sharing covenant (convenant). */
public enum AgreementKind {
  PROCESSOR_AGREEMENT,
  COVENANT;

  /** The status in which the gate allows sharing: APPROVED agreements (PRC-1), ACTIVE covenants (PRC-6). */
  AgreementStatus inForceStatus() {
    return this == PROCESSOR_AGREEMENT ? AgreementStatus.APPROVED : AgreementStatus.ACTIVE;
  }
}
