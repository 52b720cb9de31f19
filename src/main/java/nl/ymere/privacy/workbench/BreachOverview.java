package nl.ymere.privacy.workbench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ymere.privacy.breach.Breach;
import nl.ymere.privacy.breach.BreachCases;
import nl.ymere.privacy.breach.BreachCases.RegisterEntry;
import nl.ymere.privacy.breach.BreachCodes;
import nl.ymere.privacy.breach.BreachTimers;
import org.springframework.stereotype.Service;

/**
 * The list of data breaches on the workbench (issue 16 item 3, "the same for breaches"): what matters is the
 * notification to the AP within 72 clock hours of the moment of awareness the FG fixed (BRE-1, BRE-3; the deadline
 * {@code BreachTimers.deadlineFor} stored in {@code privacy.breach}). The time left is coloured by the breach's own
 * alerts ({@link BreachTimers#alertsFor}, default +24 h and +48 h): green before the first alert, amber from it, red
 * from the second (by default fewer than 24 hours left), overdue when the deadline passed without a notice or a
 * confirmed NO_RISK ({@code BreachService.overdue}). A notified breach, or one confirmed not to be notified, shows that
 * instead of a countdown. The same register the privacy officers and the FG read at {@code /api/breaches}.
 */
@Service
public class BreachOverview {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

  /** What the officers filter on; null or false means no filter. {@code soon}: amber or red. */
  public record Filter(String text, BreachCodes.Status status, boolean overdue, boolean soon, boolean mine,
      boolean includeClosed) {
  }

  public record Result(List<BreachRow> rows, Instant now) {
  }

  private final BreachCases breaches;
  private final BreachTimers timers;
  private final OpenTasks openTasks;
  private final Clock clock;

  BreachOverview(BreachCases breaches, BreachTimers timers, OpenTasks openTasks, Clock clock) {
    this.breaches = breaches;
    this.timers = timers;
    this.openTasks = openTasks;
    this.clock = clock;
  }

  public Result rows(Filter filter, String user) {
    Instant now = clock.instant();
    List<RegisterEntry> found = breaches.register().stream()
        .filter(e -> filter.includeClosed() || !closed(e.breach())
            || filter.status() == BreachCodes.Status.CLOSED)
        .filter(e -> filter.status() == null || filter.status().name().equals(e.breach().status()))
        .filter(e -> matches(e.breach(), filter.text()))
        .toList();
    Map<String, List<OverviewRow.OpenTask>> tasks = openTasks.byReference(found.stream()
        .map(e -> e.breach().reference()).toList());
    List<BreachRow> rows = new ArrayList<>();
    for (RegisterEntry entry : found) {
      BreachRow row = row(entry, now, tasks.getOrDefault(entry.breach().reference(), List.of()));
      Urgency urgency = row.urgency();
      if (filter.overdue() && urgency != Urgency.OVERDUE
          || filter.soon() && urgency != Urgency.AMBER && urgency != Urgency.RED
          || filter.mine() && row.tasks().stream().noneMatch(t -> user.equals(t.assignee()))) {
        continue;
      }
      rows.add(row);
    }
    rows.sort(Comparator.comparing((BreachRow r) -> r.breach().deadlineAt() == null || r.urgency() == null)
        .thenComparing(r -> r.breach().deadlineAt(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.breach().reference()));
    return new Result(rows, now);
  }

  /** The row of one breach, also the head of its page. */
  BreachRow row(RegisterEntry entry, Instant now, List<OverviewRow.OpenTask> tasks) {
    Breach breach = entry.breach();
    String apStatus = apStatus(entry);
    if (entry.notified() || entry.decidedNotToNotify()) {
      return new BreachRow(entry, null, apStatus, apStatus, tasks);
    }
    if (closed(breach)) {
      return new BreachRow(entry, null, "afgesloten", apStatus, tasks);
    }
    if (breach.deadlineAt() == null) {
      return new BreachRow(entry, null, "klok loopt nog niet", apStatus, tasks);
    }
    if (entry.overdue()) {
      return new BreachRow(entry, Urgency.OVERDUE, hours(Duration.between(breach.deadlineAt(), now)) + " te laat",
          apStatus, tasks);
    }
    List<Instant> alerts = timers.alertsFor(breach.awarenessAt());
    Urgency urgency = alerts.size() > 1 && !now.isBefore(alerts.get(1)) ? Urgency.RED
        : !alerts.isEmpty() && !now.isBefore(alerts.get(0)) ? Urgency.AMBER : Urgency.GREEN;
    return new BreachRow(entry, urgency, "nog " + hours(Duration.between(now, breach.deadlineAt())), apStatus, tasks);
  }

  Instant now() {
    return clock.instant();
  }

  /** Where the notification to the AP stands. */
  static String apStatus(RegisterEntry entry) {
    Breach breach = entry.breach();
    if (entry.notified()) {
      boolean late = breach.deadlineAt() != null && entry.firstNotifiedAt().isAfter(breach.deadlineAt());
      return "gemeld op " + local(entry.firstNotifiedAt()) + (late ? " (na de termijn)" : "");
    }
    if (entry.decidedNotToNotify()) {
      return "niet melden (geen risico)";
    }
    if (breach.confirmed()) {
      return "nog melden";
    }
    return "nog niet besloten";
  }

  /** "13-04-2026 22:00" in Amsterdam time; a dash for none. Public for the templates. */
  public static String local(Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant.atZone(AMSTERDAM));
  }

  /** "20 uur", "1 uur", "35 minuten": whole hours, minutes in the last hour. */
  static String hours(Duration duration) {
    long hours = duration.toHours();
    if (hours >= 1) {
      return hours + " uur";
    }
    long minutes = Math.max(0, duration.toMinutes());
    return minutes + (minutes == 1 ? " minuut" : " minuten");
  }

  private static boolean closed(Breach breach) {
    return BreachCodes.Status.CLOSED.name().equals(breach.status());
  }

  /** By reference (exactly, any case) or by a part of the description or the systems. */
  private static boolean matches(Breach breach, String text) {
    if (text == null) {
      return true;
    }
    String wanted = text.toLowerCase(Locale.ROOT);
    return breach.reference().equalsIgnoreCase(text)
        || breach.description() != null && breach.description().toLowerCase(Locale.ROOT).contains(wanted)
        || breach.systems() != null && breach.systems().toLowerCase(Locale.ROOT).contains(wanted);
  }
}
