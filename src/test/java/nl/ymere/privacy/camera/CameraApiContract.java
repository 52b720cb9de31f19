package nl.ymere.privacy.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import nl.ymere.privacy.camera.CameraProtocolProcess.Elements;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * {@code /api/cameras} on H2 and PostgreSQL (its two subclasses): filing a request starts the protocol; bad input gets
 * 400 problem+json and changes nothing (DESIGN principle 7); the register is for authorised groups only, covert
 * cameras only for privacy officers and the FG; and one protocol from request to register entry.
 */
abstract class CameraApiContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired CameraTestSupport support;

  @BeforeEach
  void setClock() {
    support.setNow(TODAY, 10, 0);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static final String VALID = """
      {"locationType":"COMPLEX","locationName":"Complex Het Baken","locationAddress":"Bakenlaan 1-40, 1111 AA Diemen",
       "areaType":"PARKING","purpose":"PROTECT_PROPERTY",
       "problem":"Autobranden en vernielingen in de parkeergarage",
       "incidents":"Brand 4 januari (PL-2026-003), vernieling 20 februari (PL-2026-031)",
       "milderMeasures":"Betere verlichting, deur met pas, surveillance door beheerder",
       "fieldOfView":"Alleen in- en uitrit en de parkeervakken, geen woningen",
       "fieldOfViewConfirmed":true,"covert":false%s}""";

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/cameras", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private long[] counts() {
    return new long[] {jdbc.queryForObject("SELECT COUNT(*) FROM privacy.camera_protocol", Long.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey(CameraProtocolProcess.KEY).count()};
  }

  @Test
  void filesARequestAndRunsItToTheRegister() throws Exception {
    ResponseEntity<String> created = post("facility", VALID.formatted(""));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("CAM-2026-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/cameras/" + reference);
    assertThat(body.get("status").asText()).isEqualTo("REQUESTED");
    assertThat(body.get("retentionHours").asInt()).isEqualTo(72);
    assertThat(support.task(reference, Elements.ASSESS_LEGITIMATE_INTEREST)).isNotNull();

    support.assess(reference, true, reference);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, reference);
    support.screen(reference, Map.of());
    support.approve("manager", reference);
    support.confirmSignage(reference);

    ResponseEntity<String> register = rest.withBasicAuth("manager", "manager").getForEntity("/api/cameras?status=ACTIVE",
        String.class);
    assertThat(register.getStatusCode().value()).isEqualTo(200);
    JsonNode entry = null;
    for (JsonNode camera : json.readTree(register.getBody())) {
      if (camera.get("reference").asText().equals(reference)) {
        entry = camera;
      }
    }
    assertThat(entry).as("register entry of %s", reference).isNotNull();
    assertThat(entry.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(entry.get("location").get("name").asText()).isEqualTo("Complex Het Baken");
    assertThat(entry.get("purpose").asText()).isEqualTo("PROTECT_PROPERTY");
    assertThat(entry.get("retentionHours").asInt()).isEqualTo(72);
    assertThat(entry.get("responsiblePerson").asText()).isEqualTo("facility");
    assertThat(entry.get("approvedBy").asText()).isEqualTo("manager");
    assertThat(entry.get("approvalReference").asText()).startsWith("TASK-");
    assertThat(entry.get("activatedOn").asText()).isEqualTo("2026-03-05");
    assertThat(entry.get("nextReviewDate").asText()).isEqualTo("2027-02-03");
  }

  @Test
  void refusesARetentionAboveTwentyEightDaysWithTheReasonAndChangesNothing() throws Exception {
    long[] before = counts();
    ResponseEntity<String> response = post("facility",
        VALID.formatted(",\"retentionHours\":700,\"retentionJustification\":\"Lange vakanties van de beheerder\""));
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors.get(0).get("field").asText()).isEqualTo("retentionHours");
    assertThat(errors.get(0).get("message").asText()).contains("28 days");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void refusesMissingFieldsAndUnknownCodes() throws Exception {
    long[] before = counts();
    ResponseEntity<String> missing = post("facility", "{\"locationType\":\"COMPLEX\"}");
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(missing.getBody()).get("errors").findValuesAsText("field"))
        .contains("locationName", "locationAddress", "areaType", "incidents", "fieldOfViewConfirmed");
    assertThat(post("facility", VALID.formatted("").replace("PARKING", "ROOFTOP")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void allowsOnlyAuthorisedGroups() {
    assertThat(post("manager", VALID.formatted("")).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("nuisance", "nuisance").getForEntity("/api/cameras", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/api/cameras", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/api/cameras?status=BOGUS", String.class)
        .getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void showsCovertCamerasOnlyToPrivacyOfficersAndTheFg() throws Exception {
    String covert = post("facility", VALID.formatted("").replace("\"covert\":false", "\"covert\":true,"
        + "\"covertSuspicion\":\"Vermoeden van diefstal van brandstof door een vaste bezoeker\","
        + "\"covertEndDate\":\"2026-05-01\"")).getHeaders().getLocation().toString();
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity(covert, String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity(covert, String.class).getStatusCode().value())
        .isEqualTo(200);
  }
}
