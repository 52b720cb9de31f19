package nl.ymere.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.ymere.privacy.mail.RecipientCopiesForTests;
import nl.ymere.privacy.personaldata.ConsentStatus;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.StaffBrowser;
import nl.ymere.privacy.support.StaffBrowser.Page;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three ways to withdraw (issue 20 item 5; CON-2, REQ-1) end in the same state: the desk's API, the public page
 * {@code /toestemming} after the code step, and a data-subject request of kind CONSENT_WITHDRAWAL registered through
 * the Tasklist start form (where the right is now selectable) and withdrawn on the desk's form of the request. Same
 * state: withdrawn, the person's consent no longer in force for the gate and {@code findUsable}, propagation PENDING
 * with the same steps, one {@code consent-withdrawal} instance. Only the channel differs.
 */
@IntegrationTest
class ConsentWithdrawalRoutesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired RecipientCopiesForTests copies;
  @Autowired ConsentStatus consentStatus;
  @Autowired DataSource dataSource;

  String marker;
  List<String> names = new ArrayList<>();
  List<String> emails = new ArrayList<>();

  @BeforeEach
  void setUp() {
    engine.setNow(TODAY, 10, 0);
    marker = Long.toString(System.nanoTime() % 100_000_000, 36);
    for (String who : List.of("api", "pagina", "verzoek")) {
      names.add("Route " + who + " " + marker);
      emails.add("route." + who + "." + marker + "@voorbeeld.nl");
    }
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    engine.resetClock();
    List<String> values = new ArrayList<>(names);
    values.addAll(emails);
    assertThat(PersonalDataScan.of(dataSource).text(values.toArray(String[]::new)).hits()).isEmpty();
  }

  ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  String give(int person) throws Exception {
    ResponseEntity<String> given = post("desk", "/api/consents", """
        {"purpose":"SATISFACTION_SURVEY","subject":{"name":"%s","email":"%s"},"channel":"DESK"}"""
        .formatted(names.get(person), emails.get(person)));
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    return json.readTree(given.getBody()).get("reference").asText();
  }

  @Test
  void theRequestFormOffersConsentWithdrawal() throws Exception {
    JsonNode form = json.readTree(Files.readString(Path.of("forms/register-request.form")));
    List<String> rights = new ArrayList<>();
    for (JsonNode component : form.get("components")) {
      if ("right".equals(component.path("key").asText())) {
        component.get("values").forEach(v -> rights.add(v.get("value").asText()));
      }
    }
    assertThat(rights).contains("CONSENT_WITHDRAWAL");
  }

  @Test
  void theApiThePublicPageAndARequestEndInTheSameState() throws Exception {
    String viaApi = give(0);
    String viaPage = give(1);
    String viaRequest = give(2);

    // 1. the desk's API
    ResponseEntity<String> api = post("desk", "/api/consents/" + viaApi + "/withdrawal",
        "{\"channel\":\"EMAIL\",\"withdrawnBy\":\"SELF\"}");
    assertThat(api.getStatusCode().value()).as(api.getBody()).isEqualTo(200);

    // 2. the public page after the code step
    PublicVisitor visitor = new PublicVisitor();
    HttpResponse<String> start = visitor.get("/toestemming");
    HttpResponse<String> sent = visitor.post(start.body(), "/toestemming", Map.of("email", emails.get(1)));
    String token = field(sent.body(), "token");
    Long codeId = jdbc.queryForObject("SELECT id FROM privacy.consent_code WHERE token = ?", Long.class, token);
    Matcher digits = Pattern.compile("<strong>(\\d{6})</strong>").matcher(copies.latest("TST-CODE-" + codeId,
        "consent-page-code"));
    assertThat(digits.find()).isTrue();
    HttpResponse<String> choose = visitor.post(sent.body(), "/toestemming/code",
        Map.of("token", token, "code", digits.group(1)));
    HttpResponse<String> page = visitor.post(choose.body(), "/toestemming/intrekken",
        Map.of("token", token, "consent", viaPage));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);

    // 3. a request of kind CONSENT_WITHDRAWAL from the Tasklist start form, withdrawn on the desk's form
    String definitionId = repository.createProcessDefinitionQuery()
        .processDefinitionKey(DataSubjectRequestProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance started = engine.as("desk", () -> forms.submitStartForm(definitionId, Map.of(
        "intakeKind", "REQUEST", "right", "CONSENT_WITHDRAWAL", "channel", "EMAIL", "receivedAt",
        TODAY.toString(), "requesterName", names.get(2), "requesterEmail", emails.get(2), "representation", "SELF",
        "description", "Ik wil niet meer benaderd worden voor onderzoek.")));
    String request = started.getBusinessKey();
    assertThat(jdbc.queryForObject("SELECT right_code FROM privacy.dsr_request WHERE reference = ?", String.class,
        request)).isEqualTo("CONSENT_WITHDRAWAL");

    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    Page requestPage = desk.get("/werkbank/verzoeken/" + request);
    assertThat(requestPage.byId("consent-withdrawal-link").selectFirst("a").attr("href"))
        .isEqualTo("/werkbank/verzoeken/" + request + "/toestemmingen");
    Page form = desk.get("/werkbank/verzoeken/" + request + "/toestemmingen");
    assertThat(form.status()).isEqualTo(200);
    Element withdrawForm = form.byId("withdraw-form");
    assertThat(withdrawForm.select("input[name=consent]").eachAttr("value")).containsExactly(viaRequest);
    // before the identity step the service refuses: nothing withdrawn
    Page early = desk.submit(withdrawForm, List.of(Map.entry("consent", viaRequest)));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.byId("error-summary").text()).contains("identiteit");
    Page none = desk.submit(withdrawForm, List.of());
    assertThat(none.status()).isEqualTo(400);
    // a forged post for another person's consent is refused the same way
    engine.identityVerified(request);
    Page forged = desk.submit(withdrawForm, List.of(Map.entry("consent", viaPage)));
    assertThat(forged.status()).isIn(409, 422);
    assertThat(jdbc.queryForObject("SELECT withdrawn_at FROM privacy.consent WHERE reference = ?",
        java.sql.Timestamp.class, viaRequest)).isNull();
    Page done = desk.submit(withdrawForm, List.of(Map.entry("consent", viaRequest)));
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.byId("withdrawn").text()).contains(viaRequest);

    // the same state for all three; only the channel differs
    Map<String, String> channels = Map.of(viaApi, "EMAIL", viaPage, "WEB_FORM", viaRequest, "DATA_SUBJECT_REQUEST");
    List<String> targets = null;
    for (int person = 0; person < 3; person++) {
      String reference = List.of(viaApi, viaPage, viaRequest).get(person);
      Map<String, Object> row = jdbc.queryForMap("SELECT withdrawn_at, withdrawal_channel, withdrawn_by, "
          + "propagation_status FROM privacy.consent WHERE reference = ?", reference);
      assertThat(row.get("WITHDRAWN_AT")).as(reference).isNotNull();
      assertThat(row.get("WITHDRAWAL_CHANNEL")).isEqualTo(channels.get(reference));
      assertThat(row.get("WITHDRAWN_BY")).isEqualTo("SELF");
      assertThat(row.get("PROPAGATION_STATUS")).isEqualTo("PENDING");
      List<String> steps = jdbc.queryForList("SELECT p.target_kind || '/' || p.target_code FROM "
          + "privacy.consent_propagation p JOIN privacy.consent c ON c.id = p.consent_id WHERE c.reference = ? "
          + "ORDER BY p.target_kind, p.target_code", String.class, reference);
      if (targets == null) {
        targets = steps;
        assertThat(targets).contains("SOURCE/contacts");
      }
      assertThat(steps).isEqualTo(targets);
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConsentWithdrawalProcess.KEY)
          .processInstanceBusinessKey(reference).count()).isEqualTo(1);
      assertThat(consentStatus.consentInForce("SATISFACTION_SURVEY", SubjectKey.ofEmail(emails.get(person))))
          .contains(false);
      assertThat(consentStatus.withdrawnForSystem(SubjectKey.ofEmail(emails.get(person)), "contacts")).isTrue();
    }
    assertThat(jdbc.queryForObject("SELECT withdrawal_request_reference FROM privacy.consent WHERE reference = ?",
        String.class, viaRequest)).isEqualTo(request);
  }

  static String field(String page, String name) {
    Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as("field %s on the page", name).isTrue();
    return matcher.group(1);
  }

  /** A browser without JavaScript and without login, from its own client address. */
  private final class PublicVisitor {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String address = "198.51.100." + (System.nanoTime() % 200 + 20);

    HttpResponse<String> get(String path) throws Exception {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String page, String path, Map<String, String> fields) throws Exception {
      Map<String, String> all = new LinkedHashMap<>(fields);
      Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      assertThat(csrf.find()).as("CSRF token in the form").isTrue();
      all.put("_csrf", csrf.group(1));
      String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address);
    }
  }
}
