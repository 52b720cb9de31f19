package nl.ymere.privacy.disclosure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/disclosure-demands} (register a written demand, read one) and {@code /api/disclosures} (the disclosure
 * register with its CSV export): privacy officers register; only privacy officers and the FG read (issue 19, PRC-7).
 */
@RestController
class DisclosureController {

  private final DisclosureRegistration registration;
  private final DisclosureService demands;

  DisclosureController(DisclosureRegistration registration, DisclosureService demands) {
    this.registration = registration;
    this.demands = demands;
  }

  @PostMapping(path = "/api/disclosure-demands", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@RequestBody RegisterDemandCommand command,
      Authentication authentication) {
    DisclosureDemand demand = registration.register(command, authentication.getName());
    return ResponseEntity.created(URI.create("/api/disclosure-demands/" + demand.reference())).body(entry(demand));
  }

  @GetMapping("/api/disclosure-demands/{reference}")
  Map<String, Object> get(@PathVariable String reference) {
    return demands.find(reference).map(this::entry)
        .orElseThrow(() -> new ApiNotFoundException("No disclosure demand " + reference));
  }

  @GetMapping("/api/disclosures")
  List<Map<String, Object>> register() {
    return demands.register();
  }

  @GetMapping("/api/disclosures/export.csv")
  void export(HttpServletResponse response) throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"verstrekkingen.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();
    out.print('\uFEFF');
    out.print("kenmerk;ontvanger;grondslag;categorieen;aantal;datum;geselecteerd door;goedgekeurd door;"
        + "melding uitgesteld\r\n");
    for (Map<String, Object> row : demands.register()) {
      out.print(String.join(";", java.util.stream.Stream.of("REFERENCE", "RECIPIENT_PARTY", "LEGAL_BASIS",
          "CATEGORIES", "ITEM_COUNT", "DISCLOSED_ON", "SELECTED_BY", "APPROVED_BY", "NOTICE_DEFERRED")
          .map(key -> cell(row.get(key))).toList()));
      out.print("\r\n");
    }
  }

  private static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.contains(";") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private Map<String, Object> entry(DisclosureDemand d) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reference", d.reference());
    entry.put("status", d.status());
    entry.put("receivedOn", d.receivedOn());
    entry.put("requesterKind", d.requesterKind());
    entry.put("partyCode", d.partyCode());
    entry.put("legalBasis", d.legalBasis());
    entry.put("basisValid", d.basisValid());
    entry.put("selectedBy", d.selectedBy());
    entry.put("approvedBy", d.approvedBy());
    entry.put("disclosedAt", d.disclosedAt());
    entry.put("noticeDeferred", d.noticeDeferred());
    entry.put("deferralReviewOn", d.deferralReviewOn());
    entry.put("personNotifiedAt", d.personNotifiedAt());
    entry.put("processInstanceId", d.processInstanceId());
    return entry;
  }
}
