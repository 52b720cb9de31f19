package nl.ymere.privacy.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.ymere.privacy.fraud.FraudSignalProcess.Elements;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code /api/fraud-signals} and {@code /api/fraud-oversight} contract, on H2 and PostgreSQL by its subclasses:
 * the happy path from registration through both assessments to the explanation, every read logged; only fraud
 * assessors and privacy officers see signal data; bad input gets 400 problem+json and changes nothing.
 */
abstract class FraudSignalApiContract {

  static final String ADDRESS = "Contractstraat 17, 1012 XY Amsterdam";
  static final String TENANT = "Wilhelmina Apicontract";
  static final String DESCRIPTION = "Advertentie op een verhuursite met foto's van deze woning";
  static final String REASONS_1 = "Advertentie toont onmiskenbaar deze woning; inschrijving elders bevestigd door de "
      + "gemeente. Geen verklaring van de huurder bekend.";
  static final String REASONS_2 = "Twee onafhankelijke bronnen bevestigen elkaar; een huisbezoek is proportioneel "
      + "en kan de huurder de gelegenheid geven het uit te leggen.";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired FraudTestSupport support;
  @Autowired DataSource dataSource;

  @AfterEach
  void noSignalDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(TENANT, DESCRIPTION, REASONS_1, REASONS_2)
        .postalAddress(ADDRESS).hits()).isEmpty();
  }

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/fraud-signals", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_signal", Long.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey(FraudSignalProcess.KEY).count()};
  }

  static String validBody() {
    return """
        {"source":"SUBLETTING_ADVERTISEMENT","address":"%s","tenancyReference":"HC-1","tenantName":"%s",
         "description":"%s",
         "indicators":{"mainResidenceRegisteredElsewhere":true,"subletAdvertisementFound":true}}"""
        .formatted(ADDRESS, TENANT, DESCRIPTION);
  }

  @Test
  void aSignalGoesFromRegistrationThroughTwoAssessorsToAnExplanation() throws Exception {
    ResponseEntity<String> created = post("assessor1", validBody());
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/fraud-signals/" + reference);
    assertThat(body.get("riskBand").asText()).isEqualTo("HIGH");
    assertThat(body.get("status").asText()).isEqualTo("ASSESSING");

    support.complete("assessor1", reference, Elements.FIRST_ASSESSMENT,
        Map.of("fraudProposal", "INVESTIGATE", "assessmentReasoning", REASONS_1));
    support.complete("assessor2", reference, Elements.SECOND_ASSESSMENT,
        Map.of("fraudDecision", "INVESTIGATE", "assessmentReasoning", REASONS_2));

    ResponseEntity<String> read = get("assessor2", "/api/fraud-signals/" + reference);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    JsonNode signal = json.readTree(read.getBody());
    assertThat(signal.get("status").asText()).isEqualTo("INVESTIGATION_OPENED");
    assertThat(signal.get("address").asText()).isEqualTo(ADDRESS);

    ResponseEntity<String> explained = get("officer", "/api/fraud-signals/" + reference
        + "/explanation?purpose=HUMAN_REVIEW");
    assertThat(explained.getStatusCode().value()).isEqualTo(200);
    JsonNode explanation = json.readTree(explained.getBody());
    assertThat(explanation.get("score").asInt()).isEqualTo(70);
    assertThat(explanation.get("model").get("versionTag").asText()).isEqualTo("2026.1");
    assertThat(explanation.get("reasons").findValuesAsText("reason")).hasSize(2);
    assertThat(explanation.get("assessments").findValuesAsText("assessor")).containsExactly("assessor1", "assessor2");
    assertThat(explanation.get("decision").asText()).isEqualTo("INVESTIGATE");
    assertThat(explanation.get("dataUsed").get("subletAdvertisementFound").asBoolean()).isTrue();

    JsonNode reads = json.readTree(get("officer", "/api/fraud-signals/" + reference + "/reads").getBody());
    assertThat(reads.findValuesAsText("readBy")).containsExactly("assessor2", "officer");
    assertThat(reads.findValuesAsText("purpose")).containsExactly("CASE_HANDLING", "HUMAN_REVIEW");

    ResponseEntity<String> figures = get("officer", "/api/fraud-oversight");
    assertThat(figures.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(figures.getBody()).findValuesAsText("versionTag")).contains("2026.1");
  }

  @Test
  void onlyFraudAssessorsAndPrivacyOfficersSeeSignalData() throws Exception {
    String reference = json.readTree(post("assessor1", validBody()).getBody()).get("reference").asText();
    for (String outsider : new String[] {"desk", "fg", "facility", "nuisance"}) {
      assertThat(get(outsider, "/api/fraud-signals/" + reference).getStatusCode().value()).as(outsider)
          .isEqualTo(403);
      assertThat(get(outsider, "/api/fraud-signals/" + reference + "/explanation").getStatusCode().value())
          .as(outsider).isEqualTo(403);
    }
    assertThat(post("desk", validBody()).getStatusCode().value()).isEqualTo(403);
    assertThat(get("assessor1", "/api/fraud-oversight").getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/api/fraud-signals/" + reference, String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(support.signals.reads(reference)).isEmpty();
    assertThat(get("assessor1", "/api/fraud-signals/WF-1999-000000").getStatusCode().value()).isEqualTo(404);
  }

  static Stream<Arguments> badSignals() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"source\":", null),
        Arguments.of("missing source", "{\"address\":\"Straat 1\",\"description\":\"x\"}", "source"),
        Arguments.of("unknown source", "{\"source\":\"NATIONALITY_CHECK\",\"address\":\"Straat 1\","
            + "\"description\":\"x\"}", "source"),
        Arguments.of("no address (ADM-1)", "{\"source\":\"NEIGHBOUR_REPORT\",\"description\":\"x\"}", "address"),
        Arguments.of("missing description", "{\"source\":\"NEIGHBOUR_REPORT\",\"address\":\"Straat 1\"}",
            "description"),
        Arguments.of("negative report count", "{\"source\":\"NEIGHBOUR_REPORT\",\"address\":\"Straat 1\","
            + "\"description\":\"x\",\"indicators\":{\"independentReports\":-1}}", "indicators.independentReports"),
        Arguments.of("indicator not a boolean", "{\"source\":\"NEIGHBOUR_REPORT\",\"address\":\"Straat 1\","
            + "\"description\":\"x\",\"indicators\":{\"lowUtilityUsage\":\"misschien\"}}", "indicators.lowUtilityUsage"),
        Arguments.of("unknown reporter", "{\"source\":\"NEIGHBOUR_REPORT\",\"address\":\"Straat 1\","
            + "\"description\":\"x\",\"reporterUserId\":\"nobody-here\"}", "reporterUserId"),
        Arguments.of("description too long", "{\"source\":\"NEIGHBOUR_REPORT\",\"address\":\"Straat 1\","
            + "\"description\":\"" + "x".repeat(100_001) + "\"}", "description"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSignals")
  void badInputGets400AndChangesNothing(String what, String body, String field) throws Exception {
    long[] before = counts();
    ResponseEntity<String> response = post("assessor1", body);
    assertThat(response.getStatusCode().value()).as(what).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    if (field != null) {
      assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).contains(field);
    }
    assertThat(counts()).as(what).containsExactly(before);
  }
}
