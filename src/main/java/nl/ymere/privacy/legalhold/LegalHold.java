package nl.ymere.privacy.legalhold;

import java.time.LocalDate;

/** A legal hold (RET-4) with its reason and the date it ends (null: until lifted). */
public record LegalHold(long id, String reason, LocalDate heldUntil) {
}
