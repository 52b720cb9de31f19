package nl.ymere.privacy.portability;

import java.util.Set;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.PersonalDataItem;

/**
 * Why an item found about the person is not in the portability export. An item is portable only when none applies:
 * it holds no one else's data (Art 20(4)), it is processed on consent or contract (POR-1, Art 20(1)(a)), and the
 * person provided it, including data observed from their use of a service (POR-2, WP242). Nothing is erased.
 */
public enum PortabilityExclusion {
  /** Art 20(4): the item holds someone else's data (e.g. a neighbour's complaint); left out, not redacted in place. */
  THIRD_PARTY_DATA,
  /** POR-1: processed on another basis (legal obligation, legitimate interest, public task). */
  BASIS_NOT_CONSENT_OR_CONTRACT,
  /** POR-2: derived or inferred by Ymere (scores, assessments) or received from others, not provided by the person. */
  NOT_PROVIDED_BY_PERSON;

  static final Set<LegalBasis> PORTABLE_BASES = Set.of(LegalBasis.CONSENT, LegalBasis.CONTRACT);

  /** The reason the item is left out, or null when it is portable. */
  public static PortabilityExclusion of(PersonalDataItem item) {
    if (item.thirdPartyData()) {
      return THIRD_PARTY_DATA;
    }
    if (!PORTABLE_BASES.contains(item.legalBasis())) {
      return BASIS_NOT_CONSENT_OR_CONTRACT;
    }
    if (!item.providedBySubject()) {
      return NOT_PROVIDED_BY_PERSON;
    }
    return null;
  }
}
