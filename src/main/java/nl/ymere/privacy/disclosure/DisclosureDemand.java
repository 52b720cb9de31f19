package nl.ymere.privacy.disclosure;

import java.time.Instant;
import java.time.LocalDate;

/** A demand as stored in {@code privacy.disclosure_demand}. */
public record DisclosureDemand(long id, String reference, LocalDate receivedOn, String requesterKind, String partyCode,
    String replyEmail, String legalBasis, String subjectEmail, String subjectTenancy, String requestedCategories,
    String demandText, String status, Boolean basisValid, String refusalReason, String verifiedBy, String selectedBy,
    String approvedBy, Instant disclosedAt, boolean noticeDeferred, LocalDate deferralReviewOn,
    Instant personNotifiedAt, String processInstanceId) {
}
