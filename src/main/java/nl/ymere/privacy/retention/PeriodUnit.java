package nl.ymere.privacy.retention;

import java.time.LocalDate;

/** The unit of a retention period (RET-1); hours only for camera footage (CAM-5: 72 hours). */
public enum PeriodUnit {
  HOURS, DAYS, MONTHS, YEARS;

  /** The last trigger day whose period has ended on {@code today}: trigger + period ≤ today. */
  LocalDate latestEndedTrigger(LocalDate today, int amount) {
    return switch (this) {
      case HOURS -> today.minusDays((amount + 23) / 24);
      case DAYS -> today.minusDays(amount);
      case MONTHS -> today.minusMonths(amount);
      case YEARS -> today.minusYears(amount);
    };
  }
}
