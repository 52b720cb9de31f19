package nl.ymere.privacy.workbench;

import java.util.List;
import nl.ymere.privacy.breach.Breach;
import nl.ymere.privacy.breach.BreachCases.RegisterEntry;

/**
 * One data breach in the staff list (issue 16 item 3): the register entry, how close the 72-hour notification to the
 * AP is ({@code urgency} null when no clock runs: awareness not fixed yet, the AP notified, or a confirmed NO_RISK),
 * the time left or what happened instead, the notification's state and the open tasks.
 */
public record BreachRow(RegisterEntry entry, Urgency urgency, String timeLeft, String apStatus,
    List<OverviewRow.OpenTask> tasks) {

  public Breach breach() {
    return entry.breach();
  }

  /** The CSS class of the time left: the urgency's colour, or a grey label without a running clock. */
  public String css() {
    return urgency == null ? "urgency-none" : urgency.css();
  }

  public List<String> assigneeIds() {
    return tasks.stream().map(OverviewRow.OpenTask::assignee).filter(a -> a != null).distinct().toList();
  }

  /** The first line of the description, at most 80 characters: the list's summary. */
  public String summary() {
    String text = breach().description() == null ? "" : breach().description().strip();
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline).strip();
    return line.length() <= 80 ? line : line.substring(0, 79) + "…";
  }
}
