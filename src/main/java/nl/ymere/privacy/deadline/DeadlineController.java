package nl.ymere.privacy.deadline;

import java.time.LocalDate;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.DateOrDateTime;
import nl.ymere.privacy.web.IsoDates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/deadlines}: the statutory dates for a receipt moment, optionally with one suspension (DESIGN "The
 * product API"; DL-1, DL-2, DL-3, DL-6, DL-8). Any logged-in user may ask; nothing is stored.
 */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

  static final String RECEIVED_AT = "receivedAt";
  static final String PAUSE_FROM = "pauseFrom";
  static final String PAUSE_UNTIL = "pauseUntil";

  private final DeadlineCalculator calculator;

  DeadlineController(DeadlineCalculator calculator) {
    this.calculator = calculator;
  }

  @GetMapping
  DeadlineResponse deadlines(@RequestParam(name = RECEIVED_AT, required = false) String receivedAt,
      @RequestParam(name = PAUSE_FROM, required = false) String pauseFrom,
      @RequestParam(name = PAUSE_UNTIL, required = false) String pauseUntil) {
    ApiFieldErrors errors = new ApiFieldErrors();
    DateOrDateTime received = IsoDates.parseDateOrDateTime(RECEIVED_AT, receivedAt, errors);
    LocalDate receivedOn = received == null ? null : received.toLocalDate(calculator.zone());

    boolean hasFrom = pauseFrom != null;
    boolean hasUntil = pauseUntil != null;
    if (hasFrom != hasUntil) {
      errors.add(hasFrom ? PAUSE_UNTIL : PAUSE_FROM, "is required when " + (hasFrom ? PAUSE_FROM : PAUSE_UNTIL)
          + " is given (give both pause bounds or neither)");
    }
    LocalDate from = hasFrom ? pauseDate(PAUSE_FROM, pauseFrom, errors) : null;
    LocalDate until = hasUntil ? pauseDate(PAUSE_UNTIL, pauseUntil, errors) : null;
    if (from != null && until != null && until.isBefore(from)) {
      errors.add(PAUSE_UNTIL, "must not be before pauseFrom");
    }
    if (from != null && receivedOn != null && from.isBefore(receivedOn)) {
      errors.add(PAUSE_FROM, "must not be before the receipt date");
    }
    errors.throwIfAny();

    long pauseDays = from == null ? 0 : calculator.pauseDays(from, until);
    Deadlines deadlines = calculator.deadlines(receivedOn, pauseDays);
    return new DeadlineResponse(deadlines.receivedOn(), deadlines.dueDate(), deadlines.extendedDueDate());
  }

  /** DL-8 counts days: a pause bound is a date; a date-time with offset is taken on its Amsterdam date (DL-1). */
  private LocalDate pauseDate(String field, String text, ApiFieldErrors errors) {
    DateOrDateTime value = IsoDates.parseDateOrDateTime(field, text, errors);
    return value == null ? null : value.toLocalDate(calculator.zone());
  }

  record DeadlineResponse(LocalDate receivedOn, LocalDate dueDate, LocalDate extendedDueDate) {
  }
}
