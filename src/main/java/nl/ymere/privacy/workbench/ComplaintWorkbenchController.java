package nl.ymere.privacy.workbench;

import static nl.ymere.privacy.workbench.WorkbenchController.DATE;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.ymere.privacy.complaint.ComplaintStatus;
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
 * The workbench's privacy complaints (issue 16 item 3): the list ({@code /werkbank/klachten}), its CSV export and the
 * page of one complaint. For the groups that read {@code /api/complaints}: the privacy desk, the privacy officers and
 * the FG (SecurityConfiguration; checked here too).
 */
@Controller
class ComplaintWorkbenchController {

  private static final Logger log = LoggerFactory.getLogger(ComplaintWorkbenchController.class);
  static final List<String> TERMS = List.of("te-laat", "binnen-7-dagen");

  private final ComplaintOverview overview;
  private final ComplaintPages pages;
  private final StaffNames names;

  ComplaintWorkbenchController(ComplaintOverview overview, ComplaintPages pages, StaffNames names) {
    this.overview = overview;
    this.pages = pages;
    this.names = names;
  }

  @GetMapping("/werkbank/klachten")
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String termijn, @RequestParam(required = false) boolean mijn,
      @RequestParam(required = false) boolean afgesloten, Authentication user, Model model,
      HttpServletResponse response) {
    requireReader(user);
    FilterProblems problems = new FilterProblems();
    ComplaintOverview.Filter filter = filter(problems, q, status, termijn, mijn, afgesloten);
    if (problems.any()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    model.addAttribute("result", overview.rows(filter, user.getName()));
    model.addAttribute("filter", filter);
    model.addAttribute("problems", problems.list());
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("termijn", termijn == null ? "" : termijn);
    model.addAttribute("statuses", ComplaintStatus.values());
    model.addAttribute("tabs", WorkbenchTabs.of(user, "klachten"));
    return "workbench/complaints";
  }

  @GetMapping("/werkbank/klachten/export.csv")
  void export(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String termijn, @RequestParam(required = false) boolean mijn,
      @RequestParam(required = false) boolean afgesloten, Authentication user, HttpServletResponse response)
      throws IOException {
    requireReader(user);
    FilterProblems problems = new FilterProblems();
    ComplaintOverview.Filter filter = filter(problems, q, status, termijn, mijn, afgesloten);
    if (problems.any()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", problems.list()));
    }
    ComplaintOverview.Result result = overview.rows(filter, user.getName());
    CsvDownload csv = CsvDownload.start(response, "klachten.csv",
        "kenmerk;kanaal;klager;ontvangen;uiterste datum;dagen;urgentie;status;oordeel;behandelaar");
    for (ComplaintRow row : result.rows()) {
      var c = row.complaint();
      csv.row(List.of(c.reference(), RegisterLabels.channel(c.channel().name()),
          c.complainantName(), c.receivedOn().format(DATE), c.dueDate().format(DATE), row.daysLeft(),
          row.closed() ? "" : row.urgency().dutch(), RegisterLabels.of(c.status()),
          c.outcome() == null ? "" : RegisterLabels.of(c.outcome()), names.of(row.assigneeIds())));
    }
    // SEC record: an export of personal data, who and how many rows (never the content)
    log.info("Complaint list exported as CSV by {}: {} rows", user.getName(), result.rows().size());
  }

  @GetMapping("/werkbank/klachten/{reference}")
  String complaint(@PathVariable String reference, Authentication user, Model model) {
    requireReader(user);
    model.addAttribute("page", pages.find(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende klacht")));
    return "workbench/complaint";
  }

  private static ComplaintOverview.Filter filter(FilterProblems problems, String q, String status, String termijn,
      boolean mijn, boolean afgesloten) {
    String text = problems.text(q);
    ComplaintStatus wanted = problems.enumOf(ComplaintStatus.class, status, "status");
    String term = problems.termOf(termijn, TERMS);
    return new ComplaintOverview.Filter(text, wanted, "te-laat".equals(term), "binnen-7-dagen".equals(term), mijn,
        afgesloten);
  }

  private static void requireReader(Authentication user) {
    if (!WorkbenchTabs.mayOpenComplaints(user)) {
      throw new AccessDeniedException("De klachten zijn voor de privacybalie, de privacy officers en de FG.");
    }
  }
}
