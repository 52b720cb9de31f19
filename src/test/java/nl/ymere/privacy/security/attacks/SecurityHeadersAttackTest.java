package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, finding 6 (headers): the product's own pages sent no Content-Security-Policy. Now each page and API
 * answer carries one that allows scripts, styles and form posts from this origin only and no framing, except a task's
 * case ({@code /werkbank/taken/**}), which Tasklist shows in a frame of the same origin. The webapps
 * ({@code /camunda/**}) keep their own policy.
 */
@IntegrationTest
class SecurityHeadersAttackTest {

  static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'none'";

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "/verzoek, ",
      "/login, ",
      "/upload/no-such-link, ",
      "/inzage/no-such-link, ",
      "/api/deadlines?receivedAt=2026-11-26, desk",
      "/werkbank, desk",
      "/engine-rest/deployment/count, demo"})
  void aProductPageMayNotBeFramedAndRunsNothingFromElsewhere(String path, String user) throws Exception {
    HttpHeaders headers = get(path, user);

    assertThat(headers.allValues("Content-Security-Policy")).containsExactly(PAGE_POLICY);
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/werkbank/taken/no-such-task"})
  void aTasksCaseMayBeFramedByTasklistOnly(String path) throws Exception {
    HttpHeaders headers = get(path, "desk");

    assertThat(headers.allValues("Content-Security-Policy"))
        .containsExactly(PAGE_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/admin/outbox"})
  void theAdminPagesShowLettersWithTheirInlineStylesButRunNoInlineScript(String path) throws Exception {
    HttpHeaders headers = get(path, "demo");

    assertThat(headers.allValues("Content-Security-Policy"))
        .containsExactly(PAGE_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"));
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/camunda/app/tasklist/", "/camunda/app/cockpit/"})
  void theWebappsKeepTheirOwnPolicy(String path) throws Exception {
    HttpHeaders headers = get(path, "demo");

    assertThat(headers.allValues("Content-Security-Policy")).hasSize(1).doesNotContain(PAGE_POLICY);
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
  }

  private HttpHeaders get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return response.headers();
  }
}
