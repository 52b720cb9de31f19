package nl.ymere.privacy.security.attacks;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.personaldata.RightsTestData;
import nl.ymere.privacy.personaldata.RightsTestData.Tenant;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.rectification.RectificationProcess;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 finding 6: users of the restricted-data teams ({@code nuisance-team}, {@code housing-adaptation}) got 200 on
 * {@code /api/requests/{any}/rectification} for any request, with the person's items from every source. A request
 * exists for them only when their team owns one of its items, and then they see only those items (SEC-1); otherwise
 * 404, and nothing is read or logged.
 */
@IntegrationTest
class RestrictedTeamRectificationAttackTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired TestRestTemplate rest;
  @Autowired RequestTestSupport support;
  @Autowired RuntimeService runtimeService;

  Tenant tenant;
  String withNuisanceReport;
  String withoutTeamItems;

  @BeforeEach
  void setUp() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = RightsTestData.seed(jdbc, "Teun Teamgrens" + n, "teun" + n + "@voorbeeld.nl", "HV-6" + n);
    withNuisanceReport = support.register(command(RequestRight.RECTIFICATION, TODAY, tenant.name(), tenant.email()))
        .reference();
    withoutTeamItems = support.register(command(RequestRight.RECTIFICATION, TODAY, "Zonder Dossier" + n,
        "zonder" + n + "@voorbeeld.nl")).reference();
  }

  @AfterEach
  void resetClock() {
    support.resetClock();
  }

  @Test
  void restrictedTeamsGet404ForARequestWithoutAnItemOfTheirTeam() {
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    assertThat(get("nuisance", withoutTeamItems).getStatusCode().value()).isEqualTo(404);
    assertThat(get("adaptation", withoutTeamItems).getStatusCode().value()).isEqualTo(404);
    // the tenant has a nuisance report but no home-adaptation file: not housing-adaptation's request
    ResponseEntity<String> adaptation = get("adaptation", withNuisanceReport);
    assertThat(adaptation.getStatusCode().value()).isEqualTo(404);
    assertThat(adaptation.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(adaptation.getBody()).doesNotContain(tenant.nuisanceReport(), tenant.contract());
    assertThat(post("adaptation", withNuisanceReport, "/changes", "{\"system\":\"nuisance\",\"itemId\":\""
        + tenant.nuisanceReport() + "\",\"kind\":\"STATEMENT\",\"value\":\"Niet mijn team.\"}")
        .getStatusCode().value()).isEqualTo(404);
    assertThat(post("adaptation", withNuisanceReport, "/changes/1/refusal",
        "{\"reason\":\"Een reden die lang genoeg is om te tellen.\"}").getStatusCode().value()).isEqualTo(404);

    // nothing read, logged or stored
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @Test
  void theNuisanceTeamSeesOnlyItsOwnItemsOfARequest() throws Exception {
    // the desk records a change with the tenancy number, through which the nuisance report belongs to the request
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", withNuisanceReport);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    support.as("demo", () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(
        RectificationProcess.KEY, withNuisanceReport, variables)));
    assertThat(post("desk", withNuisanceReport, "/changes", "{\"system\":\"tenancy\",\"itemId\":\""
        + tenant.contract() + "\",\"kind\":\"STATEMENT\",\"value\":\"Klopt niet.\",\"tenancyNumber\":\""
        + tenant.tenancyNumber() + "\"}").getStatusCode().value()).isEqualTo(201);

    ResponseEntity<String> answer = get("nuisance", withNuisanceReport);

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    JsonNode items = json.readTree(answer.getBody()).get("items");
    assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.get("system").asText()).isEqualTo("nuisance"));
    assertThat(items).anySatisfy(item -> assertThat(item.get("itemId").asText()).isEqualTo(tenant.nuisanceReport()));
    // the desk's change on the tenancy contract is not the team's
    assertThat(json.readTree(answer.getBody()).get("changes")).isEmpty();
    assertThat(answer.getBody()).doesNotContain(tenant.contract());
    // the desk still sees every item of the request
    JsonNode desk = json.readTree(get("desk", withNuisanceReport).getBody()).get("items");
    assertThat(desk).anySatisfy(item -> assertThat(item.get("itemId").asText()).isEqualTo(tenant.contract()));
  }

  private ResponseEntity<String> get(String user, String reference) {
    return rest.withBasicAuth(user, user).getForEntity("/api/requests/" + reference + "/rectification",
        String.class);
  }

  private ResponseEntity<String> post(String user, String reference, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).postForEntity("/api/requests/" + reference + "/rectification" + path,
        new HttpEntity<>(body, headers), String.class);
  }
}
