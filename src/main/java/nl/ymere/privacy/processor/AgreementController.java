package nl.ymere.privacy.processor;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of parties ({@code GET /api/parties}) and the start of {@code processor-agreement} through the API
 * ({@code POST /api/processor-agreements}). Bad input gets 400 problem+json and changes nothing (principle 7).
 */
@RestController
class AgreementController {

  private final AgreementIntake intake;
  private final AgreementRepository agreements;

  AgreementController(AgreementIntake intake, AgreementRepository agreements) {
    this.intake = intake;
    this.agreements = agreements;
  }

  @PostMapping(path = "/api/processor-agreements", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@RequestBody RegisterAgreementCommand command,
      Authentication authentication) {
    if (command == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    AgreementRecord agreement = intake.registerAndStart(command, authentication.getName());
    return ResponseEntity.created(URI.create("/api/processor-agreements/" + agreement.reference()))
        .body(view(agreement));
  }

  @GetMapping("/api/processor-agreements/{reference}")
  Map<String, Object> get(@PathVariable String reference) {
    AgreementRecord agreement = agreements.getByReference(reference);
    Map<String, Object> view = view(agreement);
    // the agreement's history, e.g. a processor's breach report in time or late (PRC-2)
    view.put("events", agreements.events(agreement.id()).stream().map(e -> {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("at", e.at());
      event.put("type", e.type());
      event.put("by", e.byUser());
      event.put("detail", e.detail());
      return event;
    }).toList());
    return view;
  }

  /**
   * The register: every party with its agreements, optionally only those with {@code status} or expiring on or
   * before {@code expiringBefore} (a date).
   */
  @GetMapping("/api/parties")
  List<Map<String, Object>> parties(@RequestParam(required = false) String status,
      @RequestParam(required = false) String expiringBefore) {
    AgreementStatus wanted = null;
    if (status != null) {
      try {
        wanted = AgreementStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new ApiValidationException("status", "one of DRAFT, APPROVED, ACTIVE, REFUSED, TERMINATED");
      }
    }
    LocalDate before = null;
    if (expiringBefore != null) {
      try {
        before = LocalDate.parse(expiringBefore);
      } catch (DateTimeParseException e) {
        throw new ApiValidationException("expiringBefore", "not a date (YYYY-MM-DD)");
      }
    }
    Map<String, Map<String, Object>> parties = new LinkedHashMap<>();
    for (AgreementRecord agreement : agreements.all()) {
      if ((wanted != null && agreement.status() != wanted)
          || (before != null && agreement.expiresOn().isAfter(before))) {
        continue;
      }
      Map<String, Object> party = parties.computeIfAbsent(agreement.partyCode(), code -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("party", code);
        row.put("name", agreement.partyName());
        row.put("agreements", new java.util.ArrayList<Map<String, Object>>());
        return row;
      });
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) party.get("agreements");
      list.add(view(agreement));
    }
    return List.copyOf(parties.values());
  }

  static Map<String, Object> view(AgreementRecord agreement) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("reference", agreement.reference());
    view.put("party", agreement.partyCode());
    view.put("partyName", agreement.partyName());
    view.put("role", agreement.role());
    view.put("kind", agreement.kind());
    view.put("status", agreement.status());
    view.put("purposes", agreement.purposes());
    view.put("dataCategories", agreement.dataCategories());
    view.put("processingCountry", agreement.processingCountry());
    view.put("transferZone", agreement.transferZone());
    view.put("sccModule", agreement.sccModule());
    view.put("breachNoticeHours", agreement.breachNoticeHours());
    view.put("subProcessing", agreement.subProcessing());
    view.put("expiresOn", agreement.expiresOn());
    view.put("nextReviewOn", agreement.nextReviewOn());
    view.put("preparedBy", agreement.preparedBy());
    view.put("approvedBy", agreement.approvedBy());
    view.put("terminatedOn", agreement.terminatedOn());
    view.put("endAction", agreement.endAction());
    return view;
  }
}
