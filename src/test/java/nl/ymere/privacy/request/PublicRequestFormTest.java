package nl.ymere.privacy.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public request form at {@code /verzoek} through HTTP, as an anonymous visitor with a session and the CSRF token
 * of the page: Dutch by default, English on request, labels and per-field errors, a valid submission registered like
 * {@code POST /api/requests} (row, process instance, acknowledgement in the outbox), and everything that must store
 * nothing (bad input, a child under 16 (REP-1), the honeypot, the rate limit, a missing CSRF token). Every test sends
 * from its own client address (X-Forwarded-For, trusted from localhost in the test profile), so the per-address limit
 * of one test never touches another.
 */
@IntegrationTest
class PublicRequestFormTest {

  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
  private static final List<String> FIELDS = List.of("right", "requesterName", "requesterEmail",
      "requesterPostalAddress", "requesterDateOfBirth", "onBehalf", "representation", "subjectName",
      "subjectDateOfBirth", "description");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired DataSource dataSource;
  @Autowired WebFormProperties properties;

  @Test
  void rendersTheDutchFormWithALabelForEveryField() throws Exception {
    Visitor visitor = new Visitor();
    HttpResponse<String> page = visitor.get("/verzoek");

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<html lang=\"nl\">", "<h1>Privacyverzoek indienen</h1>",
        "Welk recht wilt u gebruiken?", "Ik dien dit verzoek in namens een ander", "Verzoek versturen",
        "id=\"submit\"", "privacyverklaring</a>", "href=\"" + properties.privacyStatementUrl() + "\"",
        "href=\"/verzoek?lang=en\"");
    for (String field : FIELDS) {
      assertThat(html).as(field).contains("<label for=\"" + field + "\"", "id=\"" + field + "\"",
          "name=\"" + field + "\"");
    }
    // Dutch names of the rights (RequestRight.dutchName), and the honeypot hidden from people and keyboards
    assertThat(html).contains(">Inzage</option>", ">Verwijdering (vergetelheid)</option>",
        ">Ouder met gezag of voogd (van een kind)</option>");
    assertThat(html).containsPattern("<input type=\"text\" id=\"website\" name=\"website\" value=\"\" "
        + "tabindex=\"-1\" autocomplete=\"off\">");
    assertThat(html).contains("class=\"hp-field\" aria-hidden=\"true\"");
    assertThat(visitor.csrfToken(html)).isNotBlank();
    assertThat(html).doesNotContain("??", "id=\"error-summary\"");
  }

  @Test
  void switchesToEnglishAndRegistersTheRequestInEnglish() throws Exception {
    Visitor visitor = new Visitor();
    HttpResponse<String> page = visitor.get("/verzoek?lang=en");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"en\">", "<h1>Submit a privacy request</h1>", ">Access</option>",
        "I am submitting this request on behalf of someone else", "name=\"lang\" value=\"en\"",
        "href=\"/verzoek\" lang=\"nl\"", "Send request").doesNotContain("??", "Verzoek versturen");

    HttpResponse<String> posted = visitor.post(page.body(), validFields("Engelse Aanvrager", "en.aanvrager@example.org",
        Map.of("lang", "en")));
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/verzoek/ontvangen?lang=en");
    HttpResponse<String> received = visitor.get("/verzoek/ontvangen?lang=en");
    String reference = referenceOn(received.body());
    assertThat(received.body()).contains("<html lang=\"en\">", "We have received your request",
        "acknowledgement by e-mail");
    assertThat(jdbc.queryForObject("SELECT language FROM privacy.dsr_request WHERE reference = ?", String.class,
        reference)).isEqualTo("en");
  }

  @Test
  void registersAValidSubmissionLikeTheApi() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();

    HttpResponse<String> posted = visitor.post(form, validFields("Wanda Webformulier", "wanda.web@example.org",
        Map.of()));

    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/verzoek/ontvangen");
    HttpResponse<String> received = visitor.get("/verzoek/ontvangen");
    assertThat(received.statusCode()).isEqualTo(200);
    String reference = referenceOn(received.body());
    assertThat(reference).matches("AVG-\\d{4}-\\d{6}");

    Map<String, Object> row = jdbc.queryForMap("SELECT channel, right_code, registered_by, language, requester_name, "
        + "requester_email, requester_postal_address, requester_date_of_birth, representation, description, due_date, "
        + "process_instance_id FROM privacy.dsr_request WHERE reference = ?", reference);
    assertThat(row.get("CHANNEL")).isEqualTo("WEB_FORM");
    assertThat(row.get("RIGHT_CODE")).isEqualTo("ERASURE");
    assertThat(row.get("REGISTERED_BY")).isEqualTo(PublicRequestFormController.REGISTERED_BY);
    assertThat(row.get("LANGUAGE")).isEqualTo("nl");
    assertThat(row.get("REQUESTER_NAME")).isEqualTo("Wanda Webformulier");
    assertThat(row.get("REQUESTER_EMAIL")).isEqualTo("wanda.web@example.org");
    assertThat(row.get("REQUESTER_POSTAL_ADDRESS")).isEqualTo("Webstraat 1\n1011 AB Amsterdam");
    assertThat(row.get("REQUESTER_DATE_OF_BIRTH").toString()).isEqualTo("1979-04-12");
    assertThat(row.get("REPRESENTATION")).isEqualTo("SELF");
    assertThat(row.get("DESCRIPTION")).isEqualTo("Verwijder mijn gegevens uit het klantpanel.");

    // The confirmation names the reference and the due date in Dutch, and nothing personal.
    LocalDate dueDate = LocalDate.parse(row.get("DUE_DATE").toString());
    String dutchDueDate = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL")).format(dueDate);
    assertThat(received.body()).contains("<html lang=\"nl\">", "Wij hebben uw verzoek ontvangen",
        "id=\"due-date\">" + dutchDueDate + "</strong>", "ontvangstbevestiging per e-mail")
        .doesNotContain("Wanda", "wanda.web@example.org", "Webstraat", "1979");

    // Same registered request as POST /api/requests: process instance, acknowledgement queued, counts + 1 each
    String instanceId = (String) row.get("PROCESS_INSTANCE_ID");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
        .processInstanceBusinessKey(reference).count()).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT template FROM privacy.outbox_message WHERE reference = ?", String.class,
        reference)).contains("request-acknowledgement");
    long[] after = counts();
    assertThat(after[0]).isEqualTo(before[0] + 1);
    assertThat(after[1]).isGreaterThan(before[1]);
    // DESIGN principle 2: none of the personal data reached the engine
    assertThat(PersonalDataScan.of(dataSource).text("Wanda Webformulier", "wanda.web@example.org", "Webstraat 1",
        "klantpanel").dateOfBirth(LocalDate.of(1979, 4, 12)).hits()).isEmpty();

    // A reload of the thank-you page shows no reference any more (the flash attributes are used up).
    assertThat(visitor.get("/verzoek/ontvangen").body()).doesNotContain(reference, "id=\"reference\"");
  }

  /** OBJ-1, OBJ-2: the objection's scope is a choice on the page (no JavaScript) and is stored with the request. */
  @Test
  void storesTheObjectionScopeChosenOnTheFormAndRefusesAnUnknownOne() throws Exception {
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    assertThat(form).contains("Alleen bij bezwaar: waartegen maakt u bezwaar?",
        "name=\"objectionScope\"", "id=\"objectionScope-DIRECT_MARKETING\"", "value=\"LEGITIMATE_INTEREST\"",
        "<label for=\"objectionScope-UNKNOWN\">Weet ik niet</label>");
    assertThat(visitor.get("/verzoek?lang=en").body()).contains("Objections only: what do you object to?",
        "Direct marketing: stop newsletters and offers");

    long[] before = counts();
    HttpResponse<String> bad = visitor.post(form, validFields("Olga Onbekend", "olga.onbekend@example.org",
        Map.of("right", "OBJECTION", "objectionScope", "EVERYTHING")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("<a href=\"#objectionScope\">Kies waartegen u bezwaar maakt");
    assertThat(counts()).containsExactly(before);

    HttpResponse<String> posted = visitor.post(visitor.get("/verzoek").body(), validFields("Olga Onbekend",
        "olga.onbekend@example.org", Map.of("right", "OBJECTION", "objectionScope", "LEGITIMATE_INTEREST")));
    assertThat(posted.statusCode()).isEqualTo(303);
    String reference = referenceOn(visitor.get("/verzoek/ontvangen").body());
    assertThat(jdbc.queryForObject("SELECT objection_scope FROM privacy.dsr_request WHERE reference = ?",
        String.class, reference)).isEqualTo("LEGITIMATE_INTEREST");
    assertThat(PersonalDataScan.of(dataSource).text("Olga Onbekend", "olga.onbekend@example.org").hits()).isEmpty();
  }

  @Test
  void showsEveryFieldErrorNextToItsFieldKeepsTheValuesAndStoresNothing() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("right", "ACCESS");
    fields.put("requesterName", "");
    fields.put("requesterEmail", "");
    fields.put("requesterPostalAddress", "");
    fields.put("requesterDateOfBirth", "1980-02-30");
    fields.put("description", "Mijn vraag <b>blijft</b> staan.");

    HttpResponse<String> page = visitor.post(form, fields);

    assertThat(page.statusCode()).isEqualTo(400);
    String html = page.body();
    assertThat(html).contains("<title>Fout: Privacyverzoek indienen</title>", "Er is een probleem",
        "<a href=\"#requesterName\">Vul uw naam in.</a>",
        "<a href=\"#requesterEmail\">Vul uw e-mailadres of uw postadres in.</a>",
        "<a href=\"#requesterDateOfBirth\">Vul de geboortedatum in als jjjj-mm-dd, bijvoorbeeld 1980-05-17.</a>",
        "id=\"requesterName-error\"", "aria-describedby=\"requesterName-error\"",
        "id=\"requesterEmail-error\"", "aria-describedby=\"contact-hint requesterEmail-error\"");
    // the message sits between the field's label and the field
    assertThat(html).containsPattern("(?s)<label for=\"requesterName\">.*?id=\"requesterName-error\".*?"
        + "<input type=\"text\" id=\"requesterName\"");
    assertThat(html).doesNotContain("href=\"#right\"", "href=\"#description\"", "Controleer dit veld", "??");
    // values kept (escaped), right still selected
    assertThat(html).contains("<option value=\"ACCESS\" selected=\"selected\">Inzage</option>",
        "value=\"1980-02-30\"", "Mijn vraag &lt;b&gt;blijft&lt;/b&gt; staan.</textarea>");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void asksForTheRoleAndTheNameOfTheOtherPersonWhenFilingOnTheirBehalf() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek?lang=en").body();
    Map<String, String> fields = validFields("Gerda Gemachtigd", "gerda@example.org", Map.of("lang", "en"));
    fields.put("onBehalf", "true");
    fields.put("subjectDateOfBirth", "2999-01-01");

    HttpResponse<String> page = visitor.post(form, fields);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("<html lang=\"en\">", "There is a problem",
        "<a href=\"#representation\">Choose in which role you submit the request for someone else.</a>",
        "<a href=\"#subjectName\">Enter the name of the person you are submitting the request for.</a>",
        "<a href=\"#subjectDateOfBirth\">The date of birth must be in the past.</a>",
        "id=\"onBehalf\" name=\"onBehalf\" value=\"true\" aria-describedby=\"onBehalf-hint\" checked=\"checked\"")
        .doesNotContain("??");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void explainsThatAParentMustFileForAChildUnder16AndStoresNothing() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    LocalDate tenYearsAgo = LocalDate.now(RequestTestSupport.AMSTERDAM).minusYears(10);
    Map<String, String> fields = validFields("Kees Kind", "kees.kind@example.org", Map.of());
    fields.put("requesterDateOfBirth", tenYearsAgo.toString());

    HttpResponse<String> page = visitor.post(form, fields);

    // REP-1 / SD-6: under 16 on the receipt date only through the holder of parental authority
    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body()).contains("id=\"child-notice\"",
        "Een ouder met gezag of een voogd moet dit verzoek indienen", "jonger dan 16 jaar",
        "Er is niets opgeslagen.").doesNotContain("id=\"error-summary\"");
    assertThat(counts()).containsExactly(before);

    // The way the page explains: the parent files on the child's behalf with parental authority.
    Map<String, String> byParent = validFields("Petra Ouder", "petra.ouder@example.org", Map.of());
    byParent.put("onBehalf", "true");
    byParent.put("representation", "PARENTAL_AUTHORITY");
    byParent.put("subjectName", "Kees Kind");
    byParent.put("subjectDateOfBirth", tenYearsAgo.toString());
    HttpResponse<String> accepted = visitor.post(page.body(), byParent);
    assertThat(accepted.statusCode()).isEqualTo(303);
    String reference = referenceOn(visitor.get("/verzoek/ontvangen").body());
    assertThat(jdbc.queryForObject("SELECT representation FROM privacy.dsr_request WHERE reference = ?",
        String.class, reference)).isEqualTo("PARENTAL_AUTHORITY");
  }

  @Test
  void explainsTheChildRuleInEnglishToo() throws Exception {
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek?lang=en").body();
    Map<String, String> fields = validFields("Kim Kind", "kim.kind@example.org", Map.of("lang", "en"));
    fields.put("requesterDateOfBirth", LocalDate.now(RequestTestSupport.AMSTERDAM).minusYears(12).toString());

    HttpResponse<String> page = visitor.post(form, fields);

    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body()).contains("A parent with parental authority or a guardian must submit this request",
        "Nothing has been stored.");
  }

  @Test
  void thanksARobotThatFilledTheHoneypotAndStoresNothing() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    Map<String, String> fields = validFields("Robot Spammer", "robot@example.org", Map.of());
    fields.put("website", "https://spam.example.org");

    HttpResponse<String> posted = visitor.post(form, fields);

    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/verzoek/ontvangen");
    HttpResponse<String> received = visitor.get("/verzoek/ontvangen");
    assertThat(received.statusCode()).isEqualTo(200);
    assertThat(received.body()).contains("Wij hebben uw verzoek ontvangen").doesNotContain("id=\"reference\"");
    assertThat(counts()).containsExactly(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request WHERE requester_name = ?", Long.class,
        "Robot Spammer")).isZero();
  }

  @Test
  void answers429AfterTheLimitPerAddressAndStoresNothing() throws Exception {
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    Map<String, String> robot = validFields("Robot Herhaal", "herhaal@example.org", Map.of());
    robot.put("website", "x");
    for (int i = 0; i < properties.maxPerWindow(); i++) {
      assertThat(visitor.post(form, robot).statusCode()).as("submission %d", i + 1).isEqualTo(303);
    }
    long[] before = counts();

    HttpResponse<String> refused = visitor.post(form, validFields("Echte Mens", "echte.mens@example.org", Map.of()));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(properties.window().toSeconds()));
    assertThat(refused.body()).contains("<html lang=\"nl\">", "Te veel verzoeken", "niet opgeslagen",
        "privacy@ymere.nl");
    assertThat(counts()).containsExactly(before);
    // Another address is not affected.
    Visitor other = new Visitor();
    assertThat(other.post(other.get("/verzoek").body(), robot).statusCode()).isEqualTo(303);
  }

  @Test
  void rejectedSubmissionsDoNotUseUpTheLimit() throws Exception {
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    for (int i = 0; i < properties.maxPerWindow() + 2; i++) {
      assertThat(visitor.post(form, Map.of("right", "ACCESS")).statusCode()).isEqualTo(400);
    }
    Map<String, String> robot = validFields("Robot Na Fouten", "na.fouten@example.org", Map.of());
    robot.put("website", "x");
    assertThat(visitor.post(form, robot).statusCode()).isEqualTo(303);
  }

  @Test
  void aPostWhoseSessionExpiredGetsTheFormBackWithItsValuesAndStoresNothing() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    Map<String, String> fields = validFields("Verlopen Sessie", "verlopen@example.org", Map.of());
    fields.put("website", "");
    fields.put("description", "Een lange toelichting die ik een uur lang heb getypt.");

    // The session (and with it the CSRF token) is gone: a new cookie jar posts the old page's token.
    Visitor afterTimeout = visitor.withoutCookies();
    HttpResponse<String> page = afterTimeout.post(form, fields);

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("id=\"session-notice\"", "Uw sessie is verlopen",
        "value=\"Verlopen Sessie\"", "Een lange toelichting die ik een uur lang heb getypt.</textarea>",
        "<option value=\"ERASURE\" selected=\"selected\">");
    assertThat(counts()).containsExactly(before);
    assertThat(afterTimeout.postRaw(fields).statusCode()).as("no token at all").isEqualTo(403);
    assertThat(counts()).containsExactly(before);

    // The page carries a fresh token for the new session: sending again registers the request.
    assertThat(afterTimeout.post(page.body(), fields).statusCode()).isEqualTo(303);
    assertThat(referenceOn(afterTimeout.get("/verzoek/ontvangen").body())).isNotBlank();
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private static Map<String, String> validFields(String name, String email, Map<String, String> extra) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("right", "ERASURE");
    fields.put("requesterName", name);
    fields.put("requesterEmail", email);
    fields.put("requesterPostalAddress", "Webstraat 1\n1011 AB Amsterdam");
    fields.put("requesterDateOfBirth", "1979-04-12");
    fields.put("representation", "");
    fields.put("subjectName", "");
    fields.put("subjectDateOfBirth", "");
    fields.put("description", "Verwijder mijn gegevens uit het klantpanel.");
    fields.put("website", "");
    fields.putAll(extra);
    return fields;
  }

  private static String referenceOn(String html) {
    Matcher matcher = Pattern.compile("id=\"reference\">(AVG-\\d{4}-\\d{6})<").matcher(html);
    assertThat(matcher.find()).as("reference on the page").isTrue();
    return matcher.group(1);
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_request", Long.class),
        runtimeService.createProcessInstanceQuery().count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class)};
  }

  /** A browser without JavaScript: its own cookies (session) and its own client address. */
  private final class Visitor {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String address;

    Visitor() {
      this("198.51.100." + NEXT_ADDRESS.getAndIncrement());
    }

    private Visitor(String address) {
      this.address = address;
    }

    /** The same visitor after the session expired: same address, no cookies. */
    Visitor withoutCookies() {
      return new Visitor(address);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the fields with the CSRF token of the page the visitor has in front of it. */
    HttpResponse<String> post(String page, Map<String, String> fields) throws IOException, InterruptedException {
      Map<String, String> withToken = new LinkedHashMap<>(fields);
      withToken.put("_csrf", csrfToken(page));
      return postRaw(withToken);
    }

    HttpResponse<String> postRaw(Map<String, String> fields) throws IOException, InterruptedException {
      String body = fields.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return client.send(request("/verzoek").header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrfToken(String page) {
      Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      assertThat(matcher.find()).as("CSRF token in the form").isTrue();
      return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("X-Forwarded-For", address);
    }
  }
}
