package nl.ymere.privacy.breach;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import nl.ymere.privacy.process.CaseDeadline;
import org.springframework.stereotype.Component;

/**
 * A breach is due at the end of its 72-hour clock in {@code privacy.breach} (BRE-1, BRE-3), which starts only when the
 * FG fixes the moment of awareness: before that the breach has no due date yet.
 */
@Component
class BreachCaseDeadline implements CaseDeadline {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final BreachRepository breaches;

  BreachCaseDeadline(BreachRepository breaches) {
    this.breaches = breaches;
  }

  @Override
  public String processKey() {
    return BreachProcess.KEY;
  }

  @Override
  public Optional<LocalDate> dueDate(String reference) {
    return breaches.findByReference(reference).map(Breach::deadlineAt).map(at -> at.atZone(AMSTERDAM).toLocalDate());
  }
}
