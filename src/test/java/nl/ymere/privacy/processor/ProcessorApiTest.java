package nl.ymere.privacy.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/sharing-checks}, {@code GET /api/parties}, {@code POST /api/processor-agreements} (issue 7). */
@IntegrationTest
class ProcessorApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessorTestSupport support;
  @Autowired RequestTestSupport clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  String party;

  @BeforeEach
  void setUp() {
    party = ProcessorTestSupport.uniqueCode("API");
  }

  @AfterEach
  void resetClock() {
    clock.resetClock();
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
    return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode body(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  private String approvedAgreement() {
    String reference = support.start(support.command(party, "NL", false, LocalDate.now().plusYears(3))).reference();
    support.approveProcessor(reference);
    return reference;
  }

  @Test
  void shouldAnswerSharingChecksAndLogThem() throws Exception {
    String reference = approvedAgreement();
    ResponseEntity<String> allowed = post("desk", "/api/sharing-checks", Map.of("party", party, "purpose",
        "RENT_COLLECTION", "dataCategories", List.of("CONTACT_DETAILS"), "reference", "AVG-2026-000001"));
    assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(allowed).path("allowed").asBoolean()).isTrue();
    assertThat(body(allowed).path("agreementReference").asText()).isEqualTo(reference);

    ResponseEntity<String> refused = post("desk", "/api/sharing-checks", Map.of("party", party, "purpose",
        "RENT_COLLECTION", "dataCategories", List.of("HEALTH")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(refused).path("allowed").asBoolean()).isFalse();
    assertThat(body(refused).path("reason").asText()).isEqualTo("CATEGORY_NOT_COVERED");
    assertThat(support.sharingChecks(party)).extracting(row -> row.get("CHECKED_BY")).containsExactly("desk", "desk");
  }

  @Test
  void shouldRejectAnIncompleteSharingCheckWithProblemJson() throws Exception {
    ResponseEntity<String> response = post("desk", "/api/sharing-checks", Map.of("party", party, "purpose",
        "RENT_COLLECTION"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(body(response).path("errors").findValuesAsText("field")).contains("dataCategories");
    assertThat(support.sharingChecks(party)).isEmpty();
    assertThat(post(null, "/api/sharing-checks", Map.of()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldListTheRegisterForAuthorisedGroups() throws Exception {
    String reference = approvedAgreement();
    ResponseEntity<String> response = rest.withBasicAuth("procurement", "procurement")
        .getForEntity("/api/parties?status=APPROVED", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode entry = null;
    for (JsonNode row : body(response)) {
      if (party.equals(row.path("party").asText())) {
        entry = row;
      }
    }
    assertThat(entry).isNotNull();
    JsonNode agreement = entry.path("agreements").get(0);
    assertThat(agreement.path("reference").asText()).isEqualTo(reference);
    assertThat(agreement.path("status").asText()).isEqualTo("APPROVED");
    assertThat(agreement.path("purposes").get(0).asText()).isEqualTo("RENT_COLLECTION");
    assertThat(agreement.path("nextReviewOn").asText()).isEqualTo(LocalDate.now().plusMonths(24).toString());
    assertThat(rest.withBasicAuth("fg", "fg").getForEntity("/api/parties", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/api/parties", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldRejectABadRegisterFilter() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("procurement", "procurement")
        .getForEntity("/api/parties?status=SIGNED&expiringBefore=2026-02-30", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
  }

  @Test
  void shouldStartTheProcessThroughTheApi() throws Exception {
    Map<String, Object> command = Map.of("partyCode", party, "partyName", "Schoonmaak BV", "partyEmail",
        "info@schoonmaak.example", "service", "Schoonmaak van complexen", "dataSubjects", "Huurders",
        "purposes", List.of("CLEANING"), "dataCategories", List.of("ADDRESS"), "processingCountry", "NL",
        "expiresOn", LocalDate.now().plusYears(2).toString(), "actsOnInstructions", true);
    ResponseEntity<String> response = post("procurement", "/api/processor-agreements", command);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String reference = body(response).path("reference").asText();
    assertThat(response.getHeaders().getLocation().toString()).endsWith("/api/processor-agreements/" + reference);
    assertThat(body(response).path("role").asText()).isEqualTo("PROCESSOR");
    assertThat(clock.task(reference, ProcessorAgreementProcess.Elements.COMPLETE_PROCESSOR_CHECKLIST)).isNotNull();
  }

  @Test
  void shouldRejectAnInvalidRegistrationAndChangeNothing() throws Exception {
    Map<String, Object> command = Map.of("partyCode", party, "service", "Schoonmaak", "dataSubjects", "Huurders",
        "purposes", List.of("cleaning"), "dataCategories", List.of("ADDRESS"), "processingCountry", "Nederland",
        "expiresOn", "2020-01-01");
    ResponseEntity<String> response = post("procurement", "/api/processor-agreements", command);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(response).path("errors").findValuesAsText("field"))
        .contains("partyName", "purposes[0]", "processingCountry", "expiresOn");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.pa_party WHERE code = ?", Integer.class, party))
        .isZero();
    assertThat(post("desk", "/api/processor-agreements", command).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
