package nl.ymere.privacy.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import javax.sql.DataSource;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
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

/**
 * {@code GET /api/cases/{reference}} (issue 16 item 4): Tasklist's start notice learns reference, kind and due date
 * of any case the user may see — a camera protocol for its facility requester, a request and a complaint for the
 * desk — with no personal data in the answer, and the same 404 for an unknown case and for a case the engine's
 * authorizations hide from the caller.
 */
@IntegrationTest
class StartedCaseApiTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  final String name = "Startmelding" + Long.toString(System.nanoTime() % 100_000_000L, 36) + " Jansen";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport requests;
  @Autowired DataSource dataSource;

  @BeforeEach
  void setClock() {
    requests.setNow(TODAY, 10, 0);
  }

  @AfterEach
  void resetClock() {
    requests.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name).hits()).isEmpty();
  }

  private ResponseEntity<String> get(String user, String reference) {
    return rest.withBasicAuth(user, user).getForEntity("/api/cases/" + reference, String.class);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  @Test
  void aCameraProtocolIsShownToItsRequesterWithoutATerm() throws Exception {
    ResponseEntity<String> created = post("facility", "/api/cameras", """
        {"locationType":"COMPLEX","locationName":"Complex Het Baken","locationAddress":"Bakenlaan 1-40, 1111 AA Diemen",
         "areaType":"PARKING","purpose":"PROTECT_PROPERTY",
         "problem":"Autobranden en vernielingen in de parkeergarage",
         "incidents":"Brand 4 januari (PL-2026-003), vernieling 20 februari (PL-2026-031)",
         "milderMeasures":"Betere verlichting, deur met pas, surveillance door beheerder",
         "fieldOfView":"Alleen in- en uitrit en de parkeervakken, geen woningen",
         "fieldOfViewConfirmed":true,"covert":false}""");
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String reference = json.readTree(created.getBody()).get("reference").asText();

    ResponseEntity<String> answer = get("facility", reference);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode body = json.readTree(answer.getBody());
    assertThat(body.get("reference").asText()).isEqualTo(reference);
    assertThat(body.get("kind").asText()).isEqualTo("camera-protocol");
    assertThat(body.get("kindName").asText()).isEqualTo("Cameraprotocol");
    assertThat(body.get("dueDate").isNull()).isTrue();
    assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("reference", "kind", "kindName", "dueDate");
    // the old lookup of the notice answered 403 here
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/api/requests/" + reference, String.class)
        .getStatusCode().value()).isEqualTo(403);
    // the desk may not see camera protocols in the engine: the same 404 as an unknown reference
    assertThat(get("desk", reference).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aRequestAndAComplaintCarryTheirDueDates() throws Exception {
    RequestRecord request = requests.register(RequestTestSupport.command(RequestRight.ACCESS, TODAY, name,
        "startmelding@example.test"));
    JsonNode body = json.readTree(get("desk", request.reference()).getBody());
    assertThat(body.get("kind").asText()).isEqualTo("data-subject-request");
    assertThat(body.get("dueDate").asText()).isEqualTo(request.dueDate().toString()).isEqualTo("2026-04-07");
    assertThat(body.toString()).doesNotContain(name, "startmelding@example.test");
    assertThat(get("facility", request.reference()).getStatusCode().value()).isEqualTo(404);

    ResponseEntity<String> complaint = post("desk", "/api/complaints", """
        {"channel":"EMAIL","receivedAt":"2026-03-05","complainant":{"name":"%s","email":"klacht@example.test"},
         "description":"Mijn gegevens werden zonder reden aan de aannemer gegeven."}""".formatted(name));
    assertThat(complaint.getStatusCode().value()).as(complaint.getBody()).isEqualTo(201);
    JsonNode registered = json.readTree(complaint.getBody());
    JsonNode notice = json.readTree(get("desk", registered.get("reference").asText()).getBody());
    assertThat(notice.get("kind").asText()).isEqualTo("privacy-complaint");
    assertThat(notice.get("dueDate").asText()).isEqualTo(registered.get("dueDate").asText());
  }

  @Test
  void anUnknownOrOverlongReferenceIsNotFound() {
    ResponseEntity<String> unknown = get("desk", "AVG-2026-999999");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(get("desk", "X".repeat(StartedCases.MAX_REFERENCE + 1)).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.getForEntity("/api/cases/AVG-2026-999999", String.class).getStatusCode().value())
        .isEqualTo(401);
  }
}
