package nl.ymere.privacy.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A staff member's browser without JavaScript on the product's server-rendered screens (issue 16): form login, its
 * own session cookie, and forms posted with the CSRF token of the page in front of it, as a browser sends them.
 */
public final class StaffBrowser {

  public record Page(int status, Document document, String location) {

    public Element byId(String id) {
      return document.getElementById(id);
    }

    public String text() {
      return document.text();
    }
  }

  private final String root;
  private final HttpClient http;

  private StaffBrowser(String root) {
    this.root = root;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Logged in through the login form as the demo user (password = user name). */
  public static StaffBrowser logIn(int port, String user) {
    StaffBrowser browser = new StaffBrowser("http://localhost:" + port);
    Page login = browser.get("/login");
    Page answer = browser.submit(login.document().selectFirst("form"), List.of(Map.entry("username", user),
        Map.entry("password", user)));
    if (answer.status() != 302 || answer.location() == null || answer.location().contains("error")) {
      throw new IllegalStateException("Form login of " + user + " failed: " + answer.status());
    }
    return browser;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).GET(), path);
  }

  /**
   * Posts the form as a browser would: to its action, with its CSRF field and the given fields (a name may repeat,
   * e.g. checkboxes).
   */
  public Page submit(Element form, List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> all = new ArrayList<>(fields);
    Element csrf = form.selectFirst("input[name=_csrf]");
    if (csrf != null) {
      all.add(Map.entry("_csrf", csrf.attr("value")));
    }
    String body = all.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    String action = form.attr("action");
    return send(HttpRequest.newBuilder(URI.create(root + action))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), action);
  }

  /** Follows a redirect answer to its page. */
  public Page follow(Page redirect) {
    String location = redirect.location().replaceFirst("#.*$", "");
    return get(location.startsWith("http") ? URI.create(location).getRawPath()
        + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
  }

  private Page send(HttpRequest.Builder request, String path) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), Jsoup.parse(response.body(), root + path),
          response.headers().firstValue("Location").orElse(null));
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
