package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * Who may do what (DESIGN principle 5), as a table: user (group) × endpoint or engine call → expected answer.
 * Camunda authorizations are on, and {@code /engine-rest} and {@code /api} run with the caller's engine authentication.
 */
@IntegrationTest
class AuthorizationMatrixTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  static Stream<Arguments> matrix() {
    String request = "{\"right\":\"ACCESS\",\"channel\":\"EMAIL\",\"requester\":{\"name\":\"Matrix Test\","
        + "\"email\":\"matrix@example.org\"}}";
    return Stream.of(
        // user, method, path, body, expected status
        Arguments.of(null, "GET", "/engine-rest/process-definition", null, 401),
        Arguments.of(null, "GET", "/api/deadlines?receivedAt=2026-03-05", null, 401),
        Arguments.of("demo", "GET", "/api/deadlines?receivedAt=2026-03-05", null, 200),
        Arguments.of("facility", "GET", "/api/deadlines?receivedAt=2026-03-05", null, 200),
        Arguments.of("facility", "POST", "/api/requests", request, 403),
        Arguments.of("facility", "GET", "/api/requests/AVG-2026-000001", null, 403),
        Arguments.of("fg", "POST", "/api/requests", request, 403),
        Arguments.of("desk", "POST", "/api/requests", request, 201),
        // without READ on the definition the engine does not even find it
        Arguments.of("procurement", "POST", "/engine-rest/process-definition/key/data-subject-request/start",
            "{}", 404),
        Arguments.of("facility", "GET", "/admin/outbox", null, 403),
        Arguments.of("demo", "GET", "/actuator/health", null, 200),
        Arguments.of(null, "GET", "/actuator/health", null, 200),
        Arguments.of(null, "GET", "/actuator/metrics", null, 401),
        Arguments.of("desk", "GET", "/actuator/metrics", null, 403));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("matrix")
  void answersAsTheMatrixSays(String user, String method, String path, String body, int expected) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
    int status = client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class)
        .getStatusCode().value();
    assertThat(status).isEqualTo(expected);
  }

  @Test
  void procurementSeesOnlyItsOwnStartableProcessesThroughEngineRest() throws Exception {
    JsonNode definitions = json.readTree(rest.withBasicAuth("procurement", "procurement")
        .getForEntity("/engine-rest/process-definition", String.class).getBody());
    assertThat(definitions.findValuesAsText("key")).doesNotContain("data-subject-request", "identity-verification");
    JsonNode all = json.readTree(rest.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/process-definition", String.class).getBody());
    assertThat(all.findValuesAsText("key")).contains("data-subject-request", "identity-verification");
    String id = json.readTree(rest.withBasicAuth("demo", "demo").getForEntity(
        "/engine-rest/process-definition/key/data-subject-request", String.class).getBody()).get("id").asText();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThat(rest.withBasicAuth("procurement", "procurement").exchange("/engine-rest/process-definition/" + id
        + "/start", HttpMethod.POST, new HttpEntity<>("{}", headers), String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void fraudAssessorsTaskQueryReturnsNoTaskOfAnotherProcess() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("desk", "desk").exchange("/api/requests", HttpMethod.POST, new HttpEntity<>(
        "{\"right\":\"ACCESS\",\"channel\":\"LETTER\",\"requester\":{\"name\":\"Taak Zichtbaarheid\","
            + "\"postalAddress\":\"Postbus 1, 1000 AA Amsterdam\"}}", headers), String.class)
        .getStatusCode().value()).isEqualTo(201);
    assertThat(taskService.createTaskQuery().processDefinitionKey("identity-verification").count()).isPositive();
    JsonNode assessorTasks = json.readTree(rest.withBasicAuth("assessor1", "assessor1")
        .getForEntity("/engine-rest/task", String.class).getBody());
    // fraud assessors see only fraud-signal tasks (other test classes in the shared context may have created some)
    assertThat(assessorTasks.findValuesAsText("processDefinitionId"))
        .allSatisfy(definition -> assertThat(definition).startsWith("fraud-signal-assessment:"));
    JsonNode deskTasks = json.readTree(rest.withBasicAuth("desk", "desk")
        .getForEntity("/engine-rest/task?processDefinitionKey=identity-verification", String.class).getBody());
    assertThat(deskTasks).isNotEmpty();
  }
}
