package nl.ymere.privacy.breach;

import java.time.Instant;
import java.util.List;

/** One row of the breach register (Art 33(5), BRE-2), as stored in {@code privacy.breach}. */
public record Breach(long id, String reference, String channel, String status, String description, String systems,
    List<String> dataCategories, int personsEstimate, Integer recordsEstimate, boolean contained, Instant detectedAt,
    String reportedBy, Instant reportedAt, Long partyId, Instant processorAwareAt, Boolean processorReportLate,
    Instant awarenessAt, String awarenessZone, String awarenessReason, String awarenessBy, Instant deadlineAt,
    Boolean specialCategory, Boolean criminalData, Boolean identifiable, Boolean encryptedKeySafe,
    Boolean recipientTrustedDeleted, Boolean vulnerablePersons, String consequenceLevel, String consequences,
    String measures, String assessedBy, String proposedRisk, String decidedRisk, String decisionReason,
    String decidedBy, Instant decidedAt, String confirmedBy, Instant confirmedAt, String personsExemption,
    String exemptionReason, String publicNotice, Instant escalatedAt, Instant closedAt, String processInstanceId) {

  public boolean confirmed() {
    return confirmedBy != null;
  }
}
