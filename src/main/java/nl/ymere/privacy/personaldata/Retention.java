package nl.ymere.privacy.personaldata;

import java.time.LocalDate;

/**
 * How long an item is kept (RET-1): the rule in words (period, trigger, statutory source if any) and the end date
 * when it is known already (null while the trigger, e.g. the end of the tenancy, has not happened).
 */
public record Retention(String rule, LocalDate endDate) {

  public Retention {
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("a retention rule is required (RET-1: no schedule entry, no storage)");
    }
  }

  /** True when the item must still be kept on {@code day} (end date known and not yet passed). */
  public boolean runsOn(LocalDate day) {
    return endDate != null && !day.isAfter(endDate);
  }
}
