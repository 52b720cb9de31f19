package nl.ymere.privacy.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date formatting for mail templates, available as {@code dates}: {@code ${dates.nl(dueDate)}} gives
 * "3 maart 2026", {@code ${dates.en(dueDate)}} gives "3 March 2026" (Dutch first, English second).
 */
public final class MailDates {

  static final MailDates INSTANCE = new MailDates();

  private static final DateTimeFormatter DUTCH =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
  private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private MailDates() {
  }

  public String nl(LocalDate date) {
    return date == null ? "" : DUTCH.format(date);
  }

  public String en(LocalDate date) {
    return date == null ? "" : ENGLISH.format(date);
  }
}
