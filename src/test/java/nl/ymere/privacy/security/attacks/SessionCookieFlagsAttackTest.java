package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 14, finding 6 (session cookie): the login session's cookie had no SameSite attribute, so a cross-site post
 * carried it. Now it is {@code HttpOnly} and {@code SameSite=Lax} in every profile, and {@code Secure} in {@code prod}.
 */
@IntegrationTest
class SessionCookieFlagsAttackTest {

  static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;

  @Test
  void theSessionCookieOfALoginIsHttpOnlyAndSameSiteLax() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(root() + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String first = sessionCookie(page.headers().allValues("Set-Cookie"));
    Matcher csrf = CSRF_FIELD.matcher(page.body());
    assertThat(csrf.find()).isTrue();

    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(root() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", first.substring(0, first.indexOf(';')))
        .POST(HttpRequest.BodyPublishers.ofString("username=desk&password=desk&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    String loggedIn = sessionCookie(login.headers().allValues("Set-Cookie"));

    for (String cookie : List.of(first, loggedIn)) {
      assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
          .as("no HTTPS in the demo profile").doesNotContainIgnoringCase("Secure");
    }
  }

  @Test
  void theProdProfileMarksTheSessionCookieSecure() {
    YamlPropertiesFactoryBean prod = new YamlPropertiesFactoryBean();
    prod.setResources(new ClassPathResource("application-prod.yml"));
    assertThat(prod.getObject()).containsEntry("server.servlet.session.cookie.secure", true);
  }

  private static String sessionCookie(List<String> setCookies) {
    return setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
  }

  private String root() {
    return "http://localhost:" + port;
  }
}
