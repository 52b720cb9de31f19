package nl.ymere.privacy.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two outside doors to the engine, as an attacker or a browser meets them (issue 14): the engine REST API
 * ({@code /engine-rest}, HTTP Basic) and the webapps' own engine API ({@code /camunda/api/engine/engine/default}, the
 * session of a form login plus Camunda's {@code X-XSRF-TOKEN} header, as Tasklist sends it). Paths are relative to
 * the engine API's root, e.g. {@code /process-definition/key/x/start}.
 */
public final class EngineDoors {

  public enum Door {
    ENGINE_REST, WEBAPP
  }

  public record Response(int status, String body) {
  }

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private final CookieManager cookies;
  private final String basic;
  private String xsrf;

  private EngineDoors(String base, HttpClient http, CookieManager cookies, String basic) {
    this.base = base;
    this.http = http;
    this.cookies = cookies;
    this.basic = basic;
  }

  /** A client of the door for the user (password = user name, as the demo users have). */
  public static EngineDoors as(Door door, int port, String user) {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .build();
    String root = "http://localhost:" + port;
    if (door == Door.ENGINE_REST) {
      String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(
          StandardCharsets.UTF_8));
      return new EngineDoors(root + "/engine-rest", http, cookies, basic);
    }
    EngineDoors client = new EngineDoors(root + "/camunda/api/engine/engine/default", http, cookies, null);
    client.logIn(root, user);
    return client;
  }

  /**
   * The session cookie of this door's form login ({@code JSESSIONID=...}), as a browser sends it with any request to
   * the application, also one a foreign page makes it send (issue 14 finding 6, CSRF).
   */
  public String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(c -> c.getName() + "=" + c.getValue()).findFirst()
        .orElseThrow(() -> new IllegalStateException("No session: only the webapp door logs in with a form"));
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  private Response send(HttpRequest.Builder request) {
    if (basic != null) {
      request.header("Authorization", basic);
    }
    if (xsrf != null) {
      request.header("X-XSRF-TOKEN", xsrf);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Form login as a browser does it, then the webapps' CSRF token from their first answer. */
  private void logIn(String root, String user) {
    try {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(root + "/login")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher csrf = CSRF_FIELD.matcher(page.body());
      String form = "username=" + encode(user) + "&password=" + encode(user)
          + (csrf.find() ? "&_csrf=" + encode(csrf.group(1)) : "");
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(root + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
        throw new IllegalStateException("Form login of " + user + " failed: " + login.statusCode() + " "
            + login.headers().firstValue("Location").orElse(""));
      }
      http.send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst()
          .orElseThrow(() -> new IllegalStateException("The webapps set no XSRF-TOKEN cookie"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
