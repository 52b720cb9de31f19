package nl.ymere.privacy.workbench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.ymere.privacy.deadline.DeadlineCalculator;

/**
 * How close a request is to its legal due date, as the overview colours it (issue 16): the same moments as the
 * deadline watch of {@code data-subject-request} — amber from the reminder (7 calendar days before), red from the
 * escalation (2 working days before), and overdue after the due date has passed (DL-3: it expires at 23:59:59).
 */
public enum Urgency {
  GREEN("op schema"), AMBER("binnen 7 dagen"), RED("uiterlijk over 2 werkdagen"), OVERDUE("te laat");

  static final int REMINDER_DAYS = 7;
  static final int ESCALATION_WORKING_DAYS = 2;

  private final String dutch;

  Urgency(String dutch) {
    this.dutch = dutch;
  }

  public String dutch() {
    return dutch;
  }

  /** The CSS class of the colour. */
  public String css() {
    return "urgency-" + name().toLowerCase(java.util.Locale.ROOT);
  }

  static Urgency of(LocalDate due, LocalDate today, DeadlineCalculator calendar) {
    if (today.isAfter(due)) {
      return OVERDUE;
    }
    if (!today.isBefore(calendar.minusWorkingDays(due, ESCALATION_WORKING_DAYS))) {
      return RED;
    }
    if (ChronoUnit.DAYS.between(today, due) <= REMINDER_DAYS) {
      return AMBER;
    }
    return GREEN;
  }

  /** "nog 12 dagen", "vandaag", "3 dagen te laat". */
  static String daysLeftText(LocalDate due, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, due);
    if (days == 0) {
      return "vandaag";
    }
    if (days > 0) {
      return "nog " + days + (days == 1 ? " dag" : " dagen");
    }
    return -days + (days == -1 ? " dag" : " dagen") + " te laat";
  }
}
