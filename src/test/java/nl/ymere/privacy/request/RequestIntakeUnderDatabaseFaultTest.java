package nl.ymere.privacy.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import nl.ymere.privacy.support.DatabaseOutage;
import nl.ymere.privacy.support.IntegrationTest;
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
 * Issue 15 item 3: intake under a database fault. {@code POST /api/requests} takes an {@code Idempotency-Key}: the
 * same key and body give the first answer again (and one registration), another body under the key a 409; a
 * database that cannot be reached gives a 503 with Retry-After and a Dutch problem+json.
 */
@IntegrationTest
class RequestIntakeUnderDatabaseFaultTest {

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private DatabaseOutage databaseOutage;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private ObjectMapper json;

  @Test
  void theSameKeyAndBodyAnswerTheFirstAnswerAgainAndRegisterOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String name = "Idem " + UUID.randomUUID().toString().substring(0, 8);

    ResponseEntity<String> first = post(body(name, "ACCESS"), key);
    ResponseEntity<String> again = post(body(name, "ACCESS"), key);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(json.readTree(again.getBody())).isEqualTo(json.readTree(first.getBody()));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_name = ?",
        Integer.class, name)).as("one registration").isEqualTo(1);

    ResponseEntity<String> otherKey = post(body(name, "ACCESS"), UUID.randomUUID().toString());
    assertThat(otherKey.getStatusCode().value()).isEqualTo(201);
    assertThat(json.readTree(otherKey.getBody()).path("reference").asText())
        .isNotEqualTo(json.readTree(first.getBody()).path("reference").asText());
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflictAndRegistersNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    String name = "Idem " + UUID.randomUUID().toString().substring(0, 8);
    assertThat(post(body(name, "ACCESS"), key).getStatusCode().value()).isEqualTo(201);

    ResponseEntity<String> conflict = post(body(name, "ERASURE"), key);

    assertThat(conflict.getStatusCode().value()).isEqualTo(409);
    assertThat(conflict.getHeaders().getContentType()).isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(json.readTree(conflict.getBody()).path("detail").asText()).contains("Idempotency-Key");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_name = ?",
        Integer.class, name)).isEqualTo(1);
  }

  @Test
  void aDatabaseThatCannotBeReachedGivesA503WithRetryAfter() throws Exception {
    String name = "Storing " + UUID.randomUUID().toString().substring(0, 8);
    // the API works before the outage; during it even the password check meets the outage and answers 503
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/api/deadlines?receivedAt=2026-03-05", String.class)
        .getStatusCode().value()).isEqualTo(200);

    ResponseEntity<String> withoutKey;
    ResponseEntity<String> withKey;
    String key = UUID.randomUUID().toString();
    try (var outage = databaseOutage.begin()) {
      withoutKey = post(body(name, "ACCESS"), null);
      withKey = post(body(name, "ACCESS"), key);
    }

    for (ResponseEntity<String> answer : java.util.List.of(withoutKey, withKey)) {
      assertThat(answer.getStatusCode().value()).isEqualTo(503);
      assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
      assertThat(answer.getHeaders().getContentType()).isNotNull()
          .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      JsonNode problem = json.readTree(answer.getBody());
      assertThat(problem.path("status").asInt()).isEqualTo(503);
      assertThat(problem.path("title").asText()).isEqualTo("Database tijdelijk niet beschikbaar");
      assertThat(problem.path("detail").asText()).contains("opnieuw");
      assertThat(answer.getBody()).doesNotContain("SQL", "Exception", name);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_name = ?",
        Integer.class, name)).isZero();

    // the client retries with its key once the database is back: registered once
    ResponseEntity<String> retried = post(body(name, "ACCESS"), key);
    assertThat(retried.getStatusCode().value()).isEqualTo(201);
    assertThat(post(body(name, "ACCESS"), key).getBody()).isEqualTo(retried.getBody());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_name = ?",
        Integer.class, name)).isEqualTo(1);
  }

  private ResponseEntity<String> post(String body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return rest.withBasicAuth("desk", "desk").exchange("/api/requests", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  private static String body(String name, String right) {
    return "{\"right\":\"" + right + "\",\"channel\":\"LETTER\",\"requester\":{\"name\":\"" + name + "\","
        + "\"postalAddress\":\"Postbus 1, 1000 AA Amsterdam\"}}";
  }
}
