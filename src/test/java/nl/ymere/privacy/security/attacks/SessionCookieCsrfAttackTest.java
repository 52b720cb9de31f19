package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, finding 6 (CSRF): CSRF protection was off for {@code /engine-rest/**} while the session cookie of a
 * browser login authenticated there, so a foreign page could make an admin's browser deploy a BPMN with a multipart
 * {@code POST /engine-rest/deployment/create}. Now {@code /engine-rest} has its own stateless chain that takes HTTP
 * Basic only: a session cookie authenticates nothing there (401, nothing deployed). The webapps' own engine API
 * ({@code /camunda/api/engine}) still takes the session, but only with Camunda's {@code X-XSRF-TOKEN} header.
 */
@IntegrationTest
class SessionCookieCsrfAttackTest {

  static final String PROBE = "csrf-probe";
  static final String FOREIGN_ORIGIN = "https://aanvaller.example";
  static final String BOUNDARY = "----csrfprobe7MA4YWxkTrZu0gW";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired RepositoryService repositoryService;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void nothingDeployed() {
    assertThat(repositoryService.createDeploymentQuery().deploymentName(PROBE).count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count()).isZero();
  }

  @Test
  void anAdminsSessionCookieDeploysNothingThroughTheEngineRestApi() throws Exception {
    String cookie = EngineDoors.as(Door.WEBAPP, port, "demo").sessionCookie();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    HttpResponse<String> answer = http.send(forgedDeployment("/engine-rest/deployment/create", cookie),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith(
        "Basic"));
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @Test
  void aSessionCookieReadsNothingThroughTheEngineRestApiEither() throws Exception {
    String cookie = EngineDoors.as(Door.WEBAPP, port, "demo").sessionCookie();

    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(root() + "/engine-rest/deployment"))
        .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    assertThat(answer.headers().allValues("Set-Cookie")).as("the engine REST API creates no session").isEmpty();
  }

  @Test
  void theWebappsEngineApiRefusesTheSessionWithoutCamundasCsrfHeader() throws Exception {
    String cookie = EngineDoors.as(Door.WEBAPP, port, "demo").sessionCookie();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    HttpResponse<String> answer = http.send(
        forgedDeployment("/camunda/api/engine/engine/default/deployment/create", cookie),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @Test
  void tasklistAndCockpitKeepWorkingWithTheSessionAndTheHeaderAndApiClientsWithBasic() {
    assertThat(EngineDoors.as(Door.WEBAPP, port, "demo").get("/deployment/count").status()).isEqualTo(200);
    assertThat(EngineDoors.as(Door.ENGINE_REST, port, "demo").get("/deployment/count").status()).isEqualTo(200);
  }

  /** What a foreign page's form (enctype multipart/form-data) makes the browser send: the cookie, no header. */
  private HttpRequest forgedDeployment(String path, String cookie) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://example.test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Probe"/>
          </process>
        </definitions>""".formatted(PROBE);
    String body = "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + PROBE + "\r\n"
        + "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"" + PROBE + ".bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
        + "--" + BOUNDARY + "--\r\n";
    return HttpRequest.newBuilder(URI.create(root() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .header("Cookie", cookie)
        .header("Origin", FOREIGN_ORIGIN)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private String root() {
    return "http://localhost:" + port;
  }
}
