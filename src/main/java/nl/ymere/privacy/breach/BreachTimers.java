package nl.ymere.privacy.breach;

import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The 72-hour clock of a breach (BRE-1), called by the diagram as {@code ${breachTimers.alertAt(reference, 1)}} and
 * {@code ${breachTimers.deadlineAt(reference)}}. Computed from the moment of awareness the FG stored in
 * {@code privacy.breach}, never from a process variable. Clock hours: an {@link Instant} plus a {@link
 * java.time.Duration}, so weekends, holidays and the change to or from summer time count as the real hours they are
 * (no DL-3 roll forward); Europe/Amsterdam is only for display.
 */
@Component("breachTimers")
public class BreachTimers {

  private final BreachRepository breaches;
  private final BreachProperties properties;

  BreachTimers(BreachRepository breaches, BreachProperties properties) {
    this.breaches = breaches;
    this.properties = properties;
  }

  /** The AP deadline for a moment of awareness: 72 real hours later (Art 33(1)). */
  public Instant deadlineFor(Instant awarenessAt) {
    return awarenessAt.plus(properties.notificationPeriod());
  }

  /**
   * The moments of the alerts for a moment of awareness, in order (BRE-1: +24 h, +48 h and +66 h by default): the
   * workbench colours a breach by them, as the alerts to the privacy officers and the FG go out.
   */
  public java.util.List<Instant> alertsFor(Instant awarenessAt) {
    return properties.alerts().stream().map(awarenessAt::plus).sorted().toList();
  }

  /** The n-th alert (1-based) of {@code privacy.breach.alerts} after the moment of awareness. */
  public Date alertAt(String reference, int number) {
    if (number < 1 || number > properties.alerts().size()) {
      throw new IllegalStateException("privacy.breach.alerts has no alert " + number);
    }
    return Date.from(awareness(reference).plus(properties.alerts().get(number - 1)));
  }

  public Date deadlineAt(String reference) {
    return Date.from(deadlineFor(awareness(reference)));
  }

  private Instant awareness(String reference) {
    Instant awareness = breaches.getByReference(reference).awarenessAt();
    if (awareness == null) {
      throw new IllegalStateException("Breach " + reference + " has no moment of awareness yet");
    }
    return awareness;
  }
}
