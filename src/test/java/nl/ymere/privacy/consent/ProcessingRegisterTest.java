package nl.ymere.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.camera.CameraTestSupport;
import nl.ymere.privacy.processor.ProcessorTestSupport;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register of processing activities (Art 30, ROP-1) is generated from what the product holds: every demo purpose
 * with its one basis (ROP-3), categories, retention (RET-1), recipients and transfers with safeguards (PRC-4) and the
 * processes that implement it. Fails when a deployed process key or a connected source is missing from it, so a new
 * process or source needs its purpose row (V46 {@code privacy.purpose}) first.
 */
@IntegrationTest
class ProcessingRegisterTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repositoryService;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired CameraTestSupport cameras;
  @Autowired RequestTestSupport clock;

  String party;

  /** A processor outside the EEA under SCC module 2 with a TIA, receiving NEWSLETTER data (register read only). */
  @BeforeEach
  void thirdCountryProcessor() {
    party = ProcessorTestSupport.uniqueCode("US_MAIL");
    Instant now = Instant.parse("2026-03-05T09:00:00Z");
    jdbc.update("INSERT INTO privacy.pa_party (code, name, contact_email, created_at) VALUES (?,?,?,?)", party,
        "Mailing Inc " + party, "dpo@mailing.example", Timestamp.from(now));
    Long partyId = jdbc.queryForObject("SELECT id FROM privacy.pa_party WHERE code = ?", Long.class, party);
    String reference = "PA-2026-9" + Long.toString(System.nanoTime() % 100_000);
    jdbc.update("INSERT INTO privacy.pa_agreement (reference, party_id, service, data_subjects, processing_country, "
        + "transfer_zone, role, kind, status, expires_on, scc_module, tia_reference, created_at) "
        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", reference, partyId, "Nieuwsbrief verzenden", "Abonnees", "US",
        "THIRD_COUNTRY", "PROCESSOR", "PROCESSOR_AGREEMENT", "APPROVED", Date.valueOf(LocalDate.of(2027, 12, 31)), 2,
        "TIA-2026-07", Timestamp.from(now));
    Long agreementId = jdbc.queryForObject("SELECT id FROM privacy.pa_agreement WHERE reference = ?", Long.class,
        reference);
    jdbc.update("INSERT INTO privacy.pa_scope (agreement_id, scope_type, code) VALUES (?,?,?)", agreementId,
        "PURPOSE", "NEWSLETTER");
    jdbc.update("INSERT INTO privacy.pa_scope (agreement_id, scope_type, code) VALUES (?,?,?)", agreementId,
        "CATEGORY", "CONTACT");
  }

  JsonNode register(String user) throws IOException {
    ResponseEntity<String> answer = rest.withBasicAuth(user, user).getForEntity("/api/register", String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return json.readTree(answer.getBody());
  }

  @Test
  void listsEveryDeployedProcessKeyAndEverySource() throws Exception {
    JsonNode register = register("officer");
    Set<String> keysInPurposes = new TreeSet<>();
    Set<String> systemsInPurposes = new TreeSet<>();
    for (JsonNode purpose : register.get("purposes")) {
      purpose.get("processes").forEach(p -> keysInPurposes.add(p.get("key").asText()));
      purpose.get("sources").forEach(s -> systemsInPurposes.add(s.get("system").asText()));
    }
    List<String> deployed = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).toList();
    assertThat(deployed).contains(ConsentWithdrawalProcess.KEY);
    assertThat(keysInPurposes).as("deployed process keys without a purpose in the register (privacy.purpose)")
        .containsAll(deployed);
    assertThat(systemsInPurposes).as("personal-data sources without a purpose in the register (privacy.purpose)")
        .containsAll(sources.all().stream().map(PersonalDataSource::system).toList());
    for (JsonNode process : register.get("processes")) {
      assertThat(process.get("purposes")).as("purposes of %s", process.get("key")).isNotEmpty();
      assertThat(process.get("version").asInt()).isPositive();
    }
  }

  @Test
  void describesEveryPurposeWithBasisCategoriesRetentionRecipientsTransfersAndProcesses() throws Exception {
    JsonNode register = register("fg");
    assertThat(register.get("controller").get("name").asText()).isEqualTo("Ymere");
    assertThat(register.get("statementVersion").asText()).isEqualTo("2025-01");
    assertThat(register.get("securityMeasures").asText()).isNotBlank();
    List<String> codes = new ArrayList<>();
    for (JsonNode purpose : register.get("purposes")) {
      codes.add(purpose.get("code").asText());
      assertThat(purpose.get("legalBasis").asText()).isIn("CONSENT", "CONTRACT", "LEGAL_OBLIGATION",
          "LEGITIMATE_INTEREST", "PUBLIC_TASK");
      assertThat(purpose.get("dataCategories")).isNotEmpty();
      assertThat(purpose.get("subjectCategories")).isNotEmpty();
      assertThat(purpose.get("retention").asText()).isNotBlank();
      if (!purpose.get("published").asBoolean()) {
        // ROP-4: a purpose registered since (RegisterMaintenanceTest) is listed but not in use until published
        assertThat(purpose.get("publishedInStatement").isNull()).isTrue();
        continue;
      }
      if (!purpose.get("code").asText().matches(".*_\\d+")) {
        assertThat(purpose.get("publishedInStatement").asText()).isEqualTo("2025-01");
      }
      if (purpose.get("legalBasis").asText().equals("CONSENT")) {
        assertThat(purpose.get("compatibilityTest").asText()).as("ROP-4 for %s", purpose.get("code")).isNotBlank();
      }
    }
    assertThat(codes).contains("NEWSLETTER", "SATISFACTION_SURVEY", "CARE_PROVIDER_SHARING", "PHOTO_USE",
        "TENANCY", "CAMERA_SURVEILLANCE", "PRIVACY_RIGHTS");
    JsonNode newsletter = purpose(register, "NEWSLETTER");
    assertThat(newsletter.get("consentTextVersion").asInt()).isEqualTo(1);
    assertThat(purpose(register, "PHOTO_USE").get("consentTextVersion").isNull()).isTrue();
    assertThat(newsletter.get("sources").findValuesAsText("system")).containsExactly("marketing");
    JsonNode recipient = null;
    for (JsonNode candidate : newsletter.get("recipients")) {
      if (candidate.get("party").asText().equals(party)) {
        recipient = candidate;
      }
    }
    assertThat(recipient).as("the processor receiving newsletter data").isNotNull();
    assertThat(recipient.get("transferZone").asText()).isEqualTo("THIRD_COUNTRY");
    assertThat(recipient.get("sccModule").asInt()).isEqualTo(2);
    assertThat(recipient.get("tiaReference").asText()).isEqualTo("TIA-2026-07");
    assertThat(register.get("transfersOutsideEea").findValuesAsText("party")).contains(party);
    assertThat(purpose(register, "CAMERA_SURVEILLANCE").get("processes").findValuesAsText("key"))
        .contains("camera-protocol", "camera-footage-request");
  }

  /** CAM-3: the camera register's active cameras with their DPIA screening outcome. */
  @Test
  void listsActiveCamerasWithTheirDpiaScreening() throws Exception {
    clock.setNow(LocalDate.of(2026, 3, 5), 10, 0);
    String camera;
    try {
      camera = cameras.activeOvertCamera("R" + System.nanoTime() % 1_000_000);
    } finally {
      clock.resetClock();
    }
    JsonNode entry = null;
    for (JsonNode candidate : register("officer").get("cameras")) {
      if (candidate.get("reference").asText().equals(camera)) {
        entry = candidate;
      }
    }
    assertThat(entry).as("camera %s in the register", camera).isNotNull();
    assertThat(entry.get("dpiaOutcome").asText()).isNotBlank();
    assertThat(entry.get("purpose").asText()).isEqualTo("PROTECT_PROPERTY");
    assertThat(pdfText(rest.withBasicAuth("fg", "fg").getForEntity("/api/register/pdf", byte[].class).getBody()))
        .contains(camera);
  }

  @Test
  void printsThePdfWithTheSameContent() throws Exception {
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("officer", "officer").getForEntity("/api/register/pdf",
        byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    String text = pdfText(pdf.getBody()).replaceAll("\\s+", " ");
    assertThat(text).contains("Register van verwerkingsactiviteiten (art. 30 AVG)")
        .contains("NEWSLETTER - Nieuwsbrief en informatie over wonen").contains("Grondslag: CONSENT")
        .contains("consent-withdrawal").contains("Mailing Inc " + party).contains("TIA-2026-07")
        .contains("Beveiligingsmaatregelen").contains("Bewaartermijn:");
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/api/register/pdf", byte[].class)
        .getStatusCode().value()).isEqualTo(403);
  }

  /** ROP-1: a register change is a version once another privacy officer approved it; bad input stores nothing. */
  @Test
  void versionsARegisterChangeWithItsApproverAndDate() throws Exception {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.register_version", Long.class);
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("officer", "officer").postForEntity("/api/register/changes",
        new org.springframework.http.HttpEntity<>("{\"statementVersion\":\"2025-01\"}", headers), String.class)
        .getStatusCode().value()).isEqualTo(400);
    assertThat(rest.withBasicAuth("fg", "fg").postForEntity("/api/register/changes", new org.springframework.http
        .HttpEntity<>("{\"changes\":\"x\",\"statementVersion\":\"2025-01\"}", headers), String.class)
        .getStatusCode().value()).as("the FG advises, never decides").isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.register_version", Long.class)).isEqualTo(before);

    ResponseEntity<String> proposed = rest.withBasicAuth("officer", "officer").postForEntity("/api/register/changes",
        new org.springframework.http.HttpEntity<>("{\"changes\":\"Doel PHOTO_USE toegevoegd na verenigbaarheidstoets "
            + "CT-2025-04\",\"statementVersion\":\"2025-01\"}", headers), String.class);
    assertThat(proposed.getStatusCode().value()).as(proposed.getBody()).isEqualTo(201);
    long id = json.readTree(proposed.getBody()).get("id").asLong();
    assertThat(json.readTree(proposed.getBody()).get("version").isNull()).isTrue();
    ResponseEntity<String> own = rest.withBasicAuth("officer", "officer").postForEntity("/api/register/changes/" + id
        + "/approval", null, String.class);
    assertThat(own.getStatusCode().value()).as("four eyes").isEqualTo(409);
    ResponseEntity<String> approved = rest.withBasicAuth("demo", "demo").postForEntity("/api/register/changes/" + id
        + "/approval", null, String.class);
    assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
    int version = json.readTree(approved.getBody()).get("version").asInt();
    assertThat(version).isPositive();
    JsonNode latest = register("fg").get("versions").get(0);
    assertThat(latest.get("version").asInt()).isEqualTo(version);
    assertThat(latest.get("preparedBy").asText()).isEqualTo("officer");
    assertThat(latest.get("approvedBy").asText()).isEqualTo("demo");
    assertThat(latest.get("approvedAt").asText()).isNotBlank();
    assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/register/changes/" + id + "/approval", null,
        String.class).getStatusCode().value()).isEqualTo(409);
  }

  static JsonNode purpose(JsonNode register, String code) {
    for (JsonNode purpose : register.get("purposes")) {
      if (purpose.get("code").asText().equals(code)) {
        return purpose;
      }
    }
    throw new AssertionError("no purpose " + code);
  }

  static String pdfText(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString();
    } finally {
      reader.close();
    }
  }
}
