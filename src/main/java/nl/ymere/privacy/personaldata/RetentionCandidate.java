package nl.ymere.privacy.personaldata;

import java.time.LocalDate;

/**
 * An item whose retention period may have ended, as the retention sweep sees it (RET-3): its reference, the day its
 * trigger happened and the identifiers a legal hold names (RET-4). Never content.
 *
 * @param itemId the source's item id
 * @param position the source's order of the item (its row id): the sweep pages on it, so memory stays bounded
 * @param triggerDate the day the retention period started to run (end of tenancy, completion, ...)
 * @param subjectEmail the person's e-mail address where the source holds one, for matching holds; else null
 * @param tenancyNumber the tenancy number where the source holds one, for matching holds; else null
 * @param restricted the processing block of Art 18 is set (RES-2; e.g. kept for the person's legal claims)
 */
public record RetentionCandidate(String itemId, long position, LocalDate triggerDate, String subjectEmail,
    String tenancyNumber, boolean restricted) {
}
