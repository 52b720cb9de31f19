package nl.ymere.privacy.workbench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import nl.ymere.privacy.process.StaffNames;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.security.Groups;
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
 * The staff's workbench (issue 16): the overview of requests with their deadlines ({@code /werkbank}), its CSV
 * export, the page of one request ({@code /werkbank/verzoeken/{reference}}) and the case beside a task
 * ({@code /werkbank/taken/{taskId}}, shown in Tasklist's "Zaak" tab). Server-rendered, no JavaScript needed.
 */
@Controller
class WorkbenchController {

  private static final Logger log = LoggerFactory.getLogger(WorkbenchController.class);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private final RequestOverview overview;
  private final RequestCases requests;
  private final TaskCases tasks;
  private final StaffNames names;

  WorkbenchController(RequestOverview overview, RequestCases requests, TaskCases tasks, StaffNames names) {
    this.names = names;
    this.overview = overview;
    this.requests = requests;
    this.tasks = tasks;
  }

  @GetMapping("/werkbank")
  String overview(@RequestParam(required = false) String q, @RequestParam(required = false) String recht,
      @RequestParam(required = false) String status, @RequestParam(required = false) String termijn,
      @RequestParam(required = false) boolean mijn, @RequestParam(required = false) boolean afgesloten,
      Authentication user, Model model) {
    requireDesk(user);
    RequestOverview.Filter filter = filter(q, recht, status, termijn, mijn, afgesloten);
    model.addAttribute("result", overview.rows(filter, user.getName()));
    model.addAttribute("filter", filter);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("termijn", termijn == null ? "" : termijn);
    model.addAttribute("rights", RequestRight.values());
    model.addAttribute("statuses", RequestStatus.values());
    model.addAttribute("user", user.getName());
    model.addAttribute("tabs", WorkbenchTabs.of(user, "verzoeken"));
    return "workbench/overview";
  }

  @GetMapping("/werkbank/export.csv")
  void export(@RequestParam(required = false) String q, @RequestParam(required = false) String recht,
      @RequestParam(required = false) String status, @RequestParam(required = false) String termijn,
      @RequestParam(required = false) boolean mijn, @RequestParam(required = false) boolean afgesloten,
      Authentication user, HttpServletResponse response) throws IOException {
    requireDesk(user);
    RequestOverview.Result result = overview.rows(filter(q, recht, status, termijn, mijn, afgesloten),
        user.getName());
    CsvDownload csv = CsvDownload.start(response, "verzoeken.csv",
        "kenmerk;recht;aanvrager;ontvangen;uiterste datum;dagen;urgentie;status;behandelaar");
    for (OverviewRow row : result.rows()) {
      csv.row(List.of(row.request().reference(), row.request().right().dutchName(),
          row.requesterName(), row.request().receivedOn().format(DATE), row.dueDate().format(DATE), row.daysLeft(),
          row.urgency().dutch(), StatusLabels.of(row.request().status()), names.of(row.assigneeIds())));
    }
    // SEC record: an export of personal data, who and how many rows (never the content)
    log.info("Request overview exported as CSV by {}: {} rows", user.getName(), result.rows().size());
  }

  @GetMapping("/werkbank/verzoeken/{reference}")
  String request(@PathVariable String reference, Authentication user, Model model) {
    requireDesk(user);
    model.addAttribute("case", requests.find(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend verzoek")));
    return "workbench/request";
  }

  @GetMapping("/werkbank/taken/{taskId}")
  String task(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean ingebed, Principal user,
      Authentication authentication, Model model) {
    TaskCase found = tasks.find(taskId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Deze taak bestaat niet of is niet voor u."));
    model.addAttribute("task", found);
    model.addAttribute("embedded", ingebed);
    model.addAttribute("desk", isDesk(authentication));
    return "workbench/task";
  }

  private static RequestOverview.Filter filter(String q, String recht, String status, String termijn,
      boolean mijn, boolean afgesloten) {
    return new RequestOverview.Filter(q == null || q.isBlank() ? null : q.strip(), enumOrNull(RequestRight.class,
        recht), enumOrNull(RequestStatus.class, status), "te-laat".equals(termijn), "binnen-7-dagen".equals(termijn),
        mijn, afgesloten);
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
  }

  static boolean isDesk(Authentication user) {
    return user != null && user.getAuthorities().stream().anyMatch(a ->
        a.getAuthority().equals(Groups.authority(Groups.PRIVACY_DESK))
            || a.getAuthority().equals(Groups.authority(Groups.PRIVACY_OFFICERS)));
  }

  private static void requireDesk(Authentication user) {
    if (!isDesk(user)) {
      throw new AccessDeniedException("Het overzicht van verzoeken is voor de privacybalie en de privacy officers.");
    }
  }

  /** A CSV cell: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
  static String csv(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
