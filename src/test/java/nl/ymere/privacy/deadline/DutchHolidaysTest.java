package nl.ymere.privacy.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DL-4: Dutch public holidays for any year, Easter by the Gregorian computus. */
class DutchHolidaysTest {

  @ParameterizedTest(name = "Easter Sunday {0} is {1}")
  @CsvSource({
      "1818, 1818-03-22", // earliest possible date
      "1943, 1943-04-25", // latest possible date
      "2000, 2000-04-23",
      "2008, 2008-03-23",
      "2019, 2019-04-21",
      "2024, 2024-03-31",
      "2025, 2025-04-20",
      "2026, 2026-04-05",
      "2027, 2027-03-28",
      "2028, 2028-04-16",
      "2038, 2038-04-25",
      "2285, 2285-03-22"})
  void computesEasterByTheGregorianComputus(int year, LocalDate easter) {
    assertThat(DutchHolidays.easterSunday(year)).isEqualTo(easter);
  }

  @Test
  void listsTheHolidaysOf2025WithKingsDayOnSaturdayBecause27AprilIsASunday() {
    assertThat(DutchHolidays.of(2025)).containsOnlyKeys(
        LocalDate.parse("2025-01-01"), // Nieuwjaarsdag
        LocalDate.parse("2025-04-18"), // Goede Vrijdag
        LocalDate.parse("2025-04-20"), // Eerste Paasdag
        LocalDate.parse("2025-04-21"), // Tweede Paasdag
        LocalDate.parse("2025-04-26"), // Koningsdag: 27 April 2025 is a Sunday
        LocalDate.parse("2025-05-05"), // Bevrijdingsdag
        LocalDate.parse("2025-05-29"), // Hemelvaartsdag
        LocalDate.parse("2025-06-08"), // Eerste Pinksterdag
        LocalDate.parse("2025-06-09"), // Tweede Pinksterdag
        LocalDate.parse("2025-12-25"),
        LocalDate.parse("2025-12-26"));
    assertThat(DutchHolidays.isHoliday(LocalDate.parse("2025-04-27"))).isFalse();
  }

  @Test
  void listsTheHolidaysOf2026() {
    assertThat(DutchHolidays.of(2026)).containsOnlyKeys(
        LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-04-03"),
        LocalDate.parse("2026-04-05"),
        LocalDate.parse("2026-04-06"),
        LocalDate.parse("2026-04-27"),
        LocalDate.parse("2026-05-05"), // not a lustrum year: still a holiday (DL-4 "every year")
        LocalDate.parse("2026-05-14"),
        LocalDate.parse("2026-05-24"),
        LocalDate.parse("2026-05-25"),
        LocalDate.parse("2026-12-25"),
        LocalDate.parse("2026-12-26"));
    assertThat(DutchHolidays.of(2026).get(LocalDate.parse("2026-04-27"))).isEqualTo("Koningsdag");
  }

  @Test
  void listsTheHolidaysOf2027() {
    assertThat(DutchHolidays.of(2027)).containsOnlyKeys(
        LocalDate.parse("2027-01-01"),
        LocalDate.parse("2027-03-26"),
        LocalDate.parse("2027-03-28"),
        LocalDate.parse("2027-03-29"),
        LocalDate.parse("2027-04-27"),
        LocalDate.parse("2027-05-05"),
        LocalDate.parse("2027-05-06"),
        LocalDate.parse("2027-05-16"),
        LocalDate.parse("2027-05-17"),
        LocalDate.parse("2027-12-25"),
        LocalDate.parse("2027-12-26"));
  }

  @Test
  void keepsBothNamesWhenAscensionFallsOnLiberationDay() {
    // Easter 2016 was 27 March, so Ascension Day (+39) was 5 May.
    assertThat(DutchHolidays.of(2016).get(LocalDate.parse("2016-05-05")))
        .isEqualTo("Bevrijdingsdag / Hemelvaartsdag");
    assertThat(DutchHolidays.of(2016)).hasSize(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-04-02", "2026-04-07", "2026-04-28", "2026-05-04", "2026-05-06", "2026-05-15",
      "2026-05-26", "2026-12-24", "2026-12-31"})
  void daysNextToHolidaysAreNoHolidays(LocalDate date) {
    assertThat(DutchHolidays.isHoliday(date)).isFalse();
  }
}
