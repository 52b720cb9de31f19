package nl.ymere.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
 * The {@code /api/disclosure-demands} and {@code /api/disclosures} contract (issue 19, PRC-7) on H2 and PostgreSQL:
 * a demand is registered with its VS reference and its process; only privacy officers register and only officers
 * and the FG read; bad input gets 400 problem+json and stores nothing.
 */
abstract class DisclosureApiContract {

  static final String DEMAND = "Vordering art. 126nd Sv: huurgegevens van de bewoner van Contractweg 3.";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;

  @AfterEach
  void noDemandDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(DEMAND, "bewoner.contract@example.org").hits()).isEmpty();
  }

  ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/disclosure-demands", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.disclosure_demand", Long.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey(DisclosureDemandProcess.KEY).count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class)};
  }

  static String validBody() {
    return """
        {"requesterKind":"POLICE","partyCode":"POLITIE_AMS","replyEmail":"recherche@politie.example",
         "legalBasis":"SV_126ND","legalBasisText":"art. 126nd Sv",
         "subject":{"email":"bewoner.contract@example.org","tenancyNumber":"HC-100"},
         "requestedCategories":["TENANCY_CONTRACT"],"demandText":"%s"}""".formatted(DEMAND);
  }

  @Test
  void aDemandIsRegisteredAndReadOnlyByPrivacyOfficersAndTheFg() throws Exception {
    ResponseEntity<String> created = post("officer", validBody());
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("VS-\\d{4}-\\d{6}");
    assertThat(body.get("status").asText()).isEqualTo("REGISTERED");
    assertThat(body.get("legalBasis").asText()).isEqualTo("SV_126ND");
    assertThat(json.readTree(get("fg", "/api/disclosure-demands/" + reference).getBody()).get("status").asText())
        .isEqualTo("REGISTERED");
    assertThat(get("fg", "/api/disclosures").getStatusCode().value()).isEqualTo(200);
    assertThat(get("officer", "/api/disclosures/export.csv").getBody()).startsWith("\uFEFFkenmerk;ontvanger");
    for (String outsider : new String[] {"desk", "facility", "assessor1", "manager", "nuisance"}) {
      assertThat(get(outsider, "/api/disclosures").getStatusCode().value()).as(outsider).isEqualTo(403);
      assertThat(get(outsider, "/api/disclosure-demands/" + reference).getStatusCode().value()).as(outsider)
          .isEqualTo(403);
    }
    long[] before = counts();
    assertThat(post("desk", validBody()).getStatusCode().value()).isEqualTo(403);
    assertThat(post("fg", validBody()).getStatusCode().value()).isEqualTo(403);
    assertThat(counts()).containsExactly(before);
    assertThat(get("officer", "/api/disclosure-demands/VS-1999-000000").getStatusCode().value()).isEqualTo(404);
  }

  static Stream<Arguments> badDemands() {
    String rest = "\"replyEmail\":\"r@politie.example\",\"subject\":{\"tenancyNumber\":\"HC-1\"},\"demandText\":\"x\"";
    return Stream.of(
        Arguments.of("malformed JSON", "{\"requesterKind\":", null),
        Arguments.of("missing requester kind", "{\"partyCode\":\"P\"," + rest + "}", "requesterKind"),
        Arguments.of("unknown requester kind", "{\"requesterKind\":\"NEIGHBOUR\",\"partyCode\":\"P\"," + rest + "}",
            "requesterKind"),
        Arguments.of("unknown legal basis", "{\"requesterKind\":\"POLICE\",\"partyCode\":\"P\",\"legalBasis\":"
            + "\"WHATEVER\"," + rest + "}", "legalBasis"),
        Arguments.of("missing party", "{\"requesterKind\":\"POLICE\"," + rest + "}", "partyCode"),
        Arguments.of("no reply address", "{\"requesterKind\":\"POLICE\",\"partyCode\":\"P\",\"subject\":"
            + "{\"tenancyNumber\":\"HC-1\"},\"demandText\":\"x\"}", "replyEmail"),
        Arguments.of("no person", "{\"requesterKind\":\"POLICE\",\"partyCode\":\"P\",\"replyEmail\":"
            + "\"r@politie.example\",\"demandText\":\"x\"}", "subject"),
        Arguments.of("no demand text", "{\"requesterKind\":\"POLICE\",\"partyCode\":\"P\",\"replyEmail\":"
            + "\"r@politie.example\",\"subject\":{\"tenancyNumber\":\"HC-1\"}}", "demandText"),
        Arguments.of("received in the future", "{\"receivedOn\":\"2999-01-01\",\"requesterKind\":\"POLICE\","
            + "\"partyCode\":\"P\"," + rest + "}", "receivedOn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDemands")
  void badInputGets400AndStoresNothing(String what, String body, String field) throws Exception {
    long[] before = counts();
    ResponseEntity<String> response = post("officer", body);
    assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    if (field != null) {
      assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).as(what)
          .contains(field);
    }
    assertThat(counts()).as(what).containsExactly(before);
  }
}
