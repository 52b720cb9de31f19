package nl.ymere.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Registers requests through {@code POST /api/requests} as the demo desk user (HTTP Basic), one per call. */
final class RegistrationClient {

  static final String USER = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final URI deadlinesEndpoint;
  private final String authorization = "Basic "
      + Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));

  RegistrationClient(int port) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/requests");
    this.deadlinesEndpoint = URI.create("http://127.0.0.1:" + port + "/api/deadlines?receivedAt=2026-11-26");
  }

  /** The distinct requester name of request {@code number} in phase {@code phase} ("Bench Requester 00017"). */
  static String requesterName(String phase, int number) {
    return String.format("Bench %s %05d", phase, number);
  }

  /**
   * The cheapest authenticated API call: {@code GET /api/deadlines} (the deadline calculator), as the same user over
   * the same client. Its rate bounds what any endpoint can reach through HTTP, Basic authentication and Spring
   * Security on this machine. Every call has its password and groups checked by the identity service (two queries;
   * there is no login cache since issue 14 finding 5), so it is not free of database work.
   */
  Load.Sample deadlines(int number) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(deadlinesEndpoint).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).GET().build();
    long before = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long nanos = System.nanoTime() - before;
    return response.statusCode() == 200 ? new Load.Sample(number, "deadlines-" + number, nanos, null)
        : new Load.Sample(number, null, nanos, "HTTP " + response.statusCode() + ": " + response.body());
  }

  Load.Sample register(String phase, int number) throws Exception {
    String name = requesterName(phase, number);
    String body = JSON.writeValueAsString(JSON.createObjectNode()
        .put("right", "ACCESS")
        .put("channel", "EMAIL")
        .put("description", "Benchmark request " + number)
        .set("requester", JSON.createObjectNode()
            .put("name", name)
            .put("email", name.toLowerCase().replace(' ', '.') + "@example.org")));
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long before = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long nanos = System.nanoTime() - before;
    if (response.statusCode() != 201) {
      return new Load.Sample(number, null, nanos, "HTTP " + response.statusCode() + ": " + response.body());
    }
    JsonNode answer = JSON.readTree(response.body());
    return new Load.Sample(number, answer.path("reference").asText(), nanos, null);
  }
}
