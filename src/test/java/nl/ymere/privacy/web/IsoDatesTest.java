package nl.ymere.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's reading of dates and date-times (DESIGN "The product API"). */
class IsoDatesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void readsAPlainDateAsIs() {
    DateOrDateTime value = IsoDates.parseDateOrDateTime("receivedAt", "2026-02-28");
    assertThat(value.hasTime()).isFalse();
    assertThat(value.instant()).isEmpty();
    assertThat(value.toLocalDate(AMSTERDAM)).isEqualTo(LocalDate.parse("2026-02-28"));
    assertThat(value).hasToString("2026-02-28");
  }

  @ParameterizedTest(name = "{0} is {1}, Amsterdam date {2}")
  @CsvSource({
      "2026-09-30T22:30:00Z, 2026-09-30T22:30:00Z, 2026-10-01",
      "2026-09-30T22:30Z, 2026-09-30T22:30:00Z, 2026-10-01",
      "2026-09-30t22:30:00z, 2026-09-30T22:30:00Z, 2026-10-01",
      "2026-01-15T00:30:00+01:00, 2026-01-14T23:30:00Z, 2026-01-15",
      "2026-01-15T00:30:00+0100, 2026-01-14T23:30:00Z, 2026-01-15",
      "2026-01-15T00:30:00+01, 2026-01-14T23:30:00Z, 2026-01-15",
      "2026-01-15T00:30:00.123456789-05:00, 2026-01-15T05:30:00.123456789Z, 2026-01-15",
      // an unencoded '+' in a query string arrives as a space
      "2026-01-15T00:30:00 01:00, 2026-01-14T23:30:00Z, 2026-01-15"})
  void readsADateTimeWithOffset(String text, Instant instant, LocalDate amsterdamDate) {
    DateOrDateTime value = IsoDates.parseDateOrDateTime("receivedAt", text);
    assertThat(value.hasTime()).isTrue();
    assertThat(value.instant()).contains(instant);
    assertThat(value.toLocalDate(AMSTERDAM)).isEqualTo(amsterdamDate);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30", "2026-13-01", "2026-04-31", "2027-02-29", "2026-00-10"})
  void rejectsImpossibleDates(String text) {
    assertThatThrownBy(() -> IsoDates.parseDateOrDateTime("receivedAt", text))
        .isInstanceOfSatisfying(ApiValidationException.class, e -> assertThat(e.errors())
            .containsExactly(new ApiFieldError("receivedAt", "is not an existing date")));
    assertThatThrownBy(() -> IsoDates.parseDate("dateOfBirth", text))
        .isInstanceOfSatisfying(ApiValidationException.class, e -> assertThat(e.errors())
            .containsExactly(new ApiFieldError("dateOfBirth", "is not an existing date")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-09-30T25:00:00Z", "2026-09-30T24:00:00Z", "2026-09-30T12:60:00Z",
      "2026-02-30T10:00:00Z", "2026-09-30T10:00:00+19:00"})
  void rejectsImpossibleDateTimes(String text) {
    assertThatThrownBy(() -> IsoDates.parseDateOrDateTime("receivedAt", text))
        .isInstanceOfSatisfying(ApiValidationException.class, e -> assertThat(e.errors())
            .containsExactly(new ApiFieldError("receivedAt", "is not an existing date and time")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-09-30T10:00:00", "2026-09-30T10:00", "2026-09-30T10:00:00.5"})
  void rejectsADateTimeWithoutOffset(String text) {
    assertThatThrownBy(() -> IsoDates.parseDateOrDateTime("receivedAt", text))
        .isInstanceOfSatisfying(ApiValidationException.class, e -> assertThat(e.errors())
            .singleElement().satisfies(error -> {
              assertThat(error.field()).isEqualTo("receivedAt");
              assertThat(error.message()).contains("offset");
            }));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-date", "2026-2-3", "20260203", "+12026-01-01", "2026-01-01T", "2026-01-01 10:00Z",
      "2026-01-01T10:00:00+01:00[Europe/Amsterdam]", " 2026-01-01", "2026-01-01 ", "１２３４-01-01", "tomorrow"})
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> IsoDates.parseDateOrDateTime("receivedAt", text))
        .isInstanceOfSatisfying(ApiValidationException.class, e -> assertThat(e.errors())
            .containsExactly(new ApiFieldError("receivedAt", IsoDates.DATE_OR_DATE_TIME_EXPECTED)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void requiresAValue(String text) {
    assertThatThrownBy(() -> IsoDates.parseDateOrDateTime("receivedAt", text))
        .isInstanceOfSatisfying(ApiValidationException.class, e -> assertThat(e.errors())
            .containsExactly(new ApiFieldError("receivedAt", "is required")));
  }

  @Test
  void aPlainDateFieldTakesNoTime() {
    assertThat(IsoDates.parseDate("dateOfBirth", "2010-06-30")).isEqualTo(LocalDate.parse("2010-06-30"));
    assertThatThrownBy(() -> IsoDates.parseDate("dateOfBirth", "2010-06-30T00:00:00Z"))
        .isInstanceOfSatisfying(ApiValidationException.class, e -> assertThat(e.errors())
            .containsExactly(new ApiFieldError("dateOfBirth", IsoDates.DATE_EXPECTED)));
  }

  @Test
  void collectsProblemsWithoutThrowing() {
    ApiFieldErrors errors = new ApiFieldErrors();
    assertThat(IsoDates.parseDateOrDateTime("a", "2026-02-30", errors)).isNull();
    assertThat(IsoDates.parseDate("b", "x", errors)).isNull();
    assertThat(IsoDates.parseDate("c", "2026-02-28", errors)).isEqualTo(LocalDate.parse("2026-02-28"));
    assertThat(errors.list()).extracting(ApiFieldError::field).containsExactly("a", "b");
    assertThatThrownBy(errors::throwIfAny).isInstanceOf(ApiValidationException.class)
        .hasMessage("a: is not an existing date; b: must be a date (YYYY-MM-DD)");
  }
}
