package nl.ymere.privacy.access;

import java.time.LocalDate;

/**
 * A withheld item whose temporary exemption ground is due for review (ACC-4): once the ground has lapsed the data
 * are provided. References and codes only, no content.
 */
public record ExemptionReview(String reference, String system, String itemId, ExemptionCode exemptionCode,
    LocalDate reviewOn) {
}
