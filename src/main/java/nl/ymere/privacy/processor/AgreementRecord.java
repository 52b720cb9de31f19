package nl.ymere.privacy.processor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/** One agreement or covenant of the register, with its party and scope (purposes and data categories). */
public record AgreementRecord(
    long id,
    String reference,
    String partyCode,
    String partyName,
    String partyEmail,
    String service,
    String dataSubjects,
    String processingCountry,
    TransferZone transferZone,
    PartyRole role,
    AgreementKind kind,
    AgreementStatus status,
    LocalDate expiresOn,
    LocalDate nextReviewOn,
    Integer breachNoticeHours,
    String subProcessing,
    Integer sccModule,
    String tiaReference,
    String fgAdvice,
    String preparedBy,
    String approvedBy,
    OffsetDateTime approvedAt,
    LocalDate terminatedOn,
    String endAction,
    Set<String> purposes,
    Set<String> dataCategories) {

  /** In force: APPROVED (agreement) or ACTIVE (covenant), and not past its expiry date on {@code today}. */
  boolean inForceOn(LocalDate today) {
    return kind != null && status == kind.inForceStatus() && !today.isAfter(expiresOn);
  }
}
