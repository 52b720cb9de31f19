package nl.ymere.privacy.consent;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.consent.PurposeRegistrations.CompatibilityTest;
import nl.ymere.privacy.consent.PurposeRegistrations.NewPurpose;
import nl.ymere.privacy.consent.PurposeRegistrations.Outcome;
import nl.ymere.privacy.consent.PurposeRegistrations.RecordedTest;
import nl.ymere.privacy.consent.StatementVersions.StatementVersion;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.web.ApiFieldErrors;
import nl.ymere.privacy.web.ApiValidationException;
import nl.ymere.privacy.web.ControlCharacters;
import nl.ymere.privacy.web.IsoDates;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * ROP-4 maintenance of the register of processing for privacy officers (the FG reads; SecurityConfiguration's
 * {@code /api/register/**} rules): a new purpose ({@code POST /api/register/purposes}), its compatibility test
 * ({@code POST /api/register/purposes/{code}/compatibility-test}) and the privacy statement's versions
 * ({@code GET|POST /api/register/statement-versions}, {@code POST …/{id}/approval} by another officer). Bad input is
 * 400/404/409/422 problem+json and stores nothing.
 */
@RestController
class RegisterMaintenanceController {

  record PurposeBody(String code, String nameNl, String nameEn, String legalBasis, String basisNote,
      List<String> subjectCategories, List<String> dataCategories, List<String> sourceSystems,
      List<String> processKeys, String retention) {
  }

  record TestBody(String linkToPurposes, String collectionContext, String natureOfData, String consequences,
      String safeguards, String outcome) {
  }

  record StatementBody(String version, String publishedOn, String changes, List<String> purposes) {
  }

  private static final String CODE = "[A-Z][A-Z0-9_]{1,59}";

  private final PurposeRegistrations registrations;
  private final StatementVersions statements;

  RegisterMaintenanceController(PurposeRegistrations registrations, StatementVersions statements) {
    this.registrations = registrations;
    this.statements = statements;
  }

  @PostMapping(path = "/api/register/purposes", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> registerPurpose(@RequestBody PurposeBody body, Authentication authentication) {
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    ApiFieldErrors errors = new ApiFieldErrors();
    if (body.code() == null || !body.code().matches(CODE)) {
      errors.add("code", "required: capitals, digits and _ (e.g. ENERGY_ADVICE)");
    }
    required(errors, "nameNl", body.nameNl(), 200);
    required(errors, "nameEn", body.nameEn(), 200);
    LegalBasis basis = ConsentController.enumValue(LegalBasis.class, "legalBasis", body.legalBasis(), errors);
    required(errors, "basisNote", body.basisNote(), 500);
    required(errors, "retention", body.retention(), 500);
    codes(errors, "subjectCategories", body.subjectCategories(), true, "[^,\\p{Cntrl}]{1,100}");
    codes(errors, "dataCategories", body.dataCategories(), true, "[A-Z][A-Z0-9_]{0,59}");
    codes(errors, "sourceSystems", body.sourceSystems(), false, "[a-z][a-z0-9_-]{0,59}");
    codes(errors, "processKeys", body.processKeys(), false, "[a-z][a-z0-9_-]{0,99}");
    errors.throwIfAny();
    Purpose purpose = registrations.register(new NewPurpose(body.code(), body.nameNl().strip(), body.nameEn().strip(),
        basis, body.basisNote().strip(), strip(body.subjectCategories()), strip(body.dataCategories()),
        strip(body.sourceSystems()), strip(body.processKeys()), body.retention().strip()),
        authentication.getName());
    return ResponseEntity.created(URI.create("/api/register")).body(view(purpose));
  }

  @PostMapping(path = "/api/register/purposes/{code}/compatibility-test", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> recordTest(@PathVariable String code, @RequestBody TestBody body,
      Authentication authentication) {
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    ApiFieldErrors errors = new ApiFieldErrors();
    required(errors, "linkToPurposes", body.linkToPurposes(), 2000);
    required(errors, "collectionContext", body.collectionContext(), 2000);
    required(errors, "natureOfData", body.natureOfData(), 2000);
    required(errors, "consequences", body.consequences(), 2000);
    required(errors, "safeguards", body.safeguards(), 2000);
    Outcome outcome = ConsentController.enumValue(Outcome.class, "outcome", body.outcome(), errors);
    errors.throwIfAny();
    RecordedTest test = registrations.record(code, new CompatibilityTest(body.linkToPurposes().strip(),
        body.collectionContext().strip(), body.natureOfData().strip(), body.consequences().strip(),
        body.safeguards().strip(), outcome), authentication.getName());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("reference", test.reference());
    view.put("purpose", test.purposeCode());
    view.put("outcome", test.outcome().name());
    view.put("recordedBy", test.recordedBy());
    view.put("recordedAt", test.recordedAt().toString());
    return ResponseEntity.created(URI.create("/api/register")).body(view);
  }

  @GetMapping("/api/register/statement-versions")
  List<Map<String, Object>> statementVersions() {
    return statements.all().stream().map(RegisterMaintenanceController::view).toList();
  }

  @PostMapping(path = "/api/register/statement-versions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> registerStatement(@RequestBody StatementBody body,
      Authentication authentication) {
    if (body == null) {
      throw new ApiValidationException("", "a JSON object is required");
    }
    ApiFieldErrors errors = new ApiFieldErrors();
    if (body.version() == null || !body.version().strip().matches("[0-9A-Za-z.\\-]{1,20}")) {
      errors.add("version", "required: the privacy statement version, e.g. 2026-01");
    }
    LocalDate publishedOn = null;
    if (body.publishedOn() == null || body.publishedOn().isBlank()) {
      errors.add("publishedOn", "is required (YYYY-MM-DD)");
    } else {
      publishedOn = IsoDates.parseDate("publishedOn", body.publishedOn(), errors);
    }
    required(errors, "changes", body.changes(), 10_000);
    codes(errors, "purposes", body.purposes(), false, CODE);
    errors.throwIfAny();
    StatementVersion version = statements.register(body.version().strip(), publishedOn, body.changes(),
        strip(body.purposes()), authentication.getName());
    return ResponseEntity.created(URI.create("/api/register/statement-versions")).body(view(version));
  }

  @PostMapping("/api/register/statement-versions/{id}/approval")
  Map<String, Object> approveStatement(@PathVariable long id, Authentication authentication) {
    return view(statements.approve(id, authentication.getName()));
  }

  static Map<String, Object> view(StatementVersion version) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", version.id());
    view.put("version", version.version());
    view.put("publishedOn", version.publishedOn().toString());
    view.put("changes", version.changes());
    view.put("purposes", version.purposes());
    view.put("preparedBy", version.preparedBy());
    view.put("approvedBy", version.approvedBy());
    view.put("approvedAt", version.approvedAt() == null ? null : version.approvedAt().toString());
    return view;
  }

  private static Map<String, Object> view(Purpose purpose) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("code", purpose.code());
    view.put("legalBasis", purpose.legalBasis().name());
    view.put("published", purpose.published());
    view.put("compatibilityTest", purpose.compatibilityTestRef());
    view.put("awaitsCompatibilityTest", purpose.awaitsCompatibilityTest());
    return view;
  }

  private static void required(ApiFieldErrors errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(field, "is required");
    } else if (value.length() > max) {
      errors.add(field, "longer than " + max + " characters");
    } else if (ControlCharacters.problem(field, value) != null) {
      errors.add(field, ControlCharacters.problem(field, value));
    }
  }

  private static void codes(ApiFieldErrors errors, String field, List<String> values, boolean required,
      String pattern) {
    if (values == null || values.isEmpty()) {
      if (required) {
        errors.add(field, "at least one is required");
      }
      return;
    }
    if (values.size() > 50) {
      errors.add(field, "at most 50");
      return;
    }
    for (String value : values) {
      if (value == null || !value.strip().matches(pattern)) {
        errors.add(field, "not a valid value: " + (value == null ? "null" : "'" + value.strip() + "'"));
        return;
      }
    }
  }

  private static List<String> strip(List<String> values) {
    return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
  }
}
