package nl.ymere.privacy.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dutch public holidays that stop a period from ending (DL-4; Reg. 1182/71 Art 2(1), Algemene termijnenwet art
 * 3(1)-(2)), for any year: New Year's Day, Good Friday, Easter Sunday and Monday, King's Day, Liberation Day (every
 * year), Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day. Easter by the Gregorian computus. No
 * substitute days; bridge days are not holidays (they are configured per DL-5, see {@link DeadlineCalculator}).
 * King's Day follows today's rule (27 April, 26 April when the 27th is a Sunday) for every year.
 */
public final class DutchHolidays {

  private static final Map<Integer, SortedMap<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

  private DutchHolidays() {
  }

  /** Easter Sunday of a Gregorian year by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), years 0 and later. */
  public static LocalDate easterSunday(int year) {
    if (year < 0) {
      throw new IllegalArgumentException("Easter is computed for years 0 and later, not " + year);
    }
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  /** The holidays of one year with their Dutch names, in date order. */
  public static SortedMap<LocalDate, String> of(int year) {
    return BY_YEAR.computeIfAbsent(year, DutchHolidays::compute);
  }

  public static boolean isHoliday(LocalDate date) {
    return of(date.getYear()).containsKey(date);
  }

  private static SortedMap<LocalDate, String> compute(int year) {
    LocalDate easter = easterSunday(year);
    LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
    if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
      kingsDay = kingsDay.minusDays(1);
    }
    SortedMap<LocalDate, String> holidays = new TreeMap<>();
    add(holidays, LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag");
    add(holidays, easter.minusDays(2), "Goede Vrijdag");
    add(holidays, easter, "Eerste Paasdag");
    add(holidays, easter.plusDays(1), "Tweede Paasdag");
    add(holidays, kingsDay, "Koningsdag");
    add(holidays, LocalDate.of(year, Month.MAY, 5), "Bevrijdingsdag");
    add(holidays, easter.plusDays(39), "Hemelvaartsdag");
    add(holidays, easter.plusDays(49), "Eerste Pinksterdag");
    add(holidays, easter.plusDays(50), "Tweede Pinksterdag");
    add(holidays, LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag");
    add(holidays, LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag");
    return Collections.unmodifiableSortedMap(holidays);
  }

  /** Two holidays can fall on one day (Ascension Day on 5 May in 2016 and 2062): keep both names. */
  private static void add(SortedMap<LocalDate, String> holidays, LocalDate date, String name) {
    holidays.merge(date, name, (first, second) -> first + " / " + second);
  }
}
