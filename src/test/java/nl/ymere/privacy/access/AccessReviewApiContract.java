package nl.ymere.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The review page API of an access request: content of flagged items only for who may read them (SEC-1), per-item
 * decisions with clear problem+json errors that change nothing (DESIGN principle 7, ACC-3). Run on H2
 * ({@link AccessReviewApiTest}) and PostgreSQL ({@link AccessReviewApiPostgresTest}).
 */
abstract class AccessReviewApiContract {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport support;
  @Autowired AccessTestSupport access;
  @Autowired AccessRepository repository;
  @Autowired javax.sql.DataSource dataSource;

  @BeforeEach
  void setUp() {
    support.setNow(LocalDate.of(2026, 3, 3), 10, 0);
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        AccessTestSupport.TENANCY, AccessTestSupport.NEIGHBOUR).dateOfBirth(AccessTestSupport.TENANT_BORN).hits())
        .isEmpty();
  }

  @Test
  void theReviewPageShowsFlaggedContentOnlyToWhoMayReadItAndRefusesBadDecisions() throws Exception {
    String reference = access.startAccess(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        LocalDate.of(2026, 3, 3));
    support.complete("desk", reference, AccessRequestProcess.Elements.CONFIRM_SEARCH,
        Map.of("tenancyNumber", AccessTestSupport.TENANCY));
    String base = "/api/requests/" + reference + "/access-review";

    JsonNode deskView = json.readTree(rest.withBasicAuth("desk", "desk").getForObject(base, String.class));
    assertThat(deskView.get("reviewOpen").asBoolean()).isTrue();
    JsonNode nuisance = find(deskView, "nuisance");
    JsonNode repair = find(deskView, "repairs");
    assertThat(nuisance.get("readable").asBoolean()).isFalse();
    assertThat(nuisance.get("fields").isNull()).isTrue();
    assertThat(repair.get("readable").asBoolean()).isTrue();
    assertThat(repair.get("fields").size()).isPositive();
    JsonNode officerView = json.readTree(rest.withBasicAuth("officer", "officer").getForObject(base, String.class));
    assertThat(find(officerView, "nuisance").get("fields").size()).isPositive();

    String nuisanceUrl = base + "/items/nuisance/" + nuisance.get("itemId").asText();
    String repairUrl = base + "/items/repairs/" + repair.get("itemId").asText();
    // SEC-1: the desk may not decide a criminal-law item
    ResponseEntity<String> refused = put("desk", nuisanceUrl, "{\"decision\":\"INCLUDE\"}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    // ACC-3: withholding needs a code and a case-specific reason
    ResponseEntity<String> bad = put("desk", repairUrl, "{\"decision\":\"WITHHOLD\",\"reason\":\"kort\"}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").toString()).contains("exemptionCode").contains("reason");
    assertThat(put("desk", repairUrl, "{\"decision\":\"MAYBE\"}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put("desk", repairUrl, "{\"decision\":\"REDACT\",\"redactFields\":[\"noSuchField\"]}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put("desk", base + "/items/repairs/repair-999999", "{\"decision\":\"INCLUDE\"}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(repository.items(reference)).noneMatch(AccessItemRow::decided);

    ResponseEntity<String> withheld = put("desk", repairUrl, "{\"decision\":\"WITHHOLD\",\"exemptionCode\":"
        + "\"CIVIL_CLAIMS\",\"reason\":\"Lopende aansprakelijkheidsprocedure over de lekkage.\"}");
    assertThat(withheld.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(withheld.getBody()).get("decidedBy").asText()).isEqualTo("desk");
    assertThat(put("officer", nuisanceUrl, "{\"decision\":\"INCLUDE\"}").getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/api/requests/" + reference + "/access-dossier",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity(base, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<String> put(String user, String url, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(url, HttpMethod.PUT, new HttpEntity<>(body, headers),
        String.class);
  }

  private static JsonNode find(JsonNode view, String system) {
    return StreamSupport.stream(view.get("items").spliterator(), false)
        .filter(item -> item.get("system").asText().equals(system)).findFirst().orElseThrow();
  }
}
