package nl.ymere.privacy.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.ymere.privacy.complaint.ComplaintProcess.Elements;
import nl.ymere.privacy.request.RequestTestSupport;
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
 * The {@code /api/complaints} contract (issue 19; CMP-1), on H2 and PostgreSQL by its subclasses: registration with
 * the KL reference and the calculated due date, the happy path to the answer, the register and its CSV export; only
 * the desk, privacy officers and the FG read complaints; bad input gets 400 problem+json and stores nothing (no row,
 * no process instance, no letter).
 */
abstract class ComplaintApiContract {

  static final String NAME = "Gerda Klachtcontract";
  static final String EMAIL = "gerda.klachtcontract@example.org";
  static final String TEXT = "Mijn huurachterstand werd in de portiek besproken waar buren bij stonden.";
  static final String ANSWER = "Wij hebben de medewerker aangesproken; gesprekken vinden voortaan binnen plaats.";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport requests;
  @Autowired DataSource dataSource;

  @AfterEach
  void noComplaintDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(NAME, EMAIL, TEXT, ANSWER).hits()).isEmpty();
  }

  ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/complaints", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.complaint", Long.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class)};
  }

  static String validBody() {
    return """
        {"receivedAt":"2026-03-02","channel":"LETTER",
         "complainant":{"name":"%s","email":"%s","postalAddress":"Postbus 1, 1000 AA Amsterdam"},
         "description":"%s"}""".formatted(NAME, EMAIL, TEXT);
  }

  @Test
  void aComplaintIsRegisteredWithItsDueDateAndAnsweredAndListedInTheRegister() throws Exception {
    ResponseEntity<String> created = post("desk", validBody());
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("KL-\\d{4}-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/complaints/" + reference);
    assertThat(body.get("receivedOn").asText()).isEqualTo("2026-03-02");
    // CMP-1 with DL-2/DL-3: one month, 2 April 2026 is a Thursday
    assertThat(body.get("dueDate").asText()).isEqualTo("2026-04-02");
    assertThat(body.get("status").asText()).isEqualTo("REGISTERED");

    requests.complete("desk", reference, Elements.TRIAGE, Map.of("rightsRequestFound", false,
        "possibleBreach", false));
    requests.complete("desk", reference, Elements.INVESTIGATE, Map.of("investigationNote", "Gesprek nagevraagd.",
        "dataErasedAtRequest", false));
    requests.complete("desk", reference, Elements.DRAFT_ANSWER, Map.of("complaintOutcome", "UPHELD",
        "answerText", ANSWER));

    JsonNode read = json.readTree(get("fg", "/api/complaints/" + reference).getBody());
    assertThat(read.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(read.get("outcome").asText()).isEqualTo("UPHELD");
    assertThat(read.get("complainant").get("name").asText()).isEqualTo(NAME);
    assertThat(read.get("events").findValuesAsText("type")).contains("REGISTERED", "ANSWERED");
    assertThat(json.readTree(get("officer", "/api/complaints").getBody()).findValuesAsText("reference"))
        .contains(reference);
    ResponseEntity<String> csv = get("fg", "/api/complaints/export.csv");
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    // the register export holds references, codes and dates, not the complainant
    assertThat(csv.getBody()).contains(reference + ";LETTER;2026-03-02;2026-04-02;ANSWERED;UPHELD")
        .doesNotContain(NAME).doesNotContain(EMAIL);
  }

  @Test
  void onlyTheDeskPrivacyOfficersAndTheFgReadComplaints() throws Exception {
    String reference = json.readTree(post("desk", validBody()).getBody()).get("reference").asText();
    for (String outsider : new String[] {"facility", "assessor1", "manager", "nuisance"}) {
      assertThat(get(outsider, "/api/complaints/" + reference).getStatusCode().value()).as(outsider)
          .isEqualTo(403);
      assertThat(get(outsider, "/api/complaints").getStatusCode().value()).as(outsider).isEqualTo(403);
      assertThat(get(outsider, "/api/complaints/export.csv").getStatusCode().value()).as(outsider).isEqualTo(403);
    }
    long[] before = counts();
    assertThat(post("facility", validBody()).getStatusCode().value()).isEqualTo(403);
    assertThat(post("fg", validBody()).getStatusCode().value()).isEqualTo(403);
    assertThat(counts()).containsExactly(before);
    assertThat(rest.getForEntity("/api/complaints/" + reference, String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(get("desk", "/api/complaints/KL-1999-000000").getStatusCode().value()).isEqualTo(404);
  }

  static Stream<Arguments> badComplaints() {
    String who = "\"complainant\":{\"name\":\"A. Klager\",\"email\":\"a@example.org\"}";
    return Stream.of(
        Arguments.of("malformed JSON", "{\"channel\":", null),
        Arguments.of("missing channel", "{" + who + ",\"description\":\"x\"}", "channel"),
        Arguments.of("unknown channel", "{\"channel\":\"PIGEON\"," + who + ",\"description\":\"x\"}", "channel"),
        Arguments.of("no complainant", "{\"channel\":\"EMAIL\",\"description\":\"x\"}", "complainant"),
        Arguments.of("anonymous", "{\"channel\":\"EMAIL\",\"complainant\":{\"email\":\"a@example.org\"},"
            + "\"description\":\"x\"}", "complainant.name"),
        Arguments.of("no address to answer", "{\"channel\":\"EMAIL\",\"complainant\":{\"name\":\"A\"},"
            + "\"description\":\"x\"}", "complainant.email"),
        Arguments.of("bad e-mail", "{\"channel\":\"EMAIL\",\"complainant\":{\"name\":\"A\",\"email\":\"geen\"},"
            + "\"description\":\"x\"}", "complainant.email"),
        Arguments.of("missing description", "{\"channel\":\"EMAIL\"," + who + "}", "description"),
        Arguments.of("impossible date", "{\"receivedAt\":\"2026-02-30\",\"channel\":\"EMAIL\"," + who
            + ",\"description\":\"x\"}", "receivedAt"),
        Arguments.of("receipt in the future", "{\"receivedAt\":\"2999-01-01\",\"channel\":\"EMAIL\"," + who
            + ",\"description\":\"x\"}", "receivedAt"),
        Arguments.of("unknown request", "{\"channel\":\"EMAIL\"," + who + ",\"description\":\"x\","
            + "\"aboutRequestReference\":\"PV-1999-000000\"}", "aboutRequestReference"),
        Arguments.of("description too long", "{\"channel\":\"EMAIL\"," + who + ",\"description\":\""
            + "x".repeat(100_001) + "\"}", "description"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badComplaints")
  void badInputGets400AndStoresNothing(String what, String body, String field) throws Exception {
    long[] before = counts();
    ResponseEntity<String> response = post("desk", body);
    assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    if (field != null) {
      assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).as(what)
          .contains(field);
    }
    assertThat(counts()).as(what).containsExactly(before);
  }

  @Test
  void aBodyThatIsNotJsonGets415AndStoresNothing() {
    long[] before = counts();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> response = rest.withBasicAuth("desk", "desk").exchange("/api/complaints",
        HttpMethod.POST, new HttpEntity<>("klacht", headers), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(415);
    assertThat(counts()).containsExactly(before);
  }
}
