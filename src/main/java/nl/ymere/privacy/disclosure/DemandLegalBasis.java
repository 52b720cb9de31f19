package nl.ymere.privacy.disclosure;

/**
 * Statutory bases that oblige the corporation to hand over data (PRC-7), each with the kind of body that may invoke
 * it. A demand that names none of these, or names one for another kind of body, has no valid basis.
 */
public enum DemandLegalBasis {
  /** Art 126nd Wetboek van Strafvordering: the public prosecutor's order for identifying and other stored data. */
  SV_126ND(RequesterKind.POLICE, "art. 126nd Wetboek van Strafvordering"),
  /** Art 126nf Sv: stored data in the investigation of serious crime. */
  SV_126NF(RequesterKind.POLICE, "art. 126nf Wetboek van Strafvordering"),
  /** Art 64 Participatiewet: information duty towards the municipality for social assistance. */
  PARTICIPATIEWET_64(RequesterKind.MUNICIPALITY, "art. 64 Participatiewet"),
  /** Art 53 Algemene wet inzake rijksbelastingen: third-party information duty towards the tax authority. */
  AWR_53(RequesterKind.TAX_AUTHORITY, "art. 53 Algemene wet inzake rijksbelastingen"),
  /** Art 475g Wetboek van Burgerlijke Rechtsvordering: information for a garnishment by a bailiff. */
  RV_475G(RequesterKind.BAILIFF, "art. 475g Wetboek van Burgerlijke Rechtsvordering"),
  /** A court order naming the corporation. */
  COURT_ORDER(RequesterKind.COURT, "rechterlijk bevel");

  private final RequesterKind kind;
  private final String citation;

  DemandLegalBasis(RequesterKind kind, String citation) {
    this.kind = kind;
    this.citation = citation;
  }

  public boolean availableTo(RequesterKind requester) {
    return kind == requester;
  }

  public String citation() {
    return citation;
  }

  /** The body with a statutory task that sent the demand. */
  public enum RequesterKind {
    POLICE, MUNICIPALITY, BAILIFF, TAX_AUTHORITY, COURT
  }
}
