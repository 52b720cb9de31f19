package nl.ymere.privacy.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  final DeadlineCalculator calculator = new DeadlineCalculator(AMSTERDAM, Set.of());

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  @Nested
  class ReceiptDate {

    @ParameterizedTest(name = "{0} is received on {1}")
    @CsvSource({
        // DL-1 winter time (UTC+1): midnight Amsterdam is 23:00 UTC the day before
        "2026-01-14T22:59:59Z, 2026-01-14",
        "2026-01-14T23:00:00Z, 2026-01-15",
        "2026-01-14T23:30:00Z, 2026-01-15",
        // DL-1 summer time (UTC+2): midnight Amsterdam is 22:00 UTC the day before
        "2026-07-14T21:59:59Z, 2026-07-14",
        "2026-07-14T22:00:00Z, 2026-07-15",
        "2026-07-14T23:30:00Z, 2026-07-15",
        // other offsets are converted too
        "2026-07-15T00:30:00+02:00, 2026-07-15",
        "2026-07-14T23:30:00-01:00, 2026-07-15",
        "2025-12-31T23:30:00Z, 2026-01-01",
        "2027-03-28T00:59:59Z, 2027-03-28"})
    void isTheAmsterdamDateOfTheMoment(OffsetDateTime receivedAt, LocalDate receivedOn) {
      assertThat(calculator.receiptDate(receivedAt)).isEqualTo(receivedOn);
      assertThat(calculator.receiptDate(receivedAt.toInstant())).isEqualTo(receivedOn);
    }

    @Test
    void takesAPlainDateAsIsEvenOnAWeekendOrHoliday() {
      assertThat(calculator.receiptDate(date("2026-12-26"))).isEqualTo(date("2026-12-26"));
      assertThat(calculator.deadlines(date("2026-12-26")).receivedOn()).isEqualTo(date("2026-12-26"));
    }

    @Test
    void todayIsTheAmsterdamDateOfTheClock() {
      Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-07-14T22:30:00Z"), ZoneOffset.UTC);
      assertThat(calculator.today(lateEveningUtc)).isEqualTo(date("2026-07-15"));
    }
  }

  @Nested
  class OneMonthDueDate {

    @ParameterizedTest(name = "received {0}: due {1}")
    @CsvSource({
        // DL-2 same day-of-month, a working day
        "2026-01-15, 2026-02-16", // 15 Feb 2026 is a Sunday
        "2026-03-10, 2026-04-10",
        "2025-03-31, 2025-04-30", // April has no 31st: its last day
        // DL-2 month ends: 31 January -> last day of February, then DL-3
        "2026-01-31, 2026-03-02", // 28 Feb 2026 Saturday -> Monday 2 March
        "2027-01-31, 2027-03-01", // 28 Feb 2027 Sunday -> Monday 1 March
        "2028-01-31, 2028-02-29", // leap year: Tuesday 29 February
        "2028-01-29, 2028-02-29",
        "2028-02-29, 2028-03-29", // received on 29 February
        "2026-12-31, 2027-02-01", // 31 Jan 2027 is a Sunday
        // DL-4 holidays
        "2026-03-03, 2026-04-07", // Good Friday 3 Apr, weekend, Easter Monday 6 Apr -> Tuesday
        "2025-03-21, 2025-04-22", // Easter Monday 21 Apr 2025
        "2026-03-27, 2026-04-28", // King's Day Monday 27 Apr 2026
        "2025-03-26, 2025-04-28", // King's Day 2025 on Saturday 26 Apr, then Sunday
        "2026-04-05, 2026-05-06", // Liberation Day Tuesday 5 May 2026 (not a lustrum year)
        "2027-04-05, 2027-05-07", // Liberation Day Wed 5 May 2027, Ascension Thu 6 May 2027
        "2026-04-14, 2026-05-15", // Ascension Day Thursday 14 May 2026
        "2026-04-25, 2026-05-26", // Whit Monday 25 May 2026
        "2026-11-25, 2026-12-28", // Christmas Friday, Boxing Day Saturday, Sunday -> Monday
        "2025-11-25, 2025-12-29", // Christmas Thursday, Boxing Day Friday, weekend -> Monday
        "2026-12-01, 2027-01-04", // New Year's Day Friday 1 Jan 2027, weekend -> Monday
        "2027-11-25, 2027-12-27"}) // Christmas 2027 on Saturday and Sunday: no substitute day -> Monday
    void isReceiptPlusOneMonthRolledForward(LocalDate receivedOn, LocalDate due) {
      assertThat(calculator.dueDate(receivedOn, 0)).isEqualTo(due);
      assertThat(calculator.deadlines(receivedOn).dueDate()).isEqualTo(due);
    }

    @Test
    void keepsTheUnrolledDateForTheRecord() {
      Deadlines deadlines = calculator.deadlines(date("2026-01-31"));
      assertThat(deadlines.unrolledDueDate()).isEqualTo(date("2026-02-28"));
      assertThat(deadlines.dueDate()).isEqualTo(date("2026-03-02"));
    }

    @Test
    void movesPastAConfiguredExtraNonWorkingDate() {
      // DL-5: the Friday after Ascension Day configured as a bridge day by Royal Decree
      DeadlineCalculator withBridgeDay = new DeadlineCalculator(AMSTERDAM, List.of(date("2026-05-15")));
      assertThat(withBridgeDay.dueDate(date("2026-04-14"), 0)).isEqualTo(date("2026-05-18"));
      assertThat(withBridgeDay.dueDate(date("2026-04-15"), 0)).isEqualTo(date("2026-05-18"));
      assertThat(calculator.dueDate(date("2026-04-15"), 0)).isEqualTo(date("2026-05-15"));
      assertThat(withBridgeDay.calendarVersion()).isEqualTo("NL-DL4-v1+2026-05-15");
      assertThat(calculator.calendarVersion()).isEqualTo("NL-DL4-v1");
    }
  }

  @Nested
  class ExtendedDueDate {

    @ParameterizedTest(name = "received {0}: extended due {1}")
    @CsvSource({
        "2026-01-15, 2026-04-15",
        "2025-11-30, 2026-03-02", // 28 Feb 2026 (no 30th) Saturday -> Monday
        "2026-01-27, 2026-04-28", // King's Day 2026
        "2027-11-30, 2028-02-29", // leap year, Tuesday
        "2028-02-29, 2028-05-29",
        "2025-09-26, 2025-12-29"}) // Boxing Day Friday, weekend -> Monday
    void isReceiptPlusThreeMonthsRolledForward(LocalDate receivedOn, LocalDate extended) {
      assertThat(calculator.extendedDueDate(receivedOn, 0)).isEqualTo(extended);
      assertThat(calculator.deadlines(receivedOn).extendedDueDate()).isEqualTo(extended);
    }

    @Test
    void addsPauseDaysToTheUnrolledDateThenRolls() {
      // DL-6/DL-8: 10 Jun 2026 + 5 pause days = Monday 15 June
      Deadlines deadlines = calculator.deadlines(date("2026-03-10"), 5);
      assertThat(deadlines.unrolledExtendedDueDate()).isEqualTo(date("2026-06-15"));
      assertThat(deadlines.extendedDueDate()).isEqualTo(date("2026-06-15"));
      // 26 Sep 2025 + 3 months = Friday 26 Dec (holiday); + 1 pause day = Saturday -> Monday
      assertThat(calculator.extendedDueDate(date("2025-09-26"), 1)).isEqualTo(date("2025-12-29"));
    }
  }

  @Nested
  class PauseDays {

    @Test
    void addsPauseDaysBeforeRollingOnlyTheFinalDate() {
      // DL-3/DL-8: 28 Feb 2026 (Saturday) + 2 days = Monday 2 March. Rolling first would give 4 March.
      assertThat(calculator.dueDate(date("2026-01-31"), 2)).isEqualTo(date("2026-03-02"));
      // 10 Apr 2026 (Friday) + 1 day = Saturday -> Monday 13 April
      assertThat(calculator.dueDate(date("2026-03-10"), 1)).isEqualTo(date("2026-04-13"));
      assertThat(calculator.dueDate(date("2026-03-10"), 5)).isEqualTo(date("2026-04-15"));
    }

    @Test
    void countsFromQuestionThroughAnswerBothInclusive() {
      assertThat(calculator.pauseDays(date("2026-03-12"), date("2026-03-12"))).isEqualTo(1);
      assertThat(calculator.pauseDays(date("2026-03-12"), date("2026-03-16"))).isEqualTo(5);
      assertThat(calculator.pauseDays(date("2026-02-27"), date("2026-03-02"))).isEqualTo(4);
      assertThat(calculator.pauseDays(date("2028-02-28"), date("2028-03-01"))).isEqualTo(3);
    }

    @Test
    void countsOverlappingDaysOnce() {
      LocalDate today = date("2026-04-30");
      assertThat(calculator.pauseDays(List.of(
          Pause.closed(date("2026-03-12"), date("2026-03-16")),
          Pause.closed(date("2026-03-15"), date("2026-03-18"))), today)).isEqualTo(7);
      assertThat(calculator.pauseDays(List.of(
          Pause.closed(date("2026-03-14"), date("2026-03-15")),
          Pause.closed(date("2026-03-12"), date("2026-03-20"))), today)).isEqualTo(9);
      assertThat(calculator.pauseDays(List.of(
          Pause.closed(date("2026-03-12"), date("2026-03-12")),
          Pause.closed(date("2026-03-12"), date("2026-03-12"))), today)).isEqualTo(1);
    }

    @Test
    void addsSeparateAndAdjacentPauses() {
      LocalDate today = date("2026-04-30");
      assertThat(calculator.pauseDays(List.of(
          Pause.closed(date("2026-03-01"), date("2026-03-03")),
          Pause.closed(date("2026-03-04"), date("2026-03-05"))), today)).isEqualTo(5);
      assertThat(calculator.pauseDays(List.of(
          Pause.closed(date("2026-03-10"), date("2026-03-10")),
          Pause.closed(date("2026-03-01"), date("2026-03-02"))), today)).isEqualTo(3);
      assertThat(calculator.pauseDays(List.of(), today)).isZero();
    }

    @Test
    void countsAnOpenPauseThroughToday() {
      assertThat(calculator.pauseDays(List.of(Pause.open(date("2026-03-12"))), date("2026-03-14"))).isEqualTo(3);
      assertThat(calculator.pauseDays(List.of(Pause.open(date("2026-03-12"))), date("2026-03-12"))).isEqualTo(1);
      assertThat(calculator.pauseDays(List.of(Pause.open(date("2026-03-12"))), date("2026-03-11"))).isZero();
      assertThat(calculator.pauseDays(List.of(
          Pause.closed(date("2026-03-10"), date("2026-03-13")),
          Pause.open(date("2026-03-12"))), date("2026-03-14"))).isEqualTo(5);
    }

    @Test
    void givesTheDueDatesOfARequestWithPauses() {
      Deadlines deadlines = calculator.deadlines(date("2026-03-10"),
          List.of(Pause.closed(date("2026-03-12"), date("2026-03-16"))), date("2026-03-20"));
      assertThat(deadlines).isEqualTo(new Deadlines(date("2026-03-10"), date("2026-04-15"), date("2026-06-15"),
          date("2026-04-15"), date("2026-06-15"), 5));
    }

    @Test
    void refusesAPauseEndingBeforeItStarts() {
      assertThatThrownBy(() -> Pause.closed(date("2026-03-12"), date("2026-03-11")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> calculator.dueDate(date("2026-03-12"), -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class WorkingDays {

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
        "2026-03-02, true", // Monday
        "2026-02-28, false", // Saturday
        "2026-03-01, false", // Sunday
        "2026-04-03, false", // Good Friday
        "2026-04-06, false", // Easter Monday
        "2026-04-27, false", // King's Day
        "2026-05-05, false", // Liberation Day
        "2026-05-14, false", // Ascension Day
        "2026-05-15, true", // the bridge day after Ascension is a working day unless configured (DL-5)
        "2026-05-25, false", // Whit Monday
        "2026-12-24, true",
        "2026-12-25, false",
        "2027-01-01, false"})
    void excludesWeekendsAndHolidays(LocalDate date, boolean workingDay) {
      assertThat(calculator.isWorkingDay(date)).isEqualTo(workingDay);
    }

    @Test
    void countsBackOverWeekendsAndHolidays() {
      // DL-11 internal target: 5 working days before Friday 15 May 2026 skips Ascension Day and a weekend
      assertThat(calculator.minusWorkingDays(date("2026-05-15"), 5)).isEqualTo(date("2026-05-07"));
      // 2 working days before Tuesday 7 April 2026: Easter Monday, weekend and Good Friday skipped
      assertThat(calculator.minusWorkingDays(date("2026-04-07"), 2)).isEqualTo(date("2026-04-01"));
      assertThat(calculator.minusWorkingDays(date("2026-03-02"), 1)).isEqualTo(date("2026-02-27"));
      assertThat(calculator.minusWorkingDays(date("2026-03-01"), 1)).isEqualTo(date("2026-02-27"));
    }

    @Test
    void countsForwardOverWeekendsAndHolidays() {
      assertThat(calculator.plusWorkingDays(date("2026-12-24"), 1)).isEqualTo(date("2026-12-28"));
      assertThat(calculator.plusWorkingDays(date("2026-04-30"), 3)).isEqualTo(date("2026-05-06"));
      assertThat(calculator.plusWorkingDays(date("2026-03-03"), 0)).isEqualTo(date("2026-03-03"));
      assertThat(calculator.plusWorkingDays(date("2026-05-15"), -5)).isEqualTo(date("2026-05-07"));
      assertThat(calculator.minusWorkingDays(date("2026-12-24"), -1)).isEqualTo(date("2026-12-28"));
    }

    @Test
    void honoursConfiguredExtraDates() {
      DeadlineCalculator withBridgeDay = new DeadlineCalculator(AMSTERDAM, Set.of(date("2026-05-15")));
      assertThat(withBridgeDay.isWorkingDay(date("2026-05-15"))).isFalse();
      assertThat(withBridgeDay.plusWorkingDays(date("2026-05-13"), 1)).isEqualTo(date("2026-05-18"));
      assertThat(withBridgeDay.minusWorkingDays(date("2026-05-18"), 1)).isEqualTo(date("2026-05-13"));
    }

    @Test
    void rollsForwardOnlyNonWorkingDays() {
      assertThat(calculator.rollForward(date("2026-03-02"))).isEqualTo(date("2026-03-02"));
      assertThat(calculator.rollForward(date("2026-04-03"))).isEqualTo(date("2026-04-07"));
    }
  }

  @Nested
  class Instants {

    @Test
    void aDueDateExpiresAt235959AmsterdamTime() {
      assertThat(calculator.expiryOf(date("2026-03-02"))).isEqualTo(Instant.parse("2026-03-02T22:59:59Z"));
      assertThat(calculator.expiryOf(date("2026-07-15"))).isEqualTo(Instant.parse("2026-07-15T21:59:59Z"));
      assertThat(calculator.isExpired(date("2026-03-02"), Instant.parse("2026-03-02T22:59:59Z"))).isFalse();
      assertThat(calculator.isExpired(date("2026-03-02"), Instant.parse("2026-03-02T23:00:00Z"))).isTrue();
    }

    @Test
    void eightOClockAmsterdamFollowsDaylightSavingTime() {
      assertThat(calculator.at0800(date("2026-01-15"))).isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
      assertThat(calculator.at0800(date("2026-07-15"))).isEqualTo(Instant.parse("2026-07-15T06:00:00Z"));
      // the clocks go forward at 02:00 on 29 March 2026
      assertThat(calculator.at0800(date("2026-03-29"))).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
      assertThat(calculator.at0800(date("2026-10-25"))).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
      assertThat(calculator.instantAt(date("2026-03-29"), LocalTime.of(2, 30)))
          .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
  }
}
