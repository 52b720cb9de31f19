package nl.ymere.privacy.legalhold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/legal-holds} (RET-4, issue 17 item 4): place with validation, read, release with four eyes. */
@IntegrationTest
class LegalHoldApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void anOfficerPlacesAHoldWithADefaultReviewDateAndTwoOfficersReleaseIt() throws Exception {
    ResponseEntity<String> placed = call("officer", HttpMethod.POST, "/api/legal-holds", """
        {"kind":"LITIGATION","reason":"Procedure bij de kantonrechter over de huurachterstand",
         "scope":{"email":"Hold.Test@Example.org","tenancyNumber":"HV-900001"}}""");
    assertThat(placed.getStatusCode().value()).as(placed.getBody()).isEqualTo(201);
    JsonNode hold = json.readTree(placed.getBody());
    long id = hold.get("id").asLong();
    assertThat(hold.get("status").asText()).isEqualTo("RUNNING");
    assertThat(hold.get("owner").asText()).isEqualTo("officer");
    assertThat(hold.get("scope").get("email").asText()).isEqualTo("hold.test@example.org");
    assertThat(LocalDate.parse(hold.get("reviewOn").asText())).isEqualTo(LocalDate.now(clock).plusMonths(6));
    assertThat(status(call("fg", HttpMethod.GET, "/api/legal-holds/" + id, null))).isEqualTo(200);

    // the first officer proposes the release; they cannot confirm it themselves (four eyes)
    ResponseEntity<String> proposed = call("officer", HttpMethod.POST, "/api/legal-holds/" + id + "/release",
        "{\"reason\":\"Zaak geschikt, geen hoger beroep\"}");
    assertThat(proposed.getStatusCode().value()).isEqualTo(202);
    assertThat(json.readTree(proposed.getBody()).get("status").asText()).isEqualTo("RELEASE_PROPOSED");
    ResponseEntity<String> self = call("officer", HttpMethod.POST, "/api/legal-holds/" + id + "/release", "{}");
    assertThat(self.getStatusCode().value()).isEqualTo(403);
    assertThat(self.getBody()).contains("Vier ogen");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.legal_hold WHERE id = ? AND released_at IS NULL",
        Integer.class, id)).isOne();

    ResponseEntity<String> released = call("demo", HttpMethod.POST, "/api/legal-holds/" + id + "/release", "{}");
    assertThat(released.getStatusCode().value()).isEqualTo(200);
    JsonNode after = json.readTree(released.getBody());
    assertThat(after.get("status").asText()).isEqualTo("RELEASED");
    assertThat(after.get("releasedBy").asText()).isEqualTo("demo");
    assertThat(after.get("releaseProposedBy").asText()).isEqualTo("officer");
    assertThat(status(call("demo", HttpMethod.POST, "/api/legal-holds/" + id + "/release", "{}"))).isEqualTo(409);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"kind\":\"GOSSIP\",\"reason\":\"x\",\"scope\":{\"tenancyNumber\":\"HV-1\"}}",
      "{\"kind\":\"LITIGATION\",\"reason\":\"  \",\"scope\":{\"tenancyNumber\":\"HV-1\"}}",
      "{\"kind\":\"LITIGATION\",\"reason\":\"Procedure\",\"scope\":{}}",
      "{\"kind\":\"LITIGATION\",\"reason\":\"Procedure\",\"scope\":{\"itemId\":\"contract-1\"}}",
      "{\"kind\":\"LITIGATION\",\"reason\":\"Procedure\",\"scope\":{\"system\":\"nosuchsystem\"}}",
      "{\"kind\":\"LITIGATION\",\"reason\":\"Procedure\",\"scope\":{\"email\":\"not-an-address\"}}",
      "{\"kind\":\"LITIGATION\",\"reason\":\"Procedure\",\"scope\":{\"tenancyNumber\":\"HV-1\"},"
          + "\"reviewOn\":\"2001-01-01\"}",
      "{\"kind\":\"LITIGATION\",\"reason\":\"Procedure\",\"scope\":{\"tenancyNumber\":\"HV-1\"},"
          + "\"heldUntil\":\"2001-01-01\"}"})
  void badInputIsRefusedWith400AndStoresNothing(String body) {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.legal_hold", Integer.class);
    ResponseEntity<String> answer = call("officer", HttpMethod.POST, "/api/legal-holds", body);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.legal_hold", Integer.class)).isEqualTo(before);
  }

  @Test
  void anUnknownHoldIs404AndAReleaseWithoutReasonIs400() throws Exception {
    assertThat(status(call("officer", HttpMethod.POST, "/api/legal-holds/987654321/release",
        "{\"reason\":\"x\"}"))).isEqualTo(404);
    long id = json.readTree(call("officer", HttpMethod.POST, "/api/legal-holds", """
        {"kind":"AP_INQUIRY","reason":"Onderzoek van de AP","scope":{"system":"request","itemId":"AVG-2026-424242"}}""")
        .getBody()).get("id").asLong();
    assertThat(status(call("officer", HttpMethod.POST, "/api/legal-holds/" + id + "/release", "{}"))).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.legal_hold WHERE id = ? "
        + "AND release_proposed_by IS NULL", Integer.class, id)).isOne();
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static int status(ResponseEntity<String> answer) {
    return answer.getStatusCode().value();
  }
}
