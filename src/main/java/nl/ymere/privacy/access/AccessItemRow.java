package nl.ymere.privacy.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;

/**
 * One row of {@code privacy.access_item}: an item reference found for a request and the decision on it; a withheld
 * item under a temporary ground has a review date (ACC-4).
 */
public record AccessItemRow(String system, String itemId, AccessDecision decision, ExemptionCode exemptionCode, String reason,
    List<String> redactFields, List<String> redactTexts, String decidedBy, Instant decidedAt, LocalDate reviewOn) {

  ItemRef ref() {
    return new ItemRef(system, itemId);
  }

  boolean decided() {
    return decision != null;
  }
}
