package nl.ymere.privacy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.ymere.privacy.support.AcceptingSmtpServer;
import nl.ymere.privacy.support.MutableClock;
import nl.ymere.privacy.support.PostgresTestServer;
import nl.ymere.privacy.support.RequiresPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Chaos test of issue 15 item 1 on PostgreSQL: the outbox of two nodes against an SMTP server that accepts every
 * message and then stalls on QUIT (the client's read times out) or drops the connection. Every row is delivered
 * exactly once: deliveries = rows (before the fix 10 rows gave 28 deliveries). Plain JUnit in Failsafe, on its own
 * database with the product's Flyway migrations; skipped without PostgreSQL, failed when CI=true.
 */
@RequiresPostgres
class OutboxChaosIT {

  private static final int ROWS = 10;
  private static final Instant T0 = Instant.parse("2000-01-03T09:00:00Z");

  /** Without Spring Boot nothing configures logging, and Logback's default (DEBUG) would flood the report. */
  @BeforeAll
  static void quietLogging() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
  }

  @Test
  void anSmtpServerThatAcceptsAndThenStallsGetsEveryRowExactlyOnce() throws Exception {
    String database = PostgresTestServer.testDatabaseName() + "_outbox_it";
    PostgresTestServer.recreateDatabase(database);
    DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresTestServer.urlOf(database),
        PostgresTestServer.USER, PostgresTestServer.PASSWORD);
    Flyway.configure().dataSource(dataSource).schemas("privacy").defaultSchema("privacy").createSchemas(true)
        .locations("classpath:db/migration").load().migrate();
    OutboxRepository repository = new OutboxRepository(new JdbcTemplate(dataSource));
    // the rows carry no one-time link, so no sealed recipient copy and no cipher is needed
    RecipientCopies recipientCopies = new RecipientCopies(null, repository);
    List<String> messageIds = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      String messageId = "<" + UUID.randomUUID() + "@ymere.nl>";
      messageIds.add(messageId);
      repository.insert(new OutboxMessage(0, messageId, "CHAOS-" + i, "test-message", "1", "nl,en", Channel.EMAIL,
          RecipientRole.REQUESTER, "tenant" + i + "@example.org", "Chaos " + i, "<p>Chaos " + i + "</p>",
          OutboxStatus.PENDING, 0, T0, null, null, null, null, T0), null);
    }
    OutboxProperties properties = new OutboxProperties("Ymere Privacy <privacy@ymere.nl>", Duration.ofSeconds(5),
        ROWS, 12, Duration.ofSeconds(30), Duration.ofHours(1), false, Duration.ofMinutes(5), 6,
        Duration.ofMillis(200));
    MutableClock clock = new MutableClock(T0);

    try (AcceptingSmtpServer server = new AcceptingSmtpServer(AcceptingSmtpServer.OnQuit.STALL)) {
      OutboxDispatcher nodeA = new OutboxDispatcher(repository, recipientCopies, OutboxIntegrationTest.shortTimeoutSender(
          server.port()), properties, clock, "chaos-node-a");
      OutboxDispatcher nodeB = new OutboxDispatcher(repository, recipientCopies, OutboxIntegrationTest.shortTimeoutSender(
          server.port()), properties, clock, "chaos-node-b");
      // a few dispatcher rounds on both nodes, half of them against a server that drops instead of stalling, with
      // the clock moved past every backoff in between: whatever was taken for failed would be sent again here
      for (int round = 0; round < 4; round++) {
        server.onQuit(round % 2 == 0 ? AcceptingSmtpServer.OnQuit.STALL : AcceptingSmtpServer.OnQuit.DROP);
        nodeA.dispatchDue();
        nodeB.dispatchDue();
        clock.advance(Duration.ofHours(2));
      }

      assertThat(server.deliveredMessageIds()).as("deliveries = rows").hasSize(ROWS)
          .containsExactlyInAnyOrderElementsOf(messageIds);
    }
    assertThat(new JdbcTemplate(dataSource).queryForList("SELECT status FROM " + OutboxRepository.TABLE,
        String.class)).hasSize(ROWS).containsOnly("SENT");
  }
}
