package nl.ymere.privacy.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's one reading of ISO-8601 dates (DESIGN "The product API"): a date {@code YYYY-MM-DD}, or a date-time
 * {@code YYYY-MM-DDThh:mm[:ss[.fraction]]} with an offset ({@code Z}, {@code +01:00}, {@code +0100} or {@code +01}).
 * A date-time without offset, an impossible date or time ({@code 2026-02-30}, hour 25) and anything else are
 * rejected with a field error. A space where the offset's {@code +} belongs is read as {@code +}: an unencoded
 * {@code +} in a query string arrives as a space.
 */
public final class IsoDates {

  static final String DATE_OR_DATE_TIME_EXPECTED =
      "must be a date (YYYY-MM-DD) or a date-time with an offset or Z (e.g. 2026-03-01T10:15:00+01:00)";
  static final String DATE_EXPECTED = "must be a date (YYYY-MM-DD)";

  private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";
  private static final String TIME = "[Tt](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern LOCAL_DATE_TIME = Pattern.compile(DATE + TIME);
  private static final Pattern OFFSET_DATE_TIME =
      Pattern.compile(DATE + TIME + "(?:([Zz])|([+\\- ])(\\d{2})(?::?(\\d{2}))?)");

  private IsoDates() {
  }

  /** A date or a date-time with offset; null, blank or invalid text throws an {@link ApiValidationException}. */
  public static DateOrDateTime parseDateOrDateTime(String field, String text) {
    ApiFieldErrors errors = new ApiFieldErrors();
    DateOrDateTime value = parseDateOrDateTime(field, text, errors);
    errors.throwIfAny();
    return value;
  }

  /** As {@link #parseDateOrDateTime(String, String)}, but adds the problem to {@code errors} and returns null. */
  public static DateOrDateTime parseDateOrDateTime(String field, String text, ApiFieldErrors errors) {
    if (text == null || text.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    if (DATE_ONLY.matcher(text).matches()) {
      LocalDate date = parseDate(field, text, errors);
      return date == null ? null : DateOrDateTime.of(date);
    }
    Matcher matcher = OFFSET_DATE_TIME.matcher(text);
    if (matcher.matches()) {
      try {
        return DateOrDateTime.of(OffsetDateTime.parse(normalised(matcher), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      } catch (DateTimeException e) {
        errors.add(field, "is not an existing date and time");
        return null;
      }
    }
    if (LOCAL_DATE_TIME.matcher(text).matches()) {
      errors.add(field, "a date-time must have an offset or Z (e.g. 2026-03-01T10:15:00+01:00)");
      return null;
    }
    errors.add(field, DATE_OR_DATE_TIME_EXPECTED);
    return null;
  }

  /** A date {@code YYYY-MM-DD}; null, blank or invalid text throws an {@link ApiValidationException}. */
  public static LocalDate parseDate(String field, String text) {
    ApiFieldErrors errors = new ApiFieldErrors();
    LocalDate date = parseDate(field, text, errors);
    errors.throwIfAny();
    return date;
  }

  /** As {@link #parseDate(String, String)}, but adds the problem to {@code errors} and returns null. */
  public static LocalDate parseDate(String field, String text, ApiFieldErrors errors) {
    if (text == null || text.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    if (!DATE_ONLY.matcher(text).matches()) {
      errors.add(field, DATE_EXPECTED);
      return null;
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      errors.add(field, "is not an existing date");
      return null;
    }
  }

  /** {@code date 'T' time offset} with the offset written as {@code Z} or {@code ±hh:mm}. */
  private static String normalised(Matcher matcher) {
    String dateTime = matcher.group(1) + "T" + matcher.group(2);
    if (matcher.group(3) != null) {
      return dateTime + "Z";
    }
    String sign = "-".equals(matcher.group(4)) ? "-" : "+";
    String minutes = matcher.group(6) == null ? "00" : matcher.group(6);
    return dateTime + sign + matcher.group(5) + ":" + minutes;
  }
}
