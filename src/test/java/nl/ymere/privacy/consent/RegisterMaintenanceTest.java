package nl.ymere.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.processor.ProcessorTestSupport;
import nl.ymere.privacy.processor.SharingDecision.Reason;
import nl.ymere.privacy.processor.SharingGate;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ROP-4 (issue 20 items 1-3): a new purpose is registered, needs a compatibility test record before it takes consent
 * or opens the sharing gate, and a privacy statement version (four eyes) before it is published; the register shows
 * the statement version and date of each purpose; retention per purpose comes from the retention schedule (RET-1)
 * where it has entries. Bad input is 4xx problem+json and stores nothing.
 */
@IntegrationTest
class RegisterMaintenanceTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport engine;
  @Autowired ProcessorTestSupport processors;
  @Autowired SharingGate gate;
  @Autowired DataSource dataSource;

  String marker;
  String email;

  @BeforeEach
  void setUp() {
    engine.setNow(TODAY, 10, 0);
    marker = Long.toString(System.nanoTime() % 10_000_000);
    email = "rop4." + marker + "@voorbeeld.nl";
  }

  @AfterEach
  void tearDown() {
    engine.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(email).hits()).isEmpty();
  }

  ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  void assertProblem(ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
  }

  String purposeBody(String code, String basis) {
    return """
        {"code":"%s","nameNl":"Energieadvies aan huurders","nameEn":"Energy advice to tenants","legalBasis":"%s",
         "basisNote":"Art 6 lid 1 sub a AVG","subjectCategories":["Huurders"],"dataCategories":["CONTACT_DETAILS"],
         "sourceSystems":["contacts"],"processKeys":[],"retention":"Tot intrekking van de toestemming"}"""
        .formatted(code, basis);
  }

  static final String TEST_BODY = """
      {"linkToPurposes":"Zelfde huurrelatie, aanvullend op onderhoud","collectionContext":"Gegevens uit klantcontact",
       "natureOfData":"Alleen contactgegevens, geen bijzondere","consequences":"Een brief met advies, geen besluit",
       "safeguards":"Alleen met toestemming, afmelden in elke brief","outcome":"%s"}""";

  long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy." + table, Long.class);
  }

  JsonNode registerPurpose(JsonNode register, String code) {
    for (JsonNode purpose : register.get("purposes")) {
      if (purpose.get("code").asText().equals(code)) {
        return purpose;
      }
    }
    return null;
  }

  JsonNode register() throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth("fg", "fg").getForEntity("/api/register", String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return json.readTree(answer.getBody());
  }

  /** ROP-4: no consent and no sharing before the compatibility test and the statement version; then both. */
  @Test
  void aNewPurposeIsUsedOnlyAfterItsCompatibilityTestAndItsPublication() throws Exception {
    String consentPurpose = "ENERGY_ADVICE_" + marker;
    String sharedPurpose = "ENERGY_AUDIT_" + marker;
    assertThat(post("officer", "/api/register/purposes", purposeBody(consentPurpose, "CONSENT"))
        .getStatusCode().value()).isEqualTo(201);
    ResponseEntity<String> shared = post("officer", "/api/register/purposes",
        purposeBody(sharedPurpose, "LEGITIMATE_INTEREST"));
    assertThat(shared.getStatusCode().value()).as(shared.getBody()).isEqualTo(201);
    assertThat(json.readTree(shared.getBody()).get("awaitsCompatibilityTest").asBoolean()).isTrue();
    jdbc.update("INSERT INTO privacy.consent_text (purpose_code, version, text_nl, text_en, valid_from) "
        + "VALUES (?,?,?,?,?)", consentPurpose, 1, "Ymere mag mij energieadvies sturen.",
        "Ymere may send me energy advice.", Timestamp.from(RequestTestSupport.at(TODAY.minusDays(1), 9, 0, 0)));
    // an approved processor whose scope names the new purpose
    String party = ProcessorTestSupport.uniqueCode("AUDIT");
    String agreement = processors.start(processors.command(party, "NL", false, LocalDate.of(2027, 6, 30)))
        .reference();
    processors.approveProcessor(agreement);
    jdbc.update("INSERT INTO privacy.pa_scope (agreement_id, scope_type, code) SELECT id, 'PURPOSE', ? "
        + "FROM privacy.pa_agreement WHERE reference = ?", sharedPurpose, agreement);

    String give = """
        {"purpose":"%s","subject":{"email":"%s"},"channel":"DESK"}""".formatted(consentPurpose, email);
    long consents = count("consent");
    assertProblem(post("desk", "/api/consents", give), 422);
    assertThat(gate.check(party, sharedPurpose, List.of("CONTACT_DETAILS"), "desk", "ROP4").reason())
        .isEqualTo(Reason.NO_COMPATIBILITY_TEST);
    assertThat(registerPurpose(register(), sharedPurpose).get("awaitsCompatibilityTest").asBoolean()).isTrue();

    // an incompatible outcome clears nothing; a compatible one does, once
    ResponseEntity<String> incompatible = post("officer", "/api/register/purposes/" + sharedPurpose
        + "/compatibility-test", TEST_BODY.formatted("INCOMPATIBLE"));
    assertThat(incompatible.getStatusCode().value()).as(incompatible.getBody()).isEqualTo(201);
    assertThat(gate.check(party, sharedPurpose, List.of("CONTACT_DETAILS"), "desk", "ROP4").reason())
        .isEqualTo(Reason.NO_COMPATIBILITY_TEST);
    for (String code : List.of(consentPurpose, sharedPurpose)) {
      ResponseEntity<String> test = post("officer", "/api/register/purposes/" + code + "/compatibility-test",
          TEST_BODY.formatted("COMPATIBLE"));
      assertThat(test.getStatusCode().value()).as(test.getBody()).isEqualTo(201);
      assertThat(json.readTree(test.getBody()).get("reference").asText()).startsWith("VT-2026-" + code);
    }
    assertProblem(post("officer", "/api/register/purposes/" + sharedPurpose + "/compatibility-test",
        TEST_BODY.formatted("COMPATIBLE")), 409);
    assertProblem(post("officer", "/api/register/purposes/NEWSLETTER/compatibility-test",
        TEST_BODY.formatted("COMPATIBLE")), 409);

    // tested but not published: still refused
    assertThat(gate.check(party, sharedPurpose, List.of("CONTACT_DETAILS"), "desk", "ROP4").reason())
        .isEqualTo(Reason.PURPOSE_NOT_PUBLISHED);
    assertProblem(post("desk", "/api/consents", give), 422);
    assertThat(count("consent")).isEqualTo(consents);

    // a statement version publishes both; the preparer cannot approve it (four eyes)
    String version = "2026-" + marker;
    ResponseEntity<String> statement = post("officer", "/api/register/statement-versions", """
        {"version":"%s","publishedOn":"2026-03-01","changes":"Nieuw doel energieadvies","purposes":["%s","%s"]}"""
        .formatted(version, consentPurpose, sharedPurpose));
    assertThat(statement.getStatusCode().value()).as(statement.getBody()).isEqualTo(201);
    long id = json.readTree(statement.getBody()).get("id").asLong();
    assertProblem(post("officer", "/api/register/statement-versions/" + id + "/approval", ""), 409);
    assertThat(gate.check(party, sharedPurpose, List.of("CONTACT_DETAILS"), "desk", "ROP4").reason())
        .as("not published before the approval").isEqualTo(Reason.PURPOSE_NOT_PUBLISHED);
    ResponseEntity<String> approved = post("deskofficer", "/api/register/statement-versions/" + id + "/approval", "");
    assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
    assertThat(json.readTree(approved.getBody()).get("approvedBy").asText()).isEqualTo("deskofficer");
    assertProblem(post("demo", "/api/register/statement-versions/" + id + "/approval", ""), 409);

    assertThat(gate.check(party, sharedPurpose, List.of("CONTACT_DETAILS"), "desk", "ROP4").allowed()).isTrue();
    ResponseEntity<String> given = post("desk", "/api/consents", give);
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    assertThat(gate.check(party, consentPurpose, List.of("CONTACT_DETAILS"), SubjectKey.ofEmail(email), "desk",
        "ROP4").reason()).as("consent in force, the agreement does not name this purpose")
        .isEqualTo(Reason.PURPOSE_NOT_COVERED);

    JsonNode register = register();
    JsonNode row = registerPurpose(register, sharedPurpose);
    assertThat(row.get("publishedInStatement").asText()).isEqualTo(version);
    assertThat(row.get("publishedOn").asText()).isEqualTo("2026-03-01");
    assertThat(row.get("compatibilityTest").asText()).startsWith("VT-2026-" + sharedPurpose);
    assertThat(register.get("statementVersions").findValuesAsText("version")).contains(version, "2025-01");
  }

  /** ROP-4: the configured version and date; bad input and unpublishable purposes store nothing. */
  @Test
  void registersAStatementVersionOnlyWithValidInput() throws Exception {
    JsonNode register = register();
    assertThat(register.get("statementVersion").asText()).isEqualTo("2025-01");
    assertThat(register.get("statementDate").asText()).isEqualTo("2025-01-01");
    assertThat(register.get("statementVersionRegistered").asBoolean()).isTrue();
    assertThat(registerPurpose(register, "NEWSLETTER").get("publishedOn").asText()).isEqualTo("2025-01-01");

    long statements = count("privacy_statement_version");
    long purposes = count("purpose");
    long tests = count("purpose_compatibility_test");
    String unpublished = "UNTESTED_" + marker;
    assertThat(post("officer", "/api/register/purposes", purposeBody(unpublished, "CONSENT")).getStatusCode()
        .value()).isEqualTo(201);
    purposes++;
    for (String body : List.of("{}", "{\"version\":\"x y\",\"publishedOn\":\"2026-13-01\",\"changes\":\"\"}",
        "{\"version\":\"2026-02\",\"publishedOn\":\"2026-02-01\",\"changes\":\"c\",\"purposes\":[\"lower\"]}")) {
      assertProblem(post("officer", "/api/register/statement-versions", body), 400);
    }
    assertProblem(post("officer", "/api/register/statement-versions",
        "{\"version\":\"2025-01\",\"publishedOn\":\"2025-01-01\",\"changes\":\"dubbel\",\"purposes\":[]}"), 409);
    assertProblem(post("officer", "/api/register/statement-versions", """
        {"version":"U-%s","publishedOn":"2026-03-01","changes":"c","purposes":["NO_SUCH_PURPOSE"]}"""
        .formatted(marker)),
        422);
    assertProblem(post("officer", "/api/register/statement-versions", """
        {"version":"U-%s","publishedOn":"2026-03-01","changes":"c","purposes":["%s"]}""".formatted(marker,
        unpublished)), 422);
    assertProblem(post("officer", "/api/register/statement-versions", """
        {"version":"U-%s","publishedOn":"2026-03-01","changes":"c","purposes":["NEWSLETTER"]}""".formatted(marker)),
        422);
    assertProblem(post("fg", "/api/register/statement-versions", """
        {"version":"F-%s","publishedOn":"2026-03-01","changes":"c","purposes":[]}""".formatted(marker)), 403);
    assertProblem(post("officer", "/api/register/statement-versions/99999999/approval", ""), 404);
    assertThat(count("privacy_statement_version")).isEqualTo(statements);

    // new purposes: bad input, a taken code, an unknown source
    for (String body : List.of("{}", purposeBody("lower", "CONSENT"), purposeBody("X_" + marker, "MAYBE"))) {
      assertProblem(post("officer", "/api/register/purposes", body), 400);
    }
    assertProblem(post("officer", "/api/register/purposes", purposeBody("NEWSLETTER", "CONSENT")), 409);
    assertProblem(post("officer", "/api/register/purposes", purposeBody("Y_" + marker, "CONSENT")
        .replace("\"contacts\"", "\"nosuchsystem\"")), 422);
    assertProblem(post("desk", "/api/register/purposes", purposeBody("Z_" + marker, "CONSENT")), 403);
    assertProblem(post("officer", "/api/register/purposes/NO_SUCH/compatibility-test",
        TEST_BODY.formatted("COMPATIBLE")), 404);
    assertProblem(post("officer", "/api/register/purposes/" + unpublished + "/compatibility-test",
        TEST_BODY.formatted("PERHAPS")), 400);
    assertThat(count("purpose")).isEqualTo(purposes);
    assertThat(count("purpose_compatibility_test")).as("nothing recorded by a refused call").isEqualTo(tests);

    JsonNode row = registerPurpose(register(), unpublished);
    assertThat(row.get("published").asBoolean()).isFalse();
    assertThat(row.get("awaitsCompatibilityTest").asBoolean()).isTrue();
    String text = pdf();
    assertThat(text).contains("privacyverklaring 2025-01 van 2025-01-01").contains("Versies van de privacyverklaring")
        .contains("Verenigbaarheidstoets ontbreekt (ROP-4)");
  }

  /** RET-1: retention per purpose from the approved retention schedule where it has entries, else the purpose's. */
  @Test
  void readsRetentionFromTheRetentionSchedule() throws Exception {
    JsonNode register = register();
    JsonNode tenancy = registerPurpose(register, "TENANCY");
    assertThat(tenancy.get("retentionFrom").asText()).isEqualTo("RETENTION_SCHEDULE");
    assertThat(tenancy.get("retentionSchedule").findValuesAsText("category")).contains("contract", "payment");
    assertThat(tenancy.get("retention").asText()).contains("tenancy/contract: 7 jaar na");
    JsonNode photos = registerPurpose(register, "PHOTO_USE");
    assertThat(photos.get("retentionFrom").asText()).as("no source, so no schedule entry").isEqualTo("PURPOSE");
    assertThat(photos.get("retention").asText()).isEqualTo("Tot intrekking van de toestemming");
    assertThat(pdf()).contains("Bewaartermijn (bewaartermijnenlijst): tenancy/contract: 7 jaar na");
  }

  String pdf() throws Exception {
    byte[] pdf = rest.withBasicAuth("officer", "officer").getForEntity("/api/register/pdf", byte[].class).getBody();
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    return text.toString().replaceAll("\\s+", " ");
  }
}
