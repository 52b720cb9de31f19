package nl.ymere.privacy.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * The {@code /api/requests} contract of DESIGN.md, run on H2 and on PostgreSQL by its two subclasses: a valid intake
 * returns 201 with the calculator's due date; each bad input gets its code and problem+json and leaves no row, no
 * process instance and no outbox message (DESIGN principle 7).
 */
abstract class RequestApiContract {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;

  private ResponseEntity<String> post(String user, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
    return client.exchange("/api/requests", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request", Long.class),
        runtimeService.createProcessInstanceQuery().count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class)};
  }

  @Test
  void registersAValidRequestWithTheCalculatedDueDate() throws Exception {
    ResponseEntity<String> response = post("demo", """
        {"right":"ERASURE","channel":"EMAIL","receivedAt":"2026-01-31",
         "requester":{"name":"Piet Contract","email":"piet.contract@example.org","dateOfBirth":"1970-02-03"},
         "description":"Verwijder mijn gegevens uit de nieuwsbrief."}""", MediaType.APPLICATION_JSON);
    assertThat(response.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(response.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("AVG-2026-\\d{6}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/requests/" + reference);
    assertThat(body.get("receivedOn").asText()).isEqualTo("2026-01-31");
    assertThat(body.get("dueDate").asText()).isEqualTo("2026-03-02"); // DL-2 → 28 Feb, a Saturday; DL-3 → Monday
    assertThat(body.get("extendedDueDate").isNull()).isTrue();
    assertThat(body.get("processInstanceId").asText()).isNotBlank();
    assertThat(body.get("overdue").isBoolean()).isTrue();

    ResponseEntity<String> read = rest.withBasicAuth("demo", "demo").getForEntity("/api/requests/" + reference,
        String.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    JsonNode view = json.readTree(read.getBody());
    assertThat(view.get("identity").asText()).isEqualTo("PENDING");
    assertThat(view.get("documents").get(0).get("type").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(view.get("events").get(0).get("type").asText()).isEqualTo("REGISTERED");
  }

  static Stream<Arguments> badRequests() {
    String tomorrowPlus2 = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(2).toString();
    String valid = "\"channel\":\"EMAIL\",\"requester\":{\"name\":\"A\",\"email\":\"a@example.org\"}";
    return Stream.of(
        Arguments.of("malformed JSON", "{\"right\":", 400, null),
        Arguments.of("missing right", "{" + valid + "}", 400, "right"),
        Arguments.of("unknown right", "{\"right\":\"DELETE_ALL\"," + valid + "}", 400, "right"),
        Arguments.of("missing channel", "{\"right\":\"ACCESS\",\"requester\":{\"name\":\"A\",\"email\":\"a@example.org\"}}",
            400, "channel"),
        Arguments.of("missing requester name", "{\"right\":\"ACCESS\",\"channel\":\"EMAIL\",\"requester\":{\"email\":"
            + "\"a@example.org\"}}", 400, "requester.name"),
        Arguments.of("no e-mail nor address", "{\"right\":\"ACCESS\",\"channel\":\"EMAIL\",\"requester\":{\"name\":"
            + "\"A\"}}", 400, "requester.email"),
        Arguments.of("impossible date", "{\"right\":\"ACCESS\",\"receivedAt\":\"2026-02-30\"," + valid + "}", 400,
            "receivedAt"),
        Arguments.of("date-time without offset", "{\"right\":\"ACCESS\",\"receivedAt\":\"2026-02-03T10:00:00\","
            + valid + "}", 400, "receivedAt"),
        Arguments.of("receipt after tomorrow", "{\"right\":\"ACCESS\",\"receivedAt\":\"" + tomorrowPlus2 + "\","
            + valid + "}", 400, "receivedAt"),
        Arguments.of("date of birth in the future", "{\"right\":\"ACCESS\",\"channel\":\"EMAIL\",\"requester\":"
            + "{\"name\":\"A\",\"email\":\"a@example.org\",\"dateOfBirth\":\"2999-01-01\"}}", 400,
            "requester.dateOfBirth"),
        Arguments.of("representative without data subject", "{\"right\":\"ACCESS\",\"representation\":"
            + "\"AUTHORISED_AGENT\"," + valid + "}", 400, "dataSubject"),
        Arguments.of("description too long", "{\"right\":\"ACCESS\",\"description\":\"" + "x".repeat(100_001)
            + "\"," + valid + "}", 400, "description"),
        Arguments.of("unknown objection scope", "{\"right\":\"OBJECTION\",\"objectionScope\":\"EVERYTHING\","
            + valid + "}", 400, "objectionScope"),
        Arguments.of("objection scope for another right", "{\"right\":\"ACCESS\",\"objectionScope\":"
            + "\"DIRECT_MARKETING\"," + valid + "}", 400, "objectionScope"),
        Arguments.of("child under 16 on its own", "{\"right\":\"ACCESS\",\"receivedAt\":\"2026-03-05\","
            + "\"channel\":\"EMAIL\",\"requester\":{\"name\":\"K\",\"email\":\"k@example.org\",\"dateOfBirth\":"
            + "\"2012-01-01\"}}", 422, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void rejectsBadInputAndLeavesNothingBehind(String what, String body, int status, String field) throws Exception {
    long[] before = counts();
    ResponseEntity<String> response = post("demo", body, MediaType.APPLICATION_JSON);
    assertThat(response.getStatusCode().value()).as(what).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    if (field != null) {
      assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).contains(field);
    }
    assertThat(counts()).as("rows, instances, outbox after: " + what).containsExactly(before);
  }

  /** A wrong password answers 401 and does not lock the right password out (demo profile: no login delay). */
  @Test
  void aWrongPasswordDoesNotLockOutTheNextCorrectLogin() {
    ResponseEntity<String> wrong = rest.withBasicAuth("desk", "not-the-password")
        .getForEntity("/api/requests/AVG-1999-000000", String.class);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/api/requests/AVG-1999-000000", String.class)
        .getStatusCode().value()).as("the right password straight after a wrong one").isEqualTo(404);
  }

  @Test
  void answersWrongContentTypeUnauthenticatedAndForbidden() {
    long[] before = counts();
    assertThat(post("demo", "right=ACCESS", MediaType.TEXT_PLAIN).getStatusCode().value()).isEqualTo(415);
    ResponseEntity<String> anonymous = post(null, "{}", MediaType.APPLICATION_JSON);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    // wrong credentials (a user that does not exist, so no real account's login delay is triggered)
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> wrong = rest.withBasicAuth("no-such-user", "wrong").exchange("/api/requests",
        HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(wrong.getHeaders().getContentType()).as("401 for wrong credentials is problem+json")
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(post("facility", "{}", MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/requests/AVG-1999-000000", String.class)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(counts()).containsExactly(before);
  }
}
