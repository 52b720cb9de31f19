package nl.ymere.privacy.apinquiry;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ap-inquiries}: register an inquiry or forwarded complaint of the AP (CMP-4) and the register with its
 * CSV export (issue 19 items 2 and 4). Privacy officers register; privacy officers and the FG read
 * (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/ap-inquiries")
class ApInquiryController {

  private static final Logger LOG = LoggerFactory.getLogger(ApInquiryController.class);

  private final ApInquiryRegistration registration;
  private final ApInquiryService inquiries;

  ApInquiryController(ApInquiryRegistration registration, ApInquiryService inquiries) {
    this.registration = registration;
    this.inquiries = inquiries;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@RequestBody RegisterApInquiryCommand command,
      Authentication authentication) {
    ApInquiry inquiry = registration.register(command, authentication.getName());
    return ResponseEntity.created(URI.create("/api/ap-inquiries/" + inquiry.reference()))
        .body(entry(inquiry, false));
  }

  @GetMapping
  List<Map<String, Object>> register() {
    return inquiries.all().stream().map(i -> entry(i, false)).toList();
  }

  @GetMapping("/{reference}")
  Map<String, Object> get(@PathVariable String reference) {
    ApInquiry inquiry = inquiries.find(reference)
        .orElseThrow(() -> new ApiNotFoundException("No AP inquiry " + reference));
    return entry(inquiry, true);
  }

  /** The register as CSV: references, codes, dates and user ids (no topic or answer texts). */
  @GetMapping("/export.csv")
  void export(Authentication user, HttpServletResponse response) throws IOException {
    List<ApInquiry> all = inquiries.all();
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"ap-onderzoeken.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();
    out.print('\uFEFF');
    out.print("kenmerk;soort;AP-zaaknummer;ontvangen;termijn AP;status;betreft;opgesteld door;advies FG;"
        + "goedgekeurd door;beantwoord;afgesloten door AP;bewaren tot\r\n");
    for (ApInquiry i : all) {
      String scope = inquiries.scope(i).stream().map(ApInquiryService.ScopeEntry::reference)
          .collect(Collectors.joining(" "));
      out.print(Stream.of(i.reference(), i.kind().name(), i.apCaseNumber(), i.receivedOn(), i.apDeadline(),
          i.status().name(), scope, i.draftedBy(), i.fgAdvice(), i.approvedBy(), i.answeredAt(), i.apClosedOn(),
          i.keepUntil()).map(ApInquiryController::cell).collect(Collectors.joining(";")));
      out.print("\r\n");
    }
    LOG.info("AP inquiry register exported as CSV by {}: {} rows", user.getName(), all.size());
  }

  private static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.contains(";") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private Map<String, Object> entry(ApInquiry i, boolean details) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reference", i.reference());
    entry.put("kind", i.kind());
    entry.put("apCaseNumber", i.apCaseNumber());
    entry.put("status", i.status());
    entry.put("receivedOn", i.receivedOn());
    entry.put("apDeadline", i.apDeadline());
    entry.put("scope", inquiries.scope(i));
    entry.put("draftedBy", i.draftedBy());
    entry.put("fgAdvice", i.fgAdvice());
    entry.put("fgAdvisedBy", i.fgAdvisedBy());
    entry.put("approvedBy", i.approvedBy());
    entry.put("answeredAt", i.answeredAt());
    entry.put("apClosedOn", i.apClosedOn());
    entry.put("apClosure", i.apClosure());
    entry.put("holdsReleasedAt", i.holdsReleasedAt());
    entry.put("keepUntil", i.keepUntil());
    entry.put("processInstanceId", i.processInstanceId());
    if (details) {
      entry.put("description", i.topic());
      entry.put("events", inquiries.events(i).stream().map(e -> Map.of("type", e.type(), "at", e.at(),
          "by", e.by() == null ? "" : e.by())).toList());
    }
    return entry;
  }
}
