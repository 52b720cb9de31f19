package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, finding 6 (lockout abuse): anyone could lock any account with 10 wrong passwords (the engine's lock; only
 * an admin could unlock it). Now the engine's lock is off and the login throttle slows guessing per user and per
 * address: past 5 free failures the next attempt of that user waits (429 with Retry-After on the API and
 * {@code /engine-rest}, a Dutch message on the login page), every delay ends by itself, and the real user at an
 * address they logged in from before is not slowed down by an attacker elsewhere. The client address is set with
 * {@code X-Forwarded-For} (trusted from localhost in the test profile); the product clock (the engine's) stands still
 * during each test and is moved by hand, so no delay depends on how fast this machine is.
 */
@IntegrationTest
class LoginLockoutAttackTest {

  static final String RIGHT = "right-password";
  static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private String victim;
  private String office;
  private String attacker;

  @BeforeEach
  void victimAndFrozenClock(TestInfo test) {
    // each test its own user and addresses: the throttle lives as long as the shared Spring context
    int n = Math.floorMod(test.getDisplayName().hashCode(), 200) + 1;
    victim = "lockout-victim-" + n;
    office = "198.51.100." + n;
    attacker = "203.0.113." + n;
    User user = identityService.newUser(victim);
    user.setPassword(RIGHT);
    identityService.saveUser(user);
    identityService.createMembership(victim, "privacy-desk");
    // ClockUtil (impl): the engine's documented test clock, which is also the product's clock (process.EngineClock)
    // and so the login throttle's; there is no public API to stop it.
    ClockUtil.setCurrentTime(Date.from(Instant.now()));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.deleteUser(victim);
  }

  @Test
  void anAttackerElsewhereSlowsDownOnlyHimselfAndEveryDelayEndsByItself() throws Exception {
    assertThat(api(victim, RIGHT, office).statusCode()).as("the victim works at the office").isEqualTo(200);

    for (int i = 1; i <= 6; i++) {
      assertThat(api(victim, "guess-" + i, attacker).statusCode()).as("wrong password %d", i).isEqualTo(401);
    }
    HttpResponse<String> throttled = api(victim, "guess-7", attacker);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
    assertThat(json.readTree(throttled.body()).path("detail").asText())
        .isEqualTo("Te veel mislukte inlogpogingen. Probeer het over 1 seconde opnieuw.");
    HttpResponse<String> engineRest = send(basic(HttpRequest.newBuilder(
        URI.create(root() + "/engine-rest/deployment/count")), victim, RIGHT, attacker));
    assertThat(engineRest.statusCode()).as("the right password from elsewhere waits too, unchecked").isEqualTo(429);
    assertThat(engineRest.headers().firstValue("Retry-After")).contains("1");

    assertThat(api(victim, RIGHT, office).statusCode()).as("the victim at a known address is not slowed down")
        .isEqualTo(200);
    assertThat(send(basic(HttpRequest.newBuilder(URI.create(root() + "/engine-rest/deployment/count")), victim,
        RIGHT, office)).statusCode()).isEqualTo(200);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofSeconds(1))));
    assertThat(api(victim, "guess-8", attacker).statusCode()).as("the delay ended by itself").isEqualTo(401);
    assertThat(api(victim, "guess-9", attacker).statusCode()).as("the next one waits 2 s").isEqualTo(429);
    assertThat(api(victim, "guess-9", attacker).headers().firstValue("Retry-After")).contains("2");
  }

  @Test
  void theEnginesOwnLockIsOff() {
    for (int i = 0; i < 12; i++) {
      assertThat(identityService.checkPassword(victim, "guess-" + i)).isFalse();
    }
    assertThat(identityService.checkPassword(victim, RIGHT)).as("not locked after 12 wrong passwords").isTrue();
  }

  @Test
  void theEngineRestPasswordCheckIsClosedAsItWouldGuessPastTheThrottle() {
    EngineDoors.Response answer = EngineDoors.as(Door.ENGINE_REST, port, "demo").post("/identity/verify",
        "{\"username\":\"%s\",\"password\":\"guess\"}".formatted(victim));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
  }

  @Test
  void theLoginPageSaysInDutchHowLongToWait() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String loginPage = browser.send(from(attacker, HttpRequest.newBuilder(URI.create(root() + "/login"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(loginPage).contains("Inloggen", "Gebruikersnaam", "Wachtwoord");
    Matcher csrf = CSRF_FIELD.matcher(loginPage);
    assertThat(csrf.find()).isTrue();

    HttpResponse<String> first = formLogin(browser, csrf.group(1), "guess-1");
    assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    assertThat(page(browser, "/login?error")).contains("Onjuiste gebruikersnaam of wachtwoord.");

    for (int i = 2; i <= 7; i++) {
      formLogin(browser, csrf.group(1), "guess-" + i);
    }
    assertThat(page(browser, "/login?error"))
        .contains("Te veel mislukte inlogpogingen. Probeer het over 1 seconde opnieuw.");
  }

  private HttpResponse<String> formLogin(HttpClient browser, String csrf, String password) throws Exception {
    String form = "username=" + encode(victim) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
    return browser.send(from(attacker, HttpRequest.newBuilder(URI.create(root() + "/login")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String page(HttpClient browser, String path) throws Exception {
    return browser.send(from(attacker, HttpRequest.newBuilder(URI.create(root() + path))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpResponse<String> api(String user, String password, String address) throws Exception {
    return send(basic(HttpRequest.newBuilder(URI.create(root() + "/api/deadlines?receivedAt=2026-11-26")), user,
        password, address));
  }

  private static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password,
      String address) {
    return from(address, request).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpRequest.Builder from(String address, HttpRequest.Builder request) {
    return request.header("X-Forwarded-For", address);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String root() {
    return "http://localhost:" + port;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
