package nl.ymere.privacy.complaint;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code /api/complaints}: register a privacy complaint (CMP-1) and the complaint register with its CSV export
 * (issue 19 item 4). Groups per SecurityConfiguration: the privacy desk and privacy officers register; desk, officers
 * and the FG read. Nobody else (a facility user gets 403).
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

  private static final Logger LOG = LoggerFactory.getLogger(ComplaintController.class);

  private final ComplaintRegistration registration;
  private final ComplaintService complaints;

  ComplaintController(ComplaintRegistration registration, ComplaintService complaints) {
    this.registration = registration;
    this.complaints = complaints;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@RequestBody RegisterComplaintCommand command,
      Authentication authentication) {
    Complaint complaint = registration.register(command, authentication.getName());
    return ResponseEntity.created(URI.create("/api/complaints/" + complaint.reference())).body(entry(complaint,
        false));
  }

  @GetMapping
  List<Map<String, Object>> register() {
    return complaints.all().stream().map(c -> entry(c, false)).toList();
  }

  @GetMapping("/{reference}")
  Map<String, Object> get(@PathVariable String reference) {
    Complaint complaint = complaints.find(reference)
        .orElseThrow(() -> new ApiNotFoundException("No complaint " + reference));
    return entry(complaint, true);
  }

  /** The register as CSV (references, codes and dates; no names or complaint texts). */
  @GetMapping("/export.csv")
  void export(Authentication user, HttpServletResponse response) throws IOException {
    List<Complaint> all = complaints.all();
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"klachten.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();
    out.print('\uFEFF');
    out.print("kenmerk;kanaal;ontvangen;uiterste datum;status;oordeel;over verzoek;beantwoord;bewaren tot\r\n");
    for (Complaint c : all) {
      out.print(String.join(";", java.util.Arrays.asList(c.reference(), c.channel().name(),
          String.valueOf(c.receivedOn()), String.valueOf(c.dueDate()), c.status().name(),
          c.outcome() == null ? "" : c.outcome().name(), c.aboutRequestReference() == null ? ""
              : c.aboutRequestReference(), c.answeredAt() == null ? "" : c.answeredAt().toString(),
          c.keepUntil() == null ? "" : c.keepUntil().toString())));
      out.print("\r\n");
    }
    LOG.info("Complaint register exported as CSV by {}: {} rows", user.getName(), all.size());
  }

  private Map<String, Object> entry(Complaint c, boolean details) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reference", c.reference());
    entry.put("status", c.status());
    entry.put("channel", c.channel());
    entry.put("receivedOn", c.receivedOn());
    entry.put("dueDate", c.dueDate());
    entry.put("outcome", c.outcome());
    entry.put("aboutRequestReference", c.aboutRequestReference());
    entry.put("answeredAt", c.answeredAt());
    entry.put("keepUntil", c.keepUntil());
    entry.put("processInstanceId", c.processInstanceId());
    if (details) {
      entry.put("complainant", Map.of("name", c.complainantName(),
          "email", c.complainantEmail() == null ? "" : c.complainantEmail(),
          "postalAddress", c.complainantAddress() == null ? "" : c.complainantAddress()));
      entry.put("links", complaints.links(c));
      entry.put("events", complaints.events(c).stream().map(e -> Map.of("type", e.type(), "at", e.at(),
          "by", e.by() == null ? "" : e.by())).toList());
    }
    return entry;
  }
}
