package nl.ymere.privacy.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import nl.ymere.privacy.support.DatabaseOutage;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 15 item 2: a node's health, liveness and readiness follow its database and job executor, never the mail
 * server. An SMTP outage took every node out of the load balancer (Spring's mail health indicator); the outbox is
 * its own component that reports its state (oldest pending age, failures) and stays UP.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NodeHealthTest {

  private static final String[] PROBES = {"/actuator/health", "/actuator/health/liveness",
      "/actuator/health/readiness"};

  @Autowired
  org.springframework.boot.actuate.health.HealthEndpoint healthEndpoint;
  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private JavaMailSenderImpl mailSender;
  @Autowired
  private DatabaseOutage databaseOutage;
  @Autowired
  private ObjectMapper json;

  @Test
  void theNodeStaysUpWhileTheMailServerIsDown() throws IOException {
    int smtpPort = mailSender.getPort();
    mailSender.setPort(closedPort());
    try {
      for (String probe : PROBES) {
        ResponseEntity<String> answer = rest.getForEntity(probe, String.class);
        assertThat(answer.getStatusCode().value()).as(probe).isEqualTo(200);
        assertThat(json.readTree(answer.getBody()).path("status").asText()).as(probe).isEqualTo("UP");
      }
      JsonNode components = json.readTree(rest.withBasicAuth("demo", "demo")
          .getForEntity("/actuator/health", String.class).getBody()).path("components");
      assertThat(components.has("mail")).as("no mail health indicator").isFalse();
      assertThat(components.path("outbox").path("status").asText()).isEqualTo("UP");
      assertThat(components.path("outbox").path("details").has("oldestPendingAgeSeconds")).isTrue();
      assertThat(components.path("outbox").path("details").has("failed")).isTrue();
      assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
    } finally {
      mailSender.setPort(smtpPort);
    }
  }

  @Test
  void theNodeIsDownWhileItsDatabaseFailsWithoutAStackTracePerProbe(CapturedOutput output) throws IOException {
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/actuator/health", String.class)
        .getStatusCode().value()).isEqualTo(200);
    int logBefore = output.length();
    try (var outage = databaseOutage.begin()) {
      for (String probe : PROBES) {
        ResponseEntity<String> answer = rest.getForEntity(probe, String.class);
        assertThat(answer.getStatusCode().value()).as(probe).isEqualTo(503);
        assertThat(json.readTree(answer.getBody()).path("status").asText()).as(probe).isEqualTo("DOWN");
      }
      // the components' details need a login, which the database cannot confirm now (a 503, issue 15 item 3):
      // read them from the health endpoint itself
      var health = (org.springframework.boot.actuate.health.CompositeHealth) healthEndpoint.health();
      assertThat(health.getComponents().get("db").getStatus().getCode()).isEqualTo("DOWN");
      assertThat(health.getComponents().get("outbox").getStatus().getCode()).as("the outbox never fails the node")
          .isEqualTo("UP");
      ResponseEntity<String> login = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/health",
          String.class);
      assertThat(login.getStatusCode().value()).isEqualTo(503);
      assertThat(login.getHeaders().getFirst("Retry-After")).isEqualTo("30");
    }
    String duringOutage = output.toString().substring(logBefore);
    assertThat(duringOutage).as("no stack trace per probe").doesNotContain("\tat ")
        .containsOnlyOnce("Database unreachable");

    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value())
        .as("up again after the outage").isEqualTo(200);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
