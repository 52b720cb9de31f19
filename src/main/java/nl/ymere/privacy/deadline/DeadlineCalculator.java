package nl.ymere.privacy.deadline;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one deadline calculator (DESIGN principle 3, privacy-rules DL-1..DL-11): receipt dates, one-month and
 * extended due dates, pause days, working days and the instants timers use. Plain Java and immutable, so the API,
 * the process delegates and the letters all use the same bean ({@link DeadlineConfiguration}).
 */
public final class DeadlineCalculator {

  /** DL-3: a due date expires at the end of that day, Amsterdam time. */
  public static final LocalTime EXPIRY_TIME = LocalTime.of(23, 59, 59);
  /** The time of day timers and reminders fire on a given date. */
  public static final LocalTime MORNING = LocalTime.of(8, 0);

  private static final String CALENDAR = "NL-DL4-v1";

  private final ZoneId zone;
  private final SortedSet<LocalDate> extraNonWorkingDates;

  /**
   * @param zone the zone that decides dates (DL-1: Europe/Amsterdam)
   * @param extraNonWorkingDates DL-5: days equated with holidays by Royal Decree (bridge days), default none
   */
  public DeadlineCalculator(ZoneId zone, Collection<LocalDate> extraNonWorkingDates) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.extraNonWorkingDates = Collections.unmodifiableSortedSet(
        new TreeSet<>(Objects.requireNonNull(extraNonWorkingDates, "extraNonWorkingDates")));
  }

  public ZoneId zone() {
    return zone;
  }

  public Set<LocalDate> extraNonWorkingDates() {
    return extraNonWorkingDates;
  }

  /** Names the calendar the dates were computed with (DL record: "calendar version"), extra dates included. */
  public String calendarVersion() {
    if (extraNonWorkingDates.isEmpty()) {
      return CALENDAR;
    }
    return CALENDAR + "+" + extraNonWorkingDates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  // ---- DL-1 receipt date ------------------------------------------------------------------------------------

  /** DL-1: the Amsterdam date on which the request arrived, whatever the hour (day 0). */
  public LocalDate receiptDate(Instant receivedAt) {
    return LocalDate.ofInstant(receivedAt, zone);
  }

  /** DL-1: a timestamp with offset is converted to the Amsterdam date. */
  public LocalDate receiptDate(OffsetDateTime receivedAt) {
    return receiptDate(receivedAt.toInstant());
  }

  /** DL-1: a timestamp with zone is converted to the Amsterdam date. */
  public LocalDate receiptDate(ZonedDateTime receivedAt) {
    return receiptDate(receivedAt.toInstant());
  }

  /** DL-1: a plain date is taken as is. */
  public LocalDate receiptDate(LocalDate receivedOn) {
    return Objects.requireNonNull(receivedOn, "receivedOn");
  }

  /** Today's Amsterdam date by the given clock. */
  public LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  // ---- DL-2 months, DL-3 rolling, DL-4/DL-5 working days ------------------------------------------------------

  /** DL-2: the same day-of-month n months later, or the last day of that month when it has no such day. */
  public LocalDate plusMonths(LocalDate date, int months) {
    return date.plusMonths(months);
  }

  /** DL-4 and DL-5: a Saturday, Sunday, Dutch public holiday or configured extra date is not a working day. */
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DutchHolidays.isHoliday(date)
        && !extraNonWorkingDates.contains(date);
  }

  /** DL-3: the date itself when it is a working day, else the next working day. */
  public LocalDate rollForward(LocalDate date) {
    LocalDate day = date;
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** The n-th working day after the date (the date itself not counted); n = 0 gives the date; negative goes back. */
  public LocalDate plusWorkingDays(LocalDate date, int workingDays) {
    if (workingDays < 0) {
      return minusWorkingDays(date, -workingDays);
    }
    LocalDate day = date;
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The n-th working day before the date (the date itself not counted), e.g. DL-11's internal target 5 working days
   * before the legal date, or an escalation 2 working days before the due date.
   */
  public LocalDate minusWorkingDays(LocalDate date, int workingDays) {
    if (workingDays < 0) {
      return plusWorkingDays(date, -workingDays);
    }
    LocalDate day = date;
    for (int counted = 0; counted < workingDays; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  // ---- DL-6/DL-8 due dates ----------------------------------------------------------------------------------

  /** DL-2 + DL-8 + DL-3: receipt + 1 month + pause days, then rolled forward. */
  public LocalDate dueDate(LocalDate receivedOn, long pauseDays) {
    return rollForward(unrolled(receivedOn, 1, pauseDays));
  }

  /** DL-6: receipt + 3 months + pause days, then rolled forward. */
  public LocalDate extendedDueDate(LocalDate receivedOn, long pauseDays) {
    return rollForward(unrolled(receivedOn, 3, pauseDays));
  }

  /** All dates of a request with the given number of pause days (DL-2, DL-3, DL-6, DL-8). */
  public Deadlines deadlines(LocalDate receivedOn, long pauseDays) {
    LocalDate unrolledDue = unrolled(receivedOn, 1, pauseDays);
    LocalDate unrolledExtended = unrolled(receivedOn, 3, pauseDays);
    return new Deadlines(receivedOn, rollForward(unrolledDue), rollForward(unrolledExtended), unrolledDue,
        unrolledExtended, pauseDays);
  }

  /** All dates of a request with its pauses; an open pause counts up to and including {@code today} (DL-8). */
  public Deadlines deadlines(LocalDate receivedOn, Collection<Pause> pauses, LocalDate today) {
    return deadlines(receivedOn, pauseDays(pauses, today));
  }

  /** All dates of a request without pauses. */
  public Deadlines deadlines(LocalDate receivedOn) {
    return deadlines(receivedOn, 0);
  }

  /**
   * DL-8: calendar days from the day the question is sent through the day the answer arrives, both inclusive (same
   * day = 1); days covered by more than one pause count once; an open pause counts up to and including
   * {@code today} (nothing when it starts after today).
   */
  public long pauseDays(Collection<Pause> pauses, LocalDate today) {
    List<Span> spans = new ArrayList<>();
    for (Pause pause : pauses) {
      LocalDate end = pause.isOpen() ? today : pause.until();
      if (!end.isBefore(pause.from())) {
        spans.add(new Span(pause.from(), end));
      }
    }
    spans.sort(Comparator.comparing(Span::from));
    long days = 0;
    LocalDate countedThrough = LocalDate.MIN;
    for (Span span : spans) {
      LocalDate start = span.from().isAfter(countedThrough) ? span.from() : countedThrough.plusDays(1);
      if (!span.through().isBefore(start)) {
        days += ChronoUnit.DAYS.between(start, span.through()) + 1;
        countedThrough = span.through();
      }
    }
    return days;
  }

  /** DL-8 for one closed pause: {@code until - from + 1} days. */
  public long pauseDays(LocalDate from, LocalDate until) {
    return pauseDays(List.of(Pause.closed(from, until)), until);
  }

  // ---- instants ---------------------------------------------------------------------------------------------

  /** DL-3: the instant a due date expires, 23:59:59 Amsterdam time on that date. */
  public Instant expiryOf(LocalDate dueDate) {
    return instantAt(dueDate, EXPIRY_TIME);
  }

  /** Whether the legal period of a due date has passed at the given instant. */
  public boolean isExpired(LocalDate dueDate, Instant now) {
    return now.isAfter(expiryOf(dueDate));
  }

  /** 08:00 Amsterdam time on the date, as an instant (timers and reminders fire then). */
  public Instant at0800(LocalDate date) {
    return instantAt(date, MORNING);
  }

  /** A local time on an Amsterdam date as an instant (a time in a DST gap moves forward by the gap). */
  public Instant instantAt(LocalDate date, LocalTime time) {
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  private LocalDate unrolled(LocalDate receivedOn, int months, long pauseDays) {
    if (pauseDays < 0) {
      throw new IllegalArgumentException("Pause days cannot be negative: " + pauseDays);
    }
    return plusMonths(receiptDate(receivedOn), months).plusDays(pauseDays);
  }

  private record Span(LocalDate from, LocalDate through) {
  }
}
