package nl.ymere.privacy.access;

import java.time.Instant;
import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;

/** One row of {@code privacy.access_item}: an item reference found for a request and the decision on it. */
public record AccessItemRow(String system, String itemId, AccessDecision decision, ExemptionCode exemptionCode, String reason,
    List<String> redactFields, List<String> redactTexts, String decidedBy, Instant decidedAt) {

  ItemRef ref() {
    return new ItemRef(system, itemId);
  }

  boolean decided() {
    return decision != null;
  }
}
