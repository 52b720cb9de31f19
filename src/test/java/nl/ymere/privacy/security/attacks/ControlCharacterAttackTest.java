package nl.ymere.privacy.security.attacks;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 14 finding 6: NUL and other control characters were accepted in names and other text. They are refused
 * (400 problem+json or the engine API's 400, a Dutch message naming the field, nothing stored) wherever text comes
 * in: the JSON API, the public request form, and start and task form fields submitted through Tasklist's door.
 * Line breaks and tabs stay fine in multi-line free text.
 */
@IntegrationTest
class ControlCharacterAttackTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired TestRestTemplate rest;
  @Autowired RequestTestSupport support;

  String name;

  @BeforeEach
  void setUp() {
    support.setNow(TODAY, 10, 0);
    name = "Nadia Nulteken" + System.nanoTime() % 1_000_000;
  }

  @AfterEach
  void nothingOfThePersonInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name).hits()).isEmpty();
  }

  @Test
  void theJsonApiRefusesANulInANameAndNamesTheField() throws Exception {
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    ResponseEntity<String> answer = postRequest(name + "\u0000", "Graag inzage.\n\tRegel twee.");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    JsonNode error = json.readTree(answer.getBody()).path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("requester.name");
    assertThat(error.path("message").asText()).contains("stuurteken", "U+0000");
    assertThat(answer.getBody()).doesNotContain(name);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();

    // a line break in a name is refused as well; in the description it is fine
    assertThat(postRequest(name + "\nTweede", "x").getStatusCode().value()).isEqualTo(400);
    assertThat(postRequest(name, "Graag inzage.\n\tRegel twee.").getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void thePublicFormRefusesAnEscapeCharacterAndStoresNothing() throws Exception {
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("right", "ACCESS");
    form.add("requesterName", name + "\u001b[31m");
    form.add("requesterEmail", "nadia@voorbeeld.nl");
    form.add("description", "Mag meerdere\nregels hebben.");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

    ResponseEntity<String> answer = rest.postForEntity("/verzoek", new HttpEntity<>(form, headers), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    JsonNode errors = json.readTree(answer.getBody()).path("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).path("field").asText()).isEqualTo("requesterName");
    assertThat(errors.get(0).path("message").asText()).contains("U+001B");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: a NUL in a task form's free text")
  @EnumSource(Door.class)
  void aTaskFormFieldWithANulAnswers400(Door door) throws Exception {
    String reference = support.register(command(support.genericPathRight(), TODAY, name, "nadia@voorbeeld.nl"))
        .reference();
    String task = support.task(reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD).getId();
    EngineDoors desk = EngineDoors.as(door, port, "desk");
    assertThat(desk.post("/task/" + task + "/claim", "{\"userId\":\"desk\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response answer = desk.post("/task/" + task + "/submit-form", json.writeValueAsString(Map.of(
        "variables", Map.of("identityMethod", Map.of("value", "MASKED_COPY"),
            "doubtReason", Map.of("value", "Twee huurders\u0000 met dezelfde naam.")))));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText()).contains("doubtReason", "U+0000");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: a NUL in a start form's name")
  @EnumSource(Door.class)
  void aStartFormFieldWithANulAnswers400(Door door) throws Exception {
    EngineDoors desk = EngineDoors.as(door, port, "desk");
    String definition = json.readTree(desk.get("/process-definition/key/data-subject-request").body())
        .path("id").asText();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Map<String, Object> variables = new HashMap<>();
    variables.put("intakeKind", Map.of("value", "REQUEST"));
    variables.put("right", Map.of("value", "ACCESS"));
    variables.put("channel", Map.of("value", "LETTER"));
    variables.put("requesterName", Map.of("value", name + "\u0000"));
    variables.put("requesterPostalAddress", Map.of("value", "Kerkstraat 1\n1000 AA Amsterdam"));

    EngineDoors.Response answer = desk.post("/process-definition/" + definition + "/submit-form",
        json.writeValueAsString(Map.of("variables", variables)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText()).contains("requesterName", "U+0000");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  private ResponseEntity<String> postRequest(String requesterName, String description) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = json.writeValueAsString(Map.of("right", "ACCESS", "channel", "EMAIL", "receivedAt",
        TODAY.toString(), "requester", Map.of("name", requesterName, "email", "nadia@voorbeeld.nl"),
        "description", description));
    return rest.withBasicAuth("desk", "desk").postForEntity("/api/requests", new HttpEntity<>(body, headers),
        String.class);
  }
}
