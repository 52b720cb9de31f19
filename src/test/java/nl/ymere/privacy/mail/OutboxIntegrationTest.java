package nl.ymere.privacy.mail;

import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.support.AcceptingSmtpServer;
import nl.ymere.privacy.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of DESIGN principle 4 on the shared H2 context. Dispatchers built here run in the year 2000 (their
 * own clock, rows moved there with {@link #queueDueAt}), so they never touch rows of other tests, and every row
 * of this class carries its own reference and is deleted afterwards.
 */
@IntegrationTest
class OutboxIntegrationTest {

  private static final Instant T0 = Instant.parse("2000-01-03T09:00:00Z");
  private static final String TENANT = "tenant@example.org";

  private final String reference = "OUTBOX-IT-" + UUID.randomUUID().toString().substring(0, 8);

  @Autowired
  private OutboxService outboxService;
  @Autowired
  private OutboxDispatcher outboxDispatcher;
  @Autowired
  private OutboxRepository repository;
  @Autowired
  private RecipientCopies recipientCopies;
  @Autowired
  private OutboxProperties properties;
  @Autowired
  private OrganisationDetails organisation;
  @Autowired
  private JavaMailSender mailSender;
  @Autowired
  private GreenMail greenMail;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private PlatformTransactionManager transactionManager;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private IdentityService identityService;

  @AfterEach
  void removeOwnRows() {
    jdbc.update("DELETE FROM " + OutboxRepository.TABLE + " WHERE reference = ?", reference);
  }

  @Test
  void queueRendersTheBilingualTemplateWithTheOrganisationDetailsOfLet1() {
    QueuedMessage queued = outboxService.queue(reference, RecipientRole.REQUESTER, TENANT, "test-message",
        Map.of("note", "Extra regel voor de test"));

    OutboxMessage row = row(queued);
    assertThat(row.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(row.channel()).isEqualTo(Channel.EMAIL);
    assertThat(row.recipientRole()).isEqualTo(RecipientRole.REQUESTER);
    assertThat(row.recipient()).isEqualTo(TENANT);
    assertThat(row.attempts()).isZero();
    assertThat(row.nextAttemptAt()).isNotNull();
    assertThat(row.template()).isEqualTo("test-message");
    assertThat(row.templateVersion()).isEqualTo("1").isEqualTo(queued.templateVersion());
    assertThat(row.language()).isEqualTo("nl,en");
    assertThat(row.messageId()).isEqualTo(queued.messageId()).matches("<[0-9a-f-]{36}@ymere\\.nl>");
    assertThat(row.subject()).isEqualTo("Testbericht " + reference + " / Test message " + reference);
    assertThat(row.bodyHtml()).contains(organisation.name(), organisation.postalAddress(),
        organisation.privacyEmail(), organisation.fgContact(), organisation.statementVersion(), reference,
        "Extra regel voor de test");
    int dutch = row.bodyHtml().indexOf("Dit is een testbericht");
    int english = row.bodyHtml().indexOf("This is a test message");
    assertThat(dutch).as("Dutch first, English second").isPositive().isLessThan(english);
    assertThat(row.bodyText()).contains("Dit is een testbericht", "This is a test message",
        organisation.fgContact()).doesNotContain("<p>", "<title>");
  }

  @Test
  void smtpDownThenUpDeliversExactlyOneMail() {
    QueuedMessage queued = queueDueAt(T0);
    MutableClock clock = new MutableClock(T0);
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("127.0.0.1");
    smtp.setPort(closedPort());
    OutboxDispatcher dispatcher = new OutboxDispatcher(repository, recipientCopies, smtp, properties, clock, "node-a");

    assertThat(dispatcher.dispatchDue()).isZero();

    OutboxMessage failed = row(queued);
    assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.nextAttemptAt()).isEqualTo(T0.plus(properties.initialBackoff()));
    assertThat(failed.claimedBy()).isNull();
    assertThat(failed.lastError()).isNotBlank().doesNotContain("@");
    assertThat(receivedForReference()).isEmpty();

    smtp.setPort(greenMail.getSmtp().getPort());
    assertThat(dispatcher.dispatchDue()).as("not due before the backoff has passed").isZero();
    assertThat(row(queued).attempts()).isEqualTo(1);

    clock.advance(properties.initialBackoff());
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).isZero();

    OutboxMessage sent = row(queued);
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.sentAt()).isEqualTo(T0.plus(properties.initialBackoff()));
    assertThat(sent.claimedBy()).isEqualTo("node-a");
    assertThat(sent.lastError()).isNull();
    assertThat(receivedForReference()).hasSize(1);
    assertThat(messageId(receivedForReference().get(0))).isEqualTo(queued.messageId());
  }

  /**
   * Issue 15 item 1: the server answered 250 to the end of DATA, then the connection failed (QUIT stalls or is
   * dropped). The mail is delivered: SENT, never tried again. Before, the failing close came out of
   * JavaMailSender as a MailSendException, was taken for a failed attempt, and 10 rows gave 28 deliveries.
   */
  @Test
  void aMailTheServerAcceptedIsSentEvenWhenTheConnectionFailsAfterwards() throws Exception {
    for (AcceptingSmtpServer.OnQuit onQuit : List.of(AcceptingSmtpServer.OnQuit.STALL,
        AcceptingSmtpServer.OnQuit.DROP)) {
      try (AcceptingSmtpServer server = new AcceptingSmtpServer(onQuit)) {
        List<QueuedMessage> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          queued.add(queueDueAt(T0));
        }
        MutableClock clock = new MutableClock(T0);
        OutboxDispatcher dispatcher = new OutboxDispatcher(repository, recipientCopies, shortTimeoutSender(server.port()), properties,
            clock, "node-a");

        assertThat(dispatcher.dispatchDue()).as(onQuit.name()).isEqualTo(3);
        clock.advance(properties.maxBackoff().multipliedBy(2));
        assertThat(dispatcher.dispatchDue()).as("nothing left to retry").isZero();

        assertThat(server.deliveredMessageIds()).as(onQuit.name())
            .containsExactlyInAnyOrderElementsOf(queued.stream().map(QueuedMessage::messageId).toList());
        assertThat(queued).allSatisfy(message -> {
          OutboxMessage row = row(message);
          assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
          assertThat(row.attempts()).isEqualTo(1);
          assertThat(row.lastError()).isNull();
        });
      } finally {
        removeOwnRows();
      }
    }
  }

  /** Issue 15 item 4: a sub-second database blip between the send and the SENT mark. */
  @Test
  void aDatabaseBlipAfterTheSendDoesNotLeaveADeliveredMailInSending() {
    QueuedMessage queued = queueDueAt(T0);
    List<Duration> pauses = new ArrayList<>();
    OutboxDispatcher dispatcher = new OutboxDispatcher(markSentFailing(2), recipientCopies, mailSender, properties,
        new MutableClock(T0), "node-a", pause -> pauses.add(pause));

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    OutboxMessage row = row(queued);
    assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(receivedForReference()).hasSize(1);
    assertThat(pauses).as("doubling waits before the second and third try")
        .containsExactly(properties.markSentBackoff(), properties.markSentBackoff().multipliedBy(2));
  }

  @Test
  void whenTheMarkKeepsFailingTheDeliveredRowStaysSendingClaimedByThisNode() {
    QueuedMessage queued = queueDueAt(T0);
    List<Duration> pauses = new ArrayList<>();
    OutboxDispatcher dispatcher = new OutboxDispatcher(markSentFailing(Integer.MAX_VALUE), recipientCopies, mailSender, properties,
        new MutableClock(T0), "node-a", pause -> pauses.add(pause));

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    OutboxMessage row = row(queued);
    assertThat(row.status()).isEqualTo(OutboxStatus.SENDING);
    assertThat(row.claimedBy()).isEqualTo("node-a");
    assertThat(pauses).as("bounded: one wait between two tries").hasSize(properties.markSentAttempts() - 1);
    assertThat(receivedForReference()).hasSize(1);
    assertThat(dispatcher.dispatchDue()).as("never re-sent blindly").isZero();
    assertThat(receivedForReference()).hasSize(1);
  }

  /** Issue 15 item 4: HOSTNAME is rarely exported, so every node was {@code local}. */
  @Test
  void eachNodeHasItsOwnIdUnlessOneIsConfigured() {
    assertThat(outboxDispatcher.nodeId()).isNotEqualTo("local")
        .contains(String.valueOf(ProcessHandle.current().pid()));
    assertThat(MailConfiguration.nodeIdOrDefault("")).isNotEqualTo(MailConfiguration.nodeIdOrDefault(""));
    assertThat(MailConfiguration.nodeIdOrDefault(" app1 ")).isEqualTo("app1");
  }

  @Test
  void afterMaxAttemptsTheRowIsFailedAndNoLongerTried() {
    QueuedMessage queued = queueDueAt(T0);
    OutboxProperties twoAttempts = new OutboxProperties(properties.sender(), properties.dispatchInterval(), 20, 2,
        Duration.ofSeconds(30), Duration.ofMinutes(10), false, properties.stuckAfter(), 6, Duration.ofMillis(200));
    MutableClock clock = new MutableClock(T0);
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("127.0.0.1");
    smtp.setPort(closedPort());
    OutboxDispatcher dispatcher = new OutboxDispatcher(repository, recipientCopies, smtp, twoAttempts, clock, "node-a");

    dispatcher.dispatchDue();
    clock.advance(Duration.ofSeconds(30));
    dispatcher.dispatchDue();

    OutboxMessage failed = row(queued);
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.nextAttemptAt()).isNull();

    smtp.setPort(greenMail.getSmtp().getPort());
    clock.advance(Duration.ofDays(1));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(receivedForReference()).isEmpty();
  }

  @Test
  void theReceivedMailCarriesTheMessageIdStoredAtQueueTime() throws MessagingException {
    QueuedMessage queued = queueDueAt(T0);
    OutboxDispatcher dispatcher = new OutboxDispatcher(repository, recipientCopies, mailSender, properties, new MutableClock(T0),
        "node-a");

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    List<MimeMessage> received = receivedForReference();
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    assertThat(mail.getMessageID()).isEqualTo(queued.messageId()).isEqualTo(row(queued).messageId());
    assertThat(mail.getSubject()).isEqualTo(row(queued).subject());
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(TENANT);
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("privacy@ymere.nl");
  }

  @Test
  void twoDispatchersRacingForOneRowSendOneMail() throws Exception {
    QueuedMessage queued = queueDueAt(T0);
    OutboxDispatcher nodeA = new OutboxDispatcher(repository, recipientCopies, mailSender, properties, new MutableClock(T0), "node-a");
    OutboxDispatcher nodeB = new OutboxDispatcher(repository, recipientCopies, mailSender, properties, new MutableClock(T0), "node-b");
    // both nodes have selected the row as due; now both try to claim and send it at the same moment
    assertThat(repository.findDueIds(T0, 100)).contains(queued.id());

    List<Boolean> sent = runTogether(() -> nodeA.dispatch(queued.id()), () -> nodeB.dispatch(queued.id()));

    assertThat(sent).containsExactlyInAnyOrder(true, false);
    OutboxMessage row = row(queued);
    assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(row.claimedBy()).isEqualTo(sent.get(0) ? "node-a" : "node-b");
    assertThat(receivedForReference()).hasSize(1);
  }

  @Test
  void twoDispatchersDrainingOneBatchSendEveryMailOnce() throws Exception {
    List<QueuedMessage> queued = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      queued.add(queueDueAt(T0));
    }
    OutboxDispatcher nodeA = new OutboxDispatcher(repository, recipientCopies, mailSender, properties, new MutableClock(T0), "node-a");
    OutboxDispatcher nodeB = new OutboxDispatcher(repository, recipientCopies, mailSender, properties, new MutableClock(T0), "node-b");

    List<Integer> counts = runTogether(nodeA::dispatchDue, nodeB::dispatchDue);

    assertThat(counts.get(0) + counts.get(1)).isEqualTo(8);
    List<String> receivedIds = receivedForReference().stream().map(OutboxIntegrationTest::messageId).toList();
    assertThat(receivedIds).containsExactlyInAnyOrderElementsOf(
        queued.stream().map(QueuedMessage::messageId).toList());
    assertThat(repository.findByReference(reference)).allMatch(row -> row.status() == OutboxStatus.SENT);
  }

  @Test
  void aRowLeftInSendingByACrashIsNeverSentAgain() {
    QueuedMessage queued = queueDueAt(T0);
    // a node claimed the row and died before marking it
    assertThat(repository.claim(queued.id(), "crashed-node", T0)).isTrue();
    OutboxDispatcher dispatcher = new OutboxDispatcher(repository, recipientCopies, mailSender, properties,
        new MutableClock(T0.plus(Duration.ofDays(30))), "node-a");

    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(dispatcher.dispatch(queued.id())).isFalse();

    OutboxMessage stuck = row(queued);
    assertThat(stuck.status()).isEqualTo(OutboxStatus.SENDING);
    assertThat(stuck.claimedBy()).isEqualTo("crashed-node");
    assertThat(receivedForReference()).isEmpty();
  }

  @Test
  void aRolledBackTransactionLeavesNoRow() {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      outboxService.queue(reference, RecipientRole.REQUESTER, TENANT, "test-message");
      assertThat(rowCount()).as("written inside the transaction").isEqualTo(1);
      status.setRollbackOnly();
    });

    assertThat(rowCount()).isZero();
  }

  @Test
  void anEngineStepThatFailsAfterQueueingLeavesNoRow() {
    String key = "outbox-rollback-test";
    BpmnModelInstance model = Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("queueMail")
        .camundaExpression("${outboxService.queue(reference, 'REQUESTER', '" + TENANT + "', 'test-message')}")
        .serviceTask("laterStep")
        .camundaExpression("${mustFail ? noSuchBeanSoThisStepFails.run() : true}")
        .endEvent()
        .done();
    String deploymentId = repositoryService.createDeployment().name(key)
        .addModelInstance(key + ".bpmn", model).deploy().getId();
    try {
      assertThatThrownBy(() -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(key,
          Map.of("reference", reference, "mustFail", true))))
          .isInstanceOf(ProcessEngineException.class);
      assertThat(rowCount()).as("the engine transaction was rolled back with the row").isZero();

      ProductCalls.run(() -> runtimeService.startProcessInstanceByKey(key,
          Map.of("reference", reference, "mustFail", false)));
      assertThat(rowCount()).as("the same step commits its row when nothing fails").isEqualTo(1);
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void theDispatcherRefusesToSendInsideATransaction() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> outboxDispatcher.dispatchDue()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aGroupMessageGoesToEveryMemberWithAnAddressWhateverTheCallerMayRead() {
    List<String> officers = identityService.createUserQuery().memberOfGroup(Groups.PRIVACY_OFFICERS).list().stream()
        .map(User::getEmail).filter(email -> email != null && !email.isBlank()).toList();
    assertThat(officers).hasSizeGreaterThan(1);

    // a desk user may not read other users; the notice must still reach every officer
    identityService.setAuthentication("desk", List.of(Groups.PRIVACY_DESK));
    List<QueuedMessage> queued;
    try {
      queued = outboxService.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS,
          "test-message", Map.of());
      assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("desk");
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(queued).hasSize(officers.size());
    List<OutboxMessage> rows = repository.findByReference(reference);
    assertThat(rows).extracting(OutboxMessage::recipient).containsExactlyInAnyOrderElementsOf(officers);
    assertThat(rows).allMatch(row -> row.recipientRole() == RecipientRole.PRIVACY_OFFICERS);
    assertThat(rows).extracting(OutboxMessage::messageId).doesNotHaveDuplicates();
  }

  @Test
  void aLetterIsRecordedForPrintingAndNeverSentBySmtp() {
    QueuedMessage letter = outboxService.queueLetter(reference, RecipientRole.REQUESTER,
        "J. Jansen\nDorpsstraat 1\n1000 AA Amsterdam", "test-message", Map.of());

    OutboxMessage row = row(letter);
    assertThat(row.channel()).isEqualTo(Channel.LETTER);
    assertThat(row.status()).isEqualTo(OutboxStatus.PRINT_PENDING);
    assertThat(row.nextAttemptAt()).isNull();
    assertThat(row.bodyHtml()).contains("Dit is een testbericht");
    assertThat(outboxDispatcher.dispatch(letter.id())).isFalse();
    assertThat(row(letter).status()).isEqualTo(OutboxStatus.PRINT_PENDING);
  }

  @Test
  void aMalformedAddressIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> outboxService.queue(reference, RecipientRole.REQUESTER, "jan.jansen at example",
        "test-message"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("jan.jansen");
    assertThat(rowCount()).isZero();
  }

  /** Queues the test message and moves its first attempt to {@code at}, the time of this test's dispatchers. */
  private QueuedMessage queueDueAt(Instant at) {
    QueuedMessage queued = outboxService.queue(reference, RecipientRole.REQUESTER, TENANT, "test-message");
    jdbc.update("UPDATE " + OutboxRepository.TABLE + " SET next_attempt_at = ? WHERE id = ?", at.atOffset(ZoneOffset.UTC),
        queued.id());
    return queued;
  }

  private OutboxMessage row(QueuedMessage queued) {
    return repository.find(queued.id()).orElseThrow();
  }

  private int rowCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + OutboxRepository.TABLE + " WHERE reference = ?", Integer.class,
        reference);
  }

  private List<MimeMessage> receivedForReference() {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(mail -> {
      try {
        return reference.equals(mail.getHeader("X-Privacy-Reference", null));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The real repository whose SENT mark fails {@code times} times as a database that is briefly gone. */
  private OutboxRepository markSentFailing(int times) {
    return new OutboxRepository(jdbc) {
      private int failures;

      @Override
      boolean markSent(long id, String node, Instant now) {
        if (failures++ < times) {
          throw new org.springframework.dao.TransientDataAccessResourceException("connection lost");
        }
        return super.markSent(id, node, now);
      }
    };
  }

  /** A mail sender whose reads time out after half a second, so a stalled QUIT costs the test little. */
  static JavaMailSenderImpl shortTimeoutSender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "500");
    return sender;
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SafeVarargs
  private static <T> List<T> runTogether(Callable<T>... tasks) throws Exception {
    CyclicBarrier start = new CyclicBarrier(tasks.length);
    ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
