package nl.ymere.privacy.workbench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.ymere.privacy.breach.Breach;
import nl.ymere.privacy.breach.BreachCodes;
import nl.ymere.privacy.process.StaffNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The workbench's data breaches (issue 16 item 3): the list ({@code /werkbank/datalekken}), its CSV export and the
 * page of one breach. For the groups that read the breach register at {@code /api/breaches}: the privacy officers and
 * the FG (SecurityConfiguration; checked here too). Breach facts may hold special-category data (Art 9, 10); these
 * pages show what that register shows them, nothing more.
 */
@Controller
class BreachWorkbenchController {

  private static final Logger log = LoggerFactory.getLogger(BreachWorkbenchController.class);
  static final List<String> TERMS = List.of("te-laat", "bijna");

  private final BreachOverview overview;
  private final BreachPages pages;
  private final StaffNames names;

  BreachWorkbenchController(BreachOverview overview, BreachPages pages, StaffNames names) {
    this.overview = overview;
    this.pages = pages;
    this.names = names;
  }

  @GetMapping("/werkbank/datalekken")
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String termijn, @RequestParam(required = false) boolean mijn,
      @RequestParam(required = false) boolean afgesloten, Authentication user, Model model,
      HttpServletResponse response) {
    requireReader(user);
    FilterProblems problems = new FilterProblems();
    BreachOverview.Filter filter = filter(problems, q, status, termijn, mijn, afgesloten);
    if (problems.any()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    model.addAttribute("result", overview.rows(filter, user.getName()));
    model.addAttribute("filter", filter);
    model.addAttribute("problems", problems.list());
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("termijn", termijn == null ? "" : termijn);
    model.addAttribute("statuses", BreachCodes.Status.values());
    model.addAttribute("tabs", WorkbenchTabs.of(user, "datalekken"));
    return "workbench/breaches";
  }

  @GetMapping("/werkbank/datalekken/export.csv")
  void export(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String termijn, @RequestParam(required = false) boolean mijn,
      @RequestParam(required = false) boolean afgesloten, Authentication user, HttpServletResponse response)
      throws IOException {
    requireReader(user);
    FilterProblems problems = new FilterProblems();
    BreachOverview.Filter filter = filter(problems, q, status, termijn, mijn, afgesloten);
    if (problems.any()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", problems.list()));
    }
    BreachOverview.Result result = overview.rows(filter, user.getName());
    CsvDownload csv = CsvDownload.start(response, "datalekken.csv",
        "kenmerk;ontdekt;gemeld;soort gegevens;samenvatting;risico;melding AP;uiterste melding AP;"
        + "resterend;status;behandelaar");
    for (BreachRow row : result.rows()) {
      Breach b = row.breach();
      csv.row(List.of(b.reference(), BreachOverview.local(b.detectedAt()),
          BreachOverview.local(b.reportedAt()), RegisterLabels.categories(b.dataCategories()), row.summary(),
          RegisterLabels.breachRisk(b), row.apStatus(), BreachOverview.local(b.deadlineAt()), row.timeLeft(),
          RegisterLabels.breachStatus(b.status()), names.of(row.assigneeIds())));
    }
    // SEC record: an export of the breach register, who and how many rows (never the content)
    log.info("Breach list exported as CSV by {}: {} rows", user.getName(), result.rows().size());
  }

  @GetMapping("/werkbank/datalekken/{reference}")
  String breach(@PathVariable String reference, Authentication user, Model model) {
    requireReader(user);
    model.addAttribute("page", pages.find(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend datalek")));
    return "workbench/breach";
  }

  private static BreachOverview.Filter filter(FilterProblems problems, String q, String status, String termijn,
      boolean mijn, boolean afgesloten) {
    String text = problems.text(q);
    BreachCodes.Status wanted = problems.enumOf(BreachCodes.Status.class, status, "status");
    String term = problems.termOf(termijn, TERMS);
    return new BreachOverview.Filter(text, wanted, "te-laat".equals(term), "bijna".equals(term), mijn, afgesloten);
  }

  private static void requireReader(Authentication user) {
    if (!WorkbenchTabs.mayOpenBreaches(user)) {
      throw new AccessDeniedException("De datalekken zijn voor de privacy officers en de FG.");
    }
  }
}
