package nl.ymere.privacy.breach;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.breach.BreachRepository.ApNotification;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/breaches}: reporting an incident (every employee, e.g. through a SIEM integration, BRE-1) and the breach
 * register (Art 33(5), BRE-2: every incident, notified or not) for the privacy officers and the FG. Groups per
 * SecurityConfiguration.
 */
@RestController
class BreachController {

  /** The JSON of a report; {@code detectedAt} is a date-time with offset or Z. */
  record BreachReportRequest(String description, String detectedAt, String systems, List<String> dataCategories,
      Integer personsEstimate, Integer recordsEstimate, Boolean contained) {

    BreachReport toReport(ApiFieldErrors errors) {
      return new BreachReport(description, dateTime("detectedAt", detectedAt, errors), systems, dataCategories,
          personsEstimate, recordsEstimate, contained);
    }
  }

  /** A processor's report: the facts plus when the processor became aware and (default now) when we received it. */
  record ProcessorBreachReportRequest(String description, String detectedAt, String systems,
      List<String> dataCategories, Integer personsEstimate, Integer recordsEstimate, Boolean contained,
      String processorAwareAt, String receivedAt) {
  }

  /** A query of a personal-data source for the persons affected: every person of {@code category} in {@code system}. */
  record PersonsFromSourceRequest(String system, String category) {
  }

  private final BreachIntake intake;
  private final BreachRepository breaches;
  private final BreachService service;
  private final ProcessorBreachReports processorReports;
  private final BreachPersons persons;

  BreachController(BreachIntake intake, BreachRepository breaches, BreachService service,
      ProcessorBreachReports processorReports, BreachPersons persons) {
    this.processorReports = processorReports;
    this.persons = persons;
    this.intake = intake;
    this.breaches = breaches;
    this.service = service;
  }

  @PostMapping(path = "/api/breaches", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> report(@RequestBody BreachReportRequest request, Authentication authentication) {
    ApiFieldErrors errors = new ApiFieldErrors();
    BreachReport report = request.toReport(errors);
    errors.throwIfAny();
    String reference = intake.register(report, authentication.getName());
    return ResponseEntity.created(URI.create("/api/breaches/" + reference))
        .body(entry(breaches.getByReference(reference), false));
  }

  /** PRC-2: a processor's report, linked to its agreement; 404 for an unknown party. */
  @PostMapping(path = "/api/parties/{id}/breach-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> processorReport(@PathVariable("id") long partyId,
      @RequestBody ProcessorBreachReportRequest request, Authentication authentication) {
    ApiFieldErrors errors = new ApiFieldErrors();
    BreachReport report = new BreachReport(request.description(), dateTime("detectedAt", request.detectedAt(),
        errors), request.systems(), request.dataCategories(), request.personsEstimate(), request.recordsEstimate(),
        request.contained());
    OffsetDateTime processorAwareAt = dateTime("processorAwareAt", request.processorAwareAt(), errors);
    OffsetDateTime receivedAt = dateTime("receivedAt", request.receivedAt(), errors);
    errors.throwIfAny();
    Breach breach = processorReports.report(partyId, report, processorAwareAt, receivedAt, authentication.getName());
    return ResponseEntity.created(URI.create("/api/breaches/" + breach.reference())).body(entry(breach, false));
  }

  /**
   * BRE-4: the handler uploads the persons affected as a CSV of tenancy numbers ({@code file}; one per row, optionally
   * {@code ;en} or {@code ;nl} for the letter's language). 400 for a malformed row, 422 for an unknown tenancy number,
   * both naming the rows; nothing is stored then.
   */
  @PostMapping(path = "/api/breaches/{reference}/persons", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Object> uploadPersons(@PathVariable String reference,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication authentication)
      throws java.io.IOException {
    if (file == null) {
      throw new nl.ymere.privacy.web.ApiValidationException("file", "is required: a CSV of tenancy numbers");
    }
    if (file.getSize() > BreachPersons.MAX_BYTES) {
      throw new nl.ymere.privacy.web.ApiPayloadTooLargeException("The CSV is larger than " + BreachPersons.MAX_BYTES
          + " bytes; split the list.");
    }
    int added = persons.addCsv(reference, file.getBytes(), authentication.getName());
    return listed(reference, added);
  }

  /** BRE-4: every person of one category of a personal-data source (e.g. tenancy/contract) onto the list. */
  @PostMapping(path = "/api/breaches/{reference}/persons/from-source", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> personsFromSource(@PathVariable String reference,
      @RequestBody PersonsFromSourceRequest request, Authentication authentication) {
    int added = persons.addFromSource(reference, request.system(), request.category(), authentication.getName());
    return listed(reference, added);
  }

  private Map<String, Object> listed(String reference, int added) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("reference", reference);
    answer.put("added", added);
    answer.put("personsListed", persons.listed(breaches.getByReference(reference)));
    return answer;
  }

  @GetMapping("/api/breaches")
  List<Map<String, Object>> register() {
    return breaches.all().stream().map(b -> entry(b, false)).toList();
  }

  /** The register as CSV (Art 33(5)): one row per incident, notified or not, for the accountability file. */
  @GetMapping(path = "/api/breaches/export.csv", produces = "text/csv")
  ResponseEntity<String> export() {
    StringBuilder csv = new StringBuilder("reference;status;channel;detectedAt;awarenessAt;deadlineAt;"
        + "dataCategories;personsEstimate;recordsEstimate;proposedRisk;risk;decidedBy;confirmedBy;notified;"
        + "firstNotifiedAt;apCaseNumber;late;delayReasons;personsNotified;personsExemption;overdue;closedAt;"
        + "description;measures\r\n");
    for (Breach b : breaches.all()) {
      List<ApNotification> notices = breaches.apNotifications(b.id());
      ApNotification first = notices.isEmpty() ? null : notices.get(0);
      List<Object> row = java.util.Arrays.asList(b.reference(), b.status(), b.channel(), b.detectedAt(),
          b.awarenessAt(), b.deadlineAt(), String.join(",", b.dataCategories()), b.personsEstimate(),
          b.recordsEstimate(), b.proposedRisk(), b.confirmed() ? b.decidedRisk() : null, b.decidedBy(),
          b.confirmedBy(), first != null, first == null ? null : first.notifiedAt(),
          first == null ? null : first.apCaseNumber(), first != null && first.late(),
          first == null ? null : first.delayReasons(), breaches.personNotices(b.id()).size(), b.personsExemption(),
          service.overdue(b), b.closedAt(), b.description(), b.measures());
      csv.append(row.stream().map(BreachController::csvField).collect(java.util.stream.Collectors.joining(";")))
          .append("\r\n");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"datalekregister.csv\"").body(csv.toString());
  }

  /** A CSV field: quoted when needed; a leading =, +, - or @ is neutralised against formula injection. */
  static String csvField(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  @GetMapping("/api/breaches/{reference}")
  Map<String, Object> get(@PathVariable String reference) {
    return breaches.findByReference(reference).map(b -> entry(b, true))
        .orElseThrow(() -> new ApiNotFoundException("No data breach " + reference));
  }

  static OffsetDateTime dateTime(String field, String text, ApiFieldErrors errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(field, "must be a date-time with offset (YYYY-MM-DDTHH:MM:SS+01:00 or Z)");
      return null;
    }
  }

  /** One register entry (Art 33(5), BRE-2 "Record"); the detail adds the AP draft, reasons and notes. */
  private Map<String, Object> entry(Breach b, boolean detail) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reference", b.reference());
    entry.put("status", b.status());
    entry.put("channel", b.channel());
    entry.put("description", b.description());
    entry.put("systems", b.systems());
    entry.put("dataCategories", b.dataCategories());
    entry.put("personsEstimate", b.personsEstimate());
    entry.put("recordsEstimate", b.recordsEstimate());
    entry.put("contained", b.contained());
    entry.put("detectedAt", b.detectedAt());
    entry.put("reportedBy", b.reportedBy());
    entry.put("reportedAt", b.reportedAt());
    entry.put("processor", b.partyId() == null ? null : processor(b));
    entry.put("awarenessAt", b.awarenessAt());
    entry.put("awarenessReason", b.awarenessReason());
    entry.put("awarenessRecordedBy", b.awarenessBy());
    entry.put("deadlineAt", b.deadlineAt());
    entry.put("deadlineLocal", b.deadlineAt() == null ? null : BreachService.display(b.deadlineAt()));
    entry.put("proposedRisk", b.proposedRisk());
    entry.put("risk", b.confirmed() ? b.decidedRisk() : null);
    entry.put("decisionReason", b.confirmed() ? b.decisionReason() : null);
    entry.put("decidedBy", b.decidedBy());
    entry.put("confirmedBy", b.confirmedBy());
    entry.put("consequences", b.consequences());
    entry.put("measures", b.measures());
    List<ApNotification> notices = breaches.apNotifications(b.id());
    entry.put("notified", !notices.isEmpty());
    entry.put("apNotifications", notices.stream().map(n -> {
      Map<String, Object> notice = new LinkedHashMap<>();
      notice.put("phase", n.phase());
      notice.put("notifiedAt", n.notifiedAt());
      notice.put("apCaseNumber", n.apCaseNumber());
      notice.put("complete", n.complete());
      notice.put("late", n.late());
      notice.put("delayReasons", n.delayReasons());
      notice.put("recordedBy", n.recordedBy());
      return notice;
    }).toList());
    entry.put("personsListed", breaches.listedPersons(b.id()).size());
    entry.put("personsNotified", breaches.personNotices(b.id()).size());
    entry.put("personsNotifiedInEnglish", breaches.personNotices(b.id()).stream()
        .filter(n -> BreachPersons.ENGLISH.equals(n.language())).count());
    entry.put("personsExemption", b.personsExemption() == null ? null
        : Map.of("code", b.personsExemption(), "reason", String.valueOf(b.exemptionReason())));
    entry.put("overdue", service.overdue(b));
    entry.put("escalatedAt", b.escalatedAt());
    entry.put("closedAt", b.closedAt());
    if (detail) {
      entry.put("riskReasons", breaches.reasons(b.id()).stream().map(r -> Map.of("risk", r.risk(), "code", r.code(),
          "reason", r.reason())).toList());
      entry.put("apNotificationDraft", service.apNotificationDraft(b));
      entry.put("publicNotice", b.publicNotice());
    }
    return entry;
  }

  private Map<String, Object> processor(Breach b) {
    Map<String, Object> processor = new LinkedHashMap<>();
    processor.put("partyId", b.partyId());
    breaches.party(b.partyId()).ifPresent(p -> processor.put("code", p.get("code")));
    Map<String, Object> link = breaches.processorLink(b.id());
    processor.put("agreementReference", link.get("agreement_reference"));
    processor.put("noticeHours", link.get("processor_notice_hours"));
    processor.put("processorAwareAt", b.processorAwareAt());
    processor.put("reportedAt", link.get("processor_reported_at"));
    processor.put("reportedLate", b.processorReportLate());
    return processor;
  }
}
