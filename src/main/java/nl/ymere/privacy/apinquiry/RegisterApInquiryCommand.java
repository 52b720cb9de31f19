package nl.ymere.privacy.apinquiry;

import java.time.LocalDate;
import java.util.List;

/**
 * Input of {@code POST /api/ap-inquiries} (CMP-4): what the AP sent, its case number, the AP's own deadline (a date
 * the AP gave, never computed), what it is about, and its scope: references of requests ({@code AVG-…}),
 * complaints ({@code KL-…}) and breaches ({@code DL-…}) that get a legal hold.
 */
public record RegisterApInquiryCommand(
    ApInquiryKind kind,
    String apCaseNumber,
    LocalDate receivedOn,
    LocalDate apDeadline,
    String description,
    List<String> scope) {
}
