package nl.ymere.privacy.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * An API value that is either a date ({@code YYYY-MM-DD}) or a date-time with an offset or {@code Z}, such as
 * {@code receivedAt} (DESIGN "The product API"). Parse it with {@link IsoDates}; as a JSON body field it parses
 * itself, and a bad value is reported under that field's path.
 */
public final class DateOrDateTime {

  private final LocalDate date;
  private final OffsetDateTime dateTime;

  private DateOrDateTime(LocalDate date, OffsetDateTime dateTime) {
    this.date = date;
    this.dateTime = dateTime;
  }

  public static DateOrDateTime of(LocalDate date) {
    return new DateOrDateTime(Objects.requireNonNull(date, "date"), null);
  }

  public static DateOrDateTime of(OffsetDateTime dateTime) {
    return new DateOrDateTime(null, Objects.requireNonNull(dateTime, "dateTime"));
  }

  /** For JSON bodies: an invalid text becomes a 400 naming the field (see {@link ApiExceptionHandler}). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static DateOrDateTime fromJson(String text) {
    return IsoDates.parseDateOrDateTime(null, text);
  }

  public boolean hasTime() {
    return dateTime != null;
  }

  /** The date-time with its offset, when one was given. */
  public Optional<OffsetDateTime> dateTime() {
    return Optional.ofNullable(dateTime);
  }

  /** The instant, when a date-time was given. */
  public Optional<Instant> instant() {
    return dateTime().map(OffsetDateTime::toInstant);
  }

  /** DL-1: a date-time becomes the local date in the zone; a plain date is taken as is. */
  public LocalDate toLocalDate(ZoneId zone) {
    return dateTime == null ? date : dateTime.atZoneSameInstant(zone).toLocalDate();
  }

  @JsonValue
  @Override
  public String toString() {
    return dateTime == null ? date.toString() : dateTime.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DateOrDateTime that && Objects.equals(date, that.date)
        && Objects.equals(dateTime, that.dateTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(date, dateTime);
  }
}
