package nl.ymere.privacy.mail;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox for admins at {@code /admin/outbox} (SecurityConfiguration: camunda-admin only): the newest rows with
 * their status, rows stuck in SENDING first (DESIGN principle 4: shown to admins, never re-sent blindly), one
 * message's body (printable for letters), and the explicit admin decisions on a stuck, failed or printed row.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxAdminController {

  private static final Logger log = LoggerFactory.getLogger(OutboxAdminController.class);
  private static final int PAGE_SIZE = 200;

  record Row(OutboxMessage message, boolean stuck) {
  }

  private final OutboxRepository repository;
  private final RecipientCopies recipientCopies;
  private final OutboxProperties properties;
  private final Clock clock;
  private final ZoneId zone;
  private final String nodeId;

  OutboxAdminController(OutboxRepository repository, RecipientCopies recipientCopies, OutboxProperties properties,
      ObjectProvider<Clock> clocks, @Value("${privacy.time-zone:Europe/Amsterdam}") ZoneId zone,
      OutboxDispatcher dispatcher) {
    this.nodeId = dispatcher.nodeId();
    this.repository = repository;
    this.recipientCopies = recipientCopies;
    this.properties = properties;
    this.clock = MailConfiguration.clock(clocks);
    this.zone = zone;
  }

  /**
   * The page. Its forms carry a CSRF token, which Spring Security makes on first use and keeps in the session. With
   * HTTP Basic there is no session yet, and a form far down the page (a letter awaiting printing under a page's worth
   * of newer rows) asked for it after the first part of the page had been sent: "Cannot create a session after the
   * response has been committed" (issue 15 item 12). The token is made here, before rendering starts.
   */
  @GetMapping(produces = {MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE})
  String outbox(Model model, CsrfToken csrf) {
    csrf.getToken();
    OutboxView view = view();
    model.addAttribute("stuck", view.stuck());
    model.addAttribute("rows", view.rows());
    model.addAttribute("times", new AdminTimes(zone));
    model.addAttribute("stuckAfter", properties.stuckAfter());
    model.addAttribute("node", nodeId);
    return "admin/outbox";
  }

  /**
   * The same list for integrations (Accept: application/json): per row its status, attempts, times, claiming node
   * and sanitised last error; no addresses, subjects or bodies (those stay on the page for admins). {@code stuck}
   * holds the rows left in SENDING longer than {@code stuckAfter}, {@code node} the node that answers.
   */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  OutboxJson outboxJson() {
    OutboxView view = view();
    return new OutboxJson(nodeId, properties.stuckAfter().toString(),
        view.stuck().stream().map(OutboxJson.Message::of).toList(),
        view.rows().stream().map(OutboxJson.Message::of).toList());
  }

  private record OutboxView(List<Row> stuck, List<Row> rows) {
  }

  private OutboxView view() {
    Instant stuckBefore = clock.instant().minus(properties.stuckAfter());
    List<Row> sending = repository.findSending().stream()
        .map(message -> new Row(message, message.claimedAt() == null || message.claimedAt().isBefore(stuckBefore)))
        .toList();
    List<Row> latest = repository.findLatest(PAGE_SIZE).stream()
        .map(message -> new Row(message, sending.stream()
            .anyMatch(row -> row.stuck() && row.message().id() == message.id())))
        .toList();
    return new OutboxView(sending.stream().filter(Row::stuck).toList(), latest);
  }

  @GetMapping("/{id}")
  String message(@PathVariable long id, Model model) {
    model.addAttribute("message",
        repository.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("times", new AdminTimes(zone));
    return "admin/outbox-message";
  }

  /**
   * The stored HTML alone, e.g. to print a letter. Served with a sandboxing Content-Security-Policy: no script runs.
   * A letter waiting to be printed is the recipient's copy, with its one-time link; every other row is the staff copy
   * with the marker (issue 14 finding 6).
   */
  @GetMapping(value = "/{id}/body", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> body(@PathVariable long id) {
    OutboxMessage message = repository.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .header("Content-Security-Policy", "sandbox allow-modals; default-src 'none'; style-src 'unsafe-inline'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(message.status() == OutboxStatus.PRINT_PENDING ? recipientCopies.forRecipient(message)
            : message.bodyHtml());
  }

  /** A stuck (SENDING) or FAILED row is tried again: the admin has checked it did not reach the recipient. */
  @PostMapping("/{id}/requeue")
  String requeue(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
    return decide(id, repository.requeue(id, clock.instant()), "opnieuw in de wachtrij gezet", admin, redirect);
  }

  /** A stuck row the mail server did deliver (checked in its log) is recorded as SENT. */
  @PostMapping("/{id}/mark-sent")
  String markSent(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
    return decide(id, repository.markSentByAdmin(id, clock.instant()), "als verzonden gemarkeerd", admin, redirect);
  }

  @PostMapping("/{id}/mark-printed")
  String markPrinted(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
    return decide(id, repository.markPrinted(id, clock.instant()), "als geprint gemarkeerd", admin, redirect);
  }

  private String decide(long id, boolean changed, String what, Principal admin, RedirectAttributes redirect) {
    if (changed) {
      log.info("Outbox message {} {} by {}", id, what, admin == null ? "?" : admin.getName());
      redirect.addFlashAttribute("notice", "Bericht " + id + " " + what + ".");
    } else {
      redirect.addFlashAttribute("notice", "Bericht " + id + " is niet gewijzigd: de status past niet (meer).");
    }
    return "redirect:/admin/outbox";
  }
}
