package nl.ymere.privacy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /admin/outbox} over HTTP (issue 15 items 12 and 4): the page for admins with HTTP Basic, the same list as
 * JSON for integrations, and a stuck row that names the node which left it.
 */
@IntegrationTest
class OutboxAdminPageTest {

  private static final Instant LONG_AGO = Instant.parse("2000-01-03T09:00:00Z");

  private final String reference = "OUTBOX-PAGE-" + UUID.randomUUID().toString().substring(0, 8);

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private OutboxService outboxService;
  @Autowired
  private OutboxRepository repository;
  @Autowired
  private OutboxDispatcher outboxDispatcher;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private ObjectMapper json;

  @AfterEach
  void removeOwnRows() {
    jdbc.update("DELETE FROM " + OutboxRepository.TABLE + " WHERE reference = ?", reference);
  }

  /**
   * Item 12: with a letter awaiting printing below a page's worth of newer rows, the page broke for a Basic client
   * ("Cannot create a session after the response has been committed"): the CSRF token of the letter's form was made
   * only when the template reached it, after the first part of the page had gone out.
   */
  @Test
  void thePageAnswersOverHttpBasicWhileALetterAwaitsPrinting() {
    QueuedMessage letter = outboxService.queueLetter(reference, RecipientRole.REQUESTER,
        "J. Jansen\nDorpsstraat 1\n1000 AA Amsterdam", "test-message", Map.of());
    for (int i = 0; i < 60; i++) {
      outboxService.queue(reference, RecipientRole.REQUESTER, "tenant" + i + "@example.org", "test-message");
    }

    ResponseEntity<String> page = get("/admin/outbox", MediaType.TEXT_HTML);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType()).isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
    assertThat(page.getBody()).contains("/admin/outbox/" + letter.id() + "/mark-printed", "Is geprint",
        "name=\"_csrf\"", "</html>");
  }

  @Test
  void theOutboxAsJsonForIntegrations() throws Exception {
    QueuedMessage mail = outboxService.queue(reference, RecipientRole.REQUESTER, "tenant@example.org",
        "test-message");
    QueuedMessage letter = outboxService.queueLetter(reference, RecipientRole.REQUESTER,
        "J. Jansen\nDorpsstraat 1\n1000 AA Amsterdam", "test-message", Map.of());

    ResponseEntity<String> answer = getJson("/admin/outbox");

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getContentType()).isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
    JsonNode body = json.readTree(answer.getBody());
    assertThat(body.path("node").asText()).isEqualTo(outboxDispatcher.nodeId());
    assertThat(body.path("stuckAfter").asText()).isEqualTo("PT5M");
    assertThat(body.path("stuck").isArray()).isTrue();
    List<JsonNode> own = StreamSupport.stream(body.path("messages").spliterator(), false)
        .filter(row -> reference.equals(row.path("reference").asText())).toList();
    assertThat(own).extracting(row -> row.path("id").asLong()).containsExactlyInAnyOrder(mail.id(), letter.id());
    JsonNode mailRow = own.stream().filter(row -> row.path("id").asLong() == mail.id()).findFirst().orElseThrow();
    assertThat(mailRow.path("status").asText()).isEqualTo("PENDING");
    assertThat(mailRow.path("channel").asText()).isEqualTo("EMAIL");
    assertThat(mailRow.path("messageId").asText()).isEqualTo(mail.messageId());
    assertThat(mailRow.path("stuck").asBoolean()).isFalse();
    assertThat(answer.getBody()).as("addresses and bodies stay on the page (principle 2)")
        .doesNotContain("tenant@example.org", "Dorpsstraat", "<html");
  }

  /** Item 4: the stuck-row view tells which node left a row in SENDING, and which node is answering. */
  @Test
  void aStuckRowNamesTheNodeThatLeftIt() throws Exception {
    QueuedMessage queued = outboxService.queue(reference, RecipientRole.REQUESTER, "tenant@example.org",
        "test-message");
    jdbc.update("UPDATE " + OutboxRepository.TABLE + " SET next_attempt_at = ? WHERE id = ?",
        LONG_AGO.atOffset(java.time.ZoneOffset.UTC), queued.id());
    assertThat(repository.claim(queued.id(), "app2-4711-ab12", LONG_AGO)).isTrue();

    String page = get("/admin/outbox", MediaType.TEXT_HTML).getBody();
    assertThat(page).contains("Vastgelopen berichten", "<td>app2-4711-ab12</td>", outboxDispatcher.nodeId());

    JsonNode stuck = StreamSupport.stream(json.readTree(getJson("/admin/outbox").getBody()).path("stuck")
        .spliterator(), false).filter(row -> row.path("id").asLong() == queued.id()).findFirst().orElseThrow();
    assertThat(stuck.path("claimedBy").asText()).isEqualTo("app2-4711-ab12");
    assertThat(stuck.path("stuck").asBoolean()).isTrue();
  }

  private ResponseEntity<String> getJson(String path) {
    return get(path, MediaType.APPLICATION_JSON);
  }

  /** A GET as an admin with HTTP Basic accepting {@code type} (a browser asks for text/html first). */
  private ResponseEntity<String> get(String path, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(type));
    return rest.withBasicAuth("demo", "demo").exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
  }
}
