package nl.ymere.privacy.erasure;

import java.time.LocalDate;
import nl.ymere.privacy.personaldata.ItemRef;

/**
 * One row of the erasure list: the item reference, its category and retention in words (never content), and the
 * decision: ERASE, ANONYMISE, or KEEP with an exception and the date it ends (ERA-2).
 */
public record ErasureItem(ItemRef ref, String category, String retentionRule, LocalDate retentionEnd,
    ErasureDecision decision, KeepException keepException, LocalDate keepUntil, boolean executed) {
}
