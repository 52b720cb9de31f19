package nl.ymere.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.ymere.privacy.mail.RecipientCopiesForTests;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /toestemming} (issue 20, CON-2): Dutch by default with an English switch, no JavaScript; the code sent to the
 * address on file (only the recipient's copy holds it); the consent withdrawn after the code step ends in the same
 * state as a withdrawal through the API; bad input, a wrong code, the honeypot and the rate limit store nothing.
 */
@IntegrationTest
class PublicConsentPageTest {

  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport engine;
  @Autowired RuntimeService runtime;
  @Autowired RecipientCopiesForTests copies;
  @Autowired DataSource dataSource;

  String email;
  String name;

  @BeforeEach
  void setUp() {
    engine.setNow(LocalDate.of(2026, 3, 5), 10, 0);
    String marker = Long.toString(System.nanoTime() % 100_000_000, 36);
    email = "pagina." + marker + "@voorbeeld.nl";
    name = "Anna Pagina " + marker;
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    engine.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(email, name).hits()).isEmpty();
  }

  String give() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var given = rest.withBasicAuth("desk", "desk").exchange("/api/consents", HttpMethod.POST, new HttpEntity<>("""
        {"purpose":"NEWSLETTER","subject":{"name":"%s","email":"%s"},"channel":"WEB_FORM"}""".formatted(name, email),
        headers), String.class);
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    return json.readTree(given.getBody()).get("reference").asText();
  }

  long[] counts() {
    return new long[] {jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent_code", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent WHERE withdrawn_at IS NOT NULL", Long.class)};
  }

  @Test
  void withdrawsAfterTheCodeStepInTheSameStateAsTheApi() throws Exception {
    String consent = give();
    Visitor visitor = new Visitor();
    HttpResponse<String> start = visitor.get("/toestemming");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body()).contains("lang=\"nl\"").contains("Toestemming geven of intrekken").contains("English")
        .doesNotContain("<script");
    assertThat(visitor.get("/toestemming?lang=en").body()).contains("lang=\"en\"")
        .contains("Give or withdraw consent");

    HttpResponse<String> sent = visitor.post(start.body(), "/toestemming", Map.of("email", email, "lang", "nl"));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("id=\"code-sent\"");
    String token = field(sent.body(), "token");
    Long codeId = jdbc.queryForObject("SELECT id FROM privacy.consent_code WHERE token = ?", Long.class, token);
    String staffCopy = jdbc.queryForObject("SELECT body_html FROM privacy.outbox_message WHERE reference = ?",
        String.class, "TST-CODE-" + codeId);
    Matcher digits = Pattern.compile("<strong>(\\d{6})</strong>").matcher(copies.latest("TST-CODE-" + codeId,
        "consent-page-code"));
    assertThat(digits.find()).isTrue();
    String code = digits.group(1);
    assertThat(staffCopy).doesNotContain(code);

    String wrong = code.equals("000000") ? "111111" : "000000";
    HttpResponse<String> refused = visitor.post(sent.body(), "/toestemming/code",
        Map.of("token", token, "code", wrong, "lang", "nl"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("De code klopt niet");
    // withdrawing before the code was right is refused
    HttpResponse<String> early = visitor.post(refused.body(), "/toestemming/intrekken",
        Map.of("token", token, "consent", consent, "lang", "nl"));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(status(consent)).isEqualTo("NONE");

    HttpResponse<String> choose = visitor.post(refused.body(), "/toestemming/code",
        Map.of("token", token, "code", code, "lang", "nl"));
    assertThat(choose.statusCode()).isEqualTo(200);
    assertThat(choose.body()).contains("Nieuwsbrief en informatie over wonen").contains("value=\"" + consent + "\"");

    HttpResponse<String> done = visitor.post(choose.body(), "/toestemming/intrekken",
        Map.of("token", token, "consent", consent, "lang", "nl"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("id=\"withdrawn\"");
    Map<String, Object> row = jdbc.queryForMap("SELECT withdrawal_channel, withdrawn_by, withdrawal_registered_by, "
        + "propagation_status FROM privacy.consent WHERE reference = ?", consent);
    assertThat(row.get("WITHDRAWAL_CHANNEL")).isEqualTo("WEB_FORM");
    assertThat(row.get("WITHDRAWN_BY")).isEqualTo("SELF");
    assertThat(row.get("PROPAGATION_STATUS")).isEqualTo("PENDING");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConsentWithdrawalProcess.KEY)
        .processInstanceBusinessKey(consent).count()).isEqualTo(1);
    // the token is used up
    assertThat(visitor.post(choose.body(), "/toestemming/intrekken", Map.of("token", token, "consent", consent))
        .statusCode()).isEqualTo(400);
  }

  /**
   * CON-1, CON-2 "as easily": a person whose address is on file (here in the marketing source, no consent yet) gives
   * consent on the page after the same code step, per purpose against the current text it shows; a purpose without a
   * current text (PHOTO_USE) is shown without a choice and refused when posted anyway; a text version that is not the
   * current one is refused; nothing is stored on a refusal. The English page shows the English text.
   */
  @Test
  void givesConsentPerPurposeAfterTheCodeStep() throws Exception {
    jdbc.update("INSERT INTO privacy.marketing_preference (email, subscriber_name, topic, opted_in, "
        + "consent_text_version, consent_given_at) VALUES (?,?,?,?,?,?)", email, name, "BEWONERSBLAD", false, null,
        null);
    Visitor visitor = new Visitor();
    String page = visitor.get("/toestemming?lang=en").body();
    HttpResponse<String> sent = visitor.post(page, "/toestemming", Map.of("email", email, "lang", "en"));
    String token = field(sent.body(), "token");
    String code = code(token);
    HttpResponse<String> choose = visitor.post(sent.body(), "/toestemming/code",
        Map.of("token", token, "code", code, "lang", "en"));
    assertThat(choose.statusCode()).isEqualTo(200);
    assertThat(choose.body()).contains("Give consent").contains("value=\"NEWSLETTER:1\"")
        .contains("I want to receive the Ymere newsletter by e-mail.").contains("id=\"unavailable-PHOTO_USE\"")
        .doesNotContain("value=\"PHOTO_USE:").doesNotContain("name=\"consent\"").doesNotContain("<script");

    long consents = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent", Long.class);
    for (String refused : new String[] {"PHOTO_USE:1", "NEWSLETTER:2", "TENANCY:1", "NEWSLETTER"}) {
      HttpResponse<String> answer = visitor.post(choose.body(), "/toestemming/geven",
          Map.of("token", token, "purpose", refused, "lang", "en"));
      assertThat(answer.statusCode()).as(refused).isEqualTo(400);
    }
    assertThat(visitor.post(choose.body(), "/toestemming/geven", Map.of("token", token, "lang", "en")).statusCode())
        .isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent", Long.class)).isEqualTo(consents);

    HttpResponse<String> given = visitor.post(choose.body(), "/toestemming/geven",
        Map.of("token", token, "purpose", "NEWSLETTER:1", "lang", "en"));
    assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
    assertThat(given.body()).contains("id=\"given\"").contains("Newsletter and housing information");
    Map<String, Object> row = jdbc.queryForMap("SELECT purpose_code, text_version, channel, given_by, registered_by, "
        + "withdrawn_at FROM privacy.consent WHERE subject_email = ?", email);
    assertThat(row.get("PURPOSE_CODE")).isEqualTo("NEWSLETTER");
    assertThat(row.get("TEXT_VERSION")).isEqualTo(1);
    assertThat(row.get("CHANNEL")).isEqualTo("WEB_FORM");
    assertThat(row.get("GIVEN_BY")).isEqualTo("SELF");
    assertThat(row.get("REGISTERED_BY")).isEqualTo("web-form");
    assertThat(row.get("WITHDRAWN_AT")).isNull();
    // the token is used up
    assertThat(visitor.post(choose.body(), "/toestemming/geven",
        Map.of("token", token, "purpose", "SATISFACTION_SURVEY:1")).statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent", Long.class)).isEqualTo(consents + 1);

    // the next visit offers withdrawal of the new consent and no longer offers the newsletter
    HttpResponse<String> again = visitor.post(page, "/toestemming", Map.of("email", email));
    String second = field(again.body(), "token");
    HttpResponse<String> next = visitor.post(again.body(), "/toestemming/code", Map.of("token", second, "code",
        code(second)));
    assertThat(next.body()).contains("name=\"consent\"").doesNotContain("value=\"NEWSLETTER:1\"")
        .contains("value=\"SATISFACTION_SURVEY:1\"");
  }

  String code(String token) {
    Long codeId = jdbc.queryForObject("SELECT id FROM privacy.consent_code WHERE token = ?", Long.class, token);
    Matcher digits = Pattern.compile("<strong>(\\d{6})</strong>").matcher(copies.latest("TST-CODE-" + codeId,
        "consent-page-code"));
    assertThat(digits.find()).as("a code was sent").isTrue();
    return digits.group(1);
  }

  @Test
  void badInputHoneypotAndUnknownAddressesStoreNothingAndTellNothing() throws Exception {
    give();
    Visitor visitor = new Visitor();
    String page = visitor.get("/toestemming").body();
    long[] before = counts();
    HttpResponse<String> bad = visitor.post(page, "/toestemming", Map.of("email", "geen-adres"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Vul een geldig e-mailadres in");
    HttpResponse<String> robot = visitor.post(page, "/toestemming", Map.of("email", email, "website", "spam"));
    assertThat(robot.statusCode()).isEqualTo(200);
    assertThat(robot.body()).contains("id=\"code-sent\"");
    assertThat(counts()).containsExactly(before);

    // an unknown address gets the same page and no mail
    HttpResponse<String> unknown = visitor.post(page, "/toestemming", Map.of("email", "onbekend." + email));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("id=\"code-sent\"");
    assertThat(counts()[1]).isEqualTo(before[1]);
  }

  @Test
  void answers429AfterThePerAddressLimit() throws Exception {
    Visitor visitor = new Visitor();
    String page = visitor.get("/toestemming").body();
    int accepted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 20; i++) {
      last = visitor.post(page, "/toestemming", Map.of("email", "onbekend" + i + "." + email));
      if (last.statusCode() != 200) {
        break;
      }
      accepted++;
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(accepted).isPositive().isLessThan(20);
    long codes = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent_code", Long.class);
    assertThat(visitor.post(page, "/toestemming", Map.of("email", email)).statusCode()).isEqualTo(429);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.consent_code", Long.class)).isEqualTo(codes);
  }

  String status(String reference) {
    return jdbc.queryForObject("SELECT propagation_status FROM privacy.consent WHERE reference = ?", String.class,
        reference);
  }

  static String field(String page, String name) {
    Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as("field %s on the page", name).isTrue();
    return matcher.group(1);
  }

  /** A browser without JavaScript: its own cookies (session) and its own client address. */
  private final class Visitor {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String address = "203.0.113." + NEXT_ADDRESS.getAndIncrement();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String page, String path, Map<String, String> fields)
        throws IOException, InterruptedException {
      Map<String, String> withToken = new LinkedHashMap<>(fields);
      withToken.put("_csrf", csrfToken(page));
      String body = withToken.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrfToken(String page) {
      Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      assertThat(matcher.find()).as("CSRF token in the form").isTrue();
      return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address);
    }
  }
}
