package nl.ymere.privacy.retention;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The retention schedule as staff read it ({@code /werkbank/bewaartermijnen}, RET-1, ROP-1): per category the
 * version that applies today, and every version with who proposed and who approved it. Read-only: changes go
 * through {@code /api/retention-schedule} with four eyes.
 */
@Controller
class RetentionSchedulePage {

  private final RetentionSchedule schedule;
  private final Clock clock;

  RetentionSchedulePage(RetentionSchedule schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
  }

  @GetMapping("/werkbank/bewaartermijnen")
  String page(Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("current", schedule.categories().stream()
        .map(c -> schedule.current(c.system(), c.category(), today).orElse(null))
        .filter(java.util.Objects::nonNull).toList());
    model.addAttribute("missing", schedule.withoutEntry(schedule.categories(), today));
    model.addAttribute("versions", schedule.all());
    model.addAttribute("today", today);
    return "workbench/retention-schedule";
  }
}
