package nl.ymere.privacy.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public form's kind "klacht over privacy" (issue 19, CMP-1) through HTTP as an anonymous visitor with a session
 * and the page's CSRF token: offered on the form, a valid complaint registered like {@code POST /api/complaints}
 * (row, process, acknowledgement), and the same protections as a request: per-field errors that store nothing, the
 * honeypot, and no post without the CSRF token.
 */
@IntegrationTest
class PublicComplaintFormTest {

  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
  static final String NAME = "Wieteke Webklacht";
  static final String EMAIL = "wieteke.webklacht@example.org";
  static final String TEXT = "De huismeester vertelde mijn buren over mijn schuldhulptraject.";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired DataSource dataSource;

  @AfterEach
  void noComplaintDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(NAME, EMAIL, TEXT).hits()).isEmpty();
  }

  @Test
  void aComplaintFiledOnTheFormIsRegisteredLikeTheApi() throws Exception {
    Visitor visitor = new Visitor();
    String form = visitor.get("/verzoek").body();
    assertThat(form).contains("value=\"COMPLAINT\"").contains("Klacht over privacy");

    HttpResponse<String> posted = visitor.post(form, fields(Map.of()));

    assertThat(posted.statusCode()).isEqualTo(303);
    HttpResponse<String> received = visitor.get("/verzoek/ontvangen");
    assertThat(received.body()).contains("Wij hebben uw klacht ontvangen");
    Matcher matcher = Pattern.compile("id=\"reference\">(KL-\\d{4}-\\d{6})<").matcher(received.body());
    assertThat(matcher.find()).as("complaint reference on the page").isTrue();
    String reference = matcher.group(1);
    Map<String, Object> row = jdbc.queryForMap("SELECT channel, complainant_name, complainant_email, description, "
        + "registered_by, process_instance_id FROM privacy.complaint WHERE reference = ?", reference);
    assertThat(row.get("CHANNEL")).isEqualTo("WEB_FORM");
    assertThat(row.get("COMPLAINANT_NAME")).isEqualTo(NAME);
    assertThat(row.get("COMPLAINANT_EMAIL")).isEqualTo(EMAIL);
    assertThat(row.get("DESCRIPTION")).isEqualTo(TEXT);
    assertThat(row.get("REGISTERED_BY")).isEqualTo("web-form");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId((String) row.get("PROCESS_INSTANCE_ID"))
        .singleResult().getBusinessKey()).isEqualTo(reference);
    assertThat(jdbc.queryForList("SELECT template FROM privacy.outbox_message WHERE reference = ?", String.class,
        reference)).containsExactly(ComplaintService.ACKNOWLEDGEMENT_TEMPLATE);
  }

  @Test
  void aComplaintWithoutNameOrTextGetsItsFieldErrorsAndStoresNothing() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    HttpResponse<String> page = visitor.post(visitor.get("/verzoek").body(), fields(Map.of("requesterName", "",
        "description", "")));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"requesterName-error\"").contains("id=\"description-error\"");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void aRobotOrAPostWithoutTheCsrfTokenStoresNothing() throws Exception {
    long[] before = counts();
    Visitor visitor = new Visitor();
    assertThat(visitor.post(visitor.get("/verzoek").body(), fields(Map.of("website", "http://spam.example")))
        .statusCode()).isEqualTo(303);
    assertThat(new Visitor().postRaw(fields(Map.of())).statusCode()).isEqualTo(403);
    assertThat(counts()).containsExactly(before);
  }

  private static Map<String, String> fields(Map<String, String> extra) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("right", "COMPLAINT");
    fields.put("requesterName", NAME);
    fields.put("requesterEmail", EMAIL);
    fields.put("requesterPostalAddress", "");
    fields.put("requesterDateOfBirth", "");
    fields.put("representation", "");
    fields.put("subjectName", "");
    fields.put("subjectDateOfBirth", "");
    fields.put("description", TEXT);
    fields.put("website", "");
    fields.putAll(extra);
    return fields;
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.complaint", Long.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class)};
  }

  /** A browser without JavaScript: its own cookies (session) and its own client address. */
  private final class Visitor {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String address = "203.0.113." + NEXT_ADDRESS.getAndIncrement();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String page, Map<String, String> fields) throws IOException, InterruptedException {
      Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      assertThat(matcher.find()).as("CSRF token in the form").isTrue();
      Map<String, String> withToken = new LinkedHashMap<>(fields);
      withToken.put("_csrf", matcher.group(1));
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

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address);
    }
  }
}
