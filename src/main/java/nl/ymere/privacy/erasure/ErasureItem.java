package nl.ymere.privacy.erasure;

import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.personaldata.ItemRef;

/**
 * One row of the erasure list: the item reference, its category and retention in words (never content), and the
 * decision: ERASE, ANONYMISE, or KEEP with an exception and the date it ends (ERA-2); the recipients (organisation
 * names, Art 15(1)(c)) who must be told of an erasure (Art 19).
 */
public record ErasureItem(ItemRef ref, String category, String retentionRule, LocalDate retentionEnd,
    List<String> recipients, ErasureDecision decision, KeepException keepException, LocalDate keepUntil,
    boolean executed) {

  public ErasureItem {
    recipients = List.copyOf(recipients);
  }
}
