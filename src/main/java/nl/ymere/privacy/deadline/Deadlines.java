package nl.ymere.privacy.deadline;

import java.time.LocalDate;

/**
 * The statutory dates of one request.
 *
 * @param receivedOn the receipt date, day 0 (DL-1)
 * @param dueDate the one-month due date: receipt + 1 month (DL-2) + pause days (DL-8), rolled forward (DL-3)
 * @param extendedDueDate the due date if extended (DL-6): receipt + 3 months + pause days, rolled forward
 * @param unrolledDueDate receipt + 1 month + pause days before rolling (recorded per the DL record list)
 * @param unrolledExtendedDueDate receipt + 3 months + pause days before rolling
 * @param pauseDays the counted pause days (DL-8)
 */
public record Deadlines(LocalDate receivedOn, LocalDate dueDate, LocalDate extendedDueDate, LocalDate unrolledDueDate,
    LocalDate unrolledExtendedDueDate, long pauseDays) {
}
