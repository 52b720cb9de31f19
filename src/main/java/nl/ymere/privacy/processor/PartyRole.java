package nl.ymere.privacy.processor;

/** Output of the role classification ({@code processes/processor-role.dmn}). */
public enum PartyRole {
  /** Processes on the corporation's documented instructions: a processor agreement (Art 28, PRC-2). */
  PROCESSOR,
  /** Decides purposes and means itself: sharing only under a covenant (PRC-6). */
  INDEPENDENT_CONTROLLER,
  /** Decides purposes and means together with the corporation: a covenant with an Art 26 arrangement (PRC-6). */
  JOINT_CONTROLLER,
  /** Municipality, bailiff, care provider or other public/partner body: a covenant (PRC-6). */
  COVENANT_PARTNER;

  AgreementKind kind() {
    return this == PROCESSOR ? AgreementKind.PROCESSOR_AGREEMENT : AgreementKind.COVENANT;
  }
}
