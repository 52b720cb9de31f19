package nl.ymere.privacy.workbench;

import java.util.Optional;
import nl.ymere.privacy.breach.BreachCases;
import nl.ymere.privacy.breach.BreachCases.BreachCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page of one data breach (issue 16 item 3): the register's facts, risk and AP notices ({@link BreachCase}, the
 * same the privacy officers and the FG read beside their tasks and at {@code /api/breaches/{reference}}), the time
 * left to the AP deadline and the open tasks.
 */
@Service
public class BreachPages {

  public record BreachPage(BreachCase breach, BreachRow row) {
  }

  private final BreachCases breaches;
  private final BreachOverview overview;
  private final OpenTasks openTasks;

  BreachPages(BreachCases breaches, BreachOverview overview, OpenTasks openTasks) {
    this.breaches = breaches;
    this.overview = overview;
    this.openTasks = openTasks;
  }

  @Transactional(readOnly = true)
  public Optional<BreachPage> find(String reference) {
    Optional<BreachCases.RegisterEntry> entry = breaches.entry(reference);
    Optional<BreachCase> kase = breaches.find(reference);
    if (entry.isEmpty() || kase.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BreachPage(kase.get(), overview.row(entry.get(), overview.now(),
        openTasks.of(reference))));
  }
}
