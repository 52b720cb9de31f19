package nl.ymere.privacy.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The review page of an access request (ACC-3): every item found, its Art 15 description, its content when the
 * reader may read it (flagged items only for the restricted team and privacy officers, SEC-1), and its decision.
 */
public record AccessReviewView(String reference, boolean reviewOpen, int undecided, List<Item> items) {

  public record Item(String system, String itemId, String source, String category, String purpose,
      String legalBasis, String origin, List<String> recipients, String retention, LocalDate retentionEndDate,
      boolean specialCategory, boolean criminalLaw, boolean thirdPartyData, boolean readable,
      Map<String, String> fields, AccessDecision decision, ExemptionCode exemptionCode, String reason,
      List<String> redactFields, List<String> redactTexts, String decidedBy, Instant decidedAt, LocalDate reviewOn) {
  }
}
