package nl.ymere.privacy.retention;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The retention report as privacy officers and the FG read it ({@code /werkbank/bewaarrapport?year=}, issue 17 item
 * 6): per category destroyed, anonymised, kept back with reasons, held; the running holds; the next sweep. Read-only.
 */
@Controller
class RetentionReportPage {

  private final RetentionReport report;
  private final java.time.Clock clock;

  RetentionReportPage(RetentionReport report, java.time.Clock clock) {
    this.report = report;
    this.clock = clock;
  }

  @GetMapping("/werkbank/bewaarrapport")
  String page(@RequestParam(required = false) String year, Model model) {
    RetentionReport.Report shown = report.of(year);
    model.addAttribute("report", shown);
    model.addAttribute("keptBack", shown.categories().stream().flatMap(c -> c.keptBackReasons().stream()).toList());
    model.addAttribute("nextSweep", shown.nextSweep() == null ? null
        : java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").format(shown.nextSweep()
            .atZone(clock.getZone())));
    return "workbench/retention-report";
  }
}
