package nl.ymere.privacy.portability;

import nl.ymere.privacy.personaldata.ItemRef;

/** One item found for a portability request: portable or left out with the reason (no content). */
public record PortabilityItemRow(ItemRef ref, String category, String legalBasis, PortabilityExclusion exclusion) {

  public boolean included() {
    return exclusion == null;
  }
}
