package nl.ymere.privacy.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/deadlines} through HTTP (DESIGN "The product API"; DL-1, DL-2, DL-3, DL-6, DL-8). */
@IntegrationTest
class DeadlineApiTest {

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ObjectMapper objectMapper;

  /** The query is sent exactly as written (already percent-encoded where needed). */
  ResponseEntity<String> get(String query) {
    URI uri = URI.create(rest.getRootUri() + "/api/deadlines" + query);
    return rest.withBasicAuth("demo", "demo").getForEntity(uri, String.class);
  }

  JsonNode json(ResponseEntity<String> response) throws Exception {
    return objectMapper.readTree(response.getBody());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "?receivedAt=2026-01-31                                         | 2026-01-31 | 2026-03-02 | 2026-04-30",
      // a date-time in UTC: 00:30 in Amsterdam summer time on 1 October (DL-1)
      "?receivedAt=2026-09-30T22:30:00Z                               | 2026-10-01 | 2026-11-02 | 2027-01-04",
      // winter time, offset percent-encoded (%2B = +)
      "?receivedAt=2026-01-14T23:30:00%2B00:00                        | 2026-01-15 | 2026-02-16 | 2026-04-15",
      "?receivedAt=2026-01-15T00:30:00%2B01:00                        | 2026-01-15 | 2026-02-16 | 2026-04-15",
      // an unencoded + arrives as a space and is still read as +
      "?receivedAt=2026-01-15T00:30:00+01:00                          | 2026-01-15 | 2026-02-16 | 2026-04-15",
      "?receivedAt=1999-12-31                                         | 1999-12-31 | 2000-01-31 | 2000-03-31",
      "?receivedAt=2099-06-15                                         | 2099-06-15 | 2099-07-15 | 2099-09-15",
      "?receivedAt=2028-02-29                                         | 2028-02-29 | 2028-03-29 | 2028-05-29",
      // DL-8: five pause days added to the unrolled dates
      "?receivedAt=2026-03-10&pauseFrom=2026-03-12&pauseUntil=2026-03-16 | 2026-03-10 | 2026-04-15 | 2026-06-15",
      // DL-8: a same-day pause counts one day; 11 April 2026 is a Saturday
      "?receivedAt=2026-03-10&pauseFrom=2026-03-10&pauseUntil=2026-03-10 | 2026-03-10 | 2026-04-13 | 2026-06-11"})
  void answersTheStatutoryDates(String query, String receivedOn, String dueDate, String extendedDueDate)
      throws Exception {
    ResponseEntity<String> response = get(query);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
    JsonNode body = json(response);
    assertThat(body.get("receivedOn").asText()).isEqualTo(receivedOn);
    assertThat(body.get("dueDate").asText()).isEqualTo(dueDate);
    assertThat(body.get("extendedDueDate").asText()).isEqualTo(extendedDueDate);
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("receivedOn", "dueDate", "extendedDueDate");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''                                                   | receivedAt",
      "?receivedAt=                                         | receivedAt",
      "?receivedAt=2026-02-30                               | receivedAt",
      "?receivedAt=not-a-date                               | receivedAt",
      "?receivedAt=2026-09-30T25:00:00Z                     | receivedAt",
      "?receivedAt=2026-09-30T10:00:00                      | receivedAt",
      "?receivedAt=2026-03-10&pauseFrom=2026-03-12          | pauseUntil",
      "?receivedAt=2026-03-10&pauseUntil=2026-03-12         | pauseFrom",
      "?receivedAt=2026-03-10&pauseFrom=2026-03-12&pauseUntil=2026-03-11 | pauseUntil",
      "?receivedAt=2026-03-10&pauseFrom=2026-03-09&pauseUntil=2026-03-11 | pauseFrom",
      "?receivedAt=2026-03-10T12:00:00Z&pauseFrom=2026-03-09&pauseUntil=2026-03-11 | pauseFrom",
      "?receivedAt=2026-03-10&pauseFrom=2026-04-31&pauseUntil=2026-05-02 | pauseFrom",
      "?receivedAt=2026-03-10&pauseFrom=2026-04-01&pauseUntil=soon       | pauseUntil"})
  void rejectsABadQueryNamingTheField(String query, String field) throws Exception {
    ResponseEntity<String> response = get(query);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    JsonNode body = json(response);
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("detail").asText()).contains(field);
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(body.get("errors").get(0).get("message").asText()).isNotBlank();
  }

  @Test
  void namesEveryBadFieldAtOnce() throws Exception {
    JsonNode body = json(get("?receivedAt=2026-02-30&pauseFrom=x"));
    assertThat(body.get("errors").findValuesAsText("field")).containsExactly("receivedAt", "pauseUntil", "pauseFrom");
  }

  @Test
  void requiresALogin() {
    ResponseEntity<String> response =
        rest.getForEntity(URI.create(rest.getRootUri() + "/api/deadlines?receivedAt=2026-01-31"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
  }

  @Test
  void isOpenToAnyLoggedInUser() {
    ResponseEntity<String> response = rest.withBasicAuth("facility", "facility")
        .getForEntity(URI.create(rest.getRootUri() + "/api/deadlines?receivedAt=2026-01-31"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void answersAnUnknownApiPathWith404Problem() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("demo", "demo")
        .getForEntity(URI.create(rest.getRootUri() + "/api/no-such-thing"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    assertThat(json(response).get("status").asInt()).isEqualTo(404);
  }
}
