package nl.ymere.privacy.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fewer round trips for a registration (issue 4) without other outcomes: identity status and request status change in
 * one statement, with the rule of {@link RequestRecords#updateStatus} (a closed request stays closed); the events of
 * one transaction go in together before it commits, in their order (also around an inner transaction), are seen by
 * reads in that transaction, are kept when added during the commit itself, and are gone with a rollback.
 */
@IntegrationTest
class RequestRecordsTest {

  @Autowired RequestRecords records;
  @Autowired RequestRepository repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  private String reference;
  private long id;

  @BeforeEach
  void storeARequest() {
    reference = "AVG-2026-RR" + System.nanoTime() % 10_000_000;
    id = repository.insert(new RequestRepository.NewRequest(reference, RequestRight.ACCESS, Channel.LETTER,
        Instant.parse("2026-03-02T09:00:00Z"), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 2),
        RequestStatus.REGISTERED, IdentityStatus.PENDING, Representation.SELF, "nl", "Records Test", null,
        "Teststraat 1, Amsterdam", null, null, null, null, "test", Instant.parse("2026-03-02T09:00:00Z")));
  }

  @AfterEach
  void removeTheRequest() {
    jdbc.update("DELETE FROM privacy.dsr_event WHERE request_id = ?", id);
    jdbc.update("DELETE FROM privacy.dsr_request WHERE id = ?", id);
  }

  @Test
  void theEventsOfATransactionAreStoredInTheirOrderAndSeenWithinIt() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    List<Object> inside = new TransactionTemplate(transactionManager).execute(status -> {
      records.addEvent(id, at, "FIRST", "desk");
      records.addEvent(id, at, "SECOND", null, "detail");
      return List.of(storedEvents(), repository.hasEvent(id, "SECOND"), repository.events(id).size());
    });
    records.addEvent(id, at, "OUTSIDE", null);

    assertThat(inside).as("rows waiting until the first read of the log, which sees both").containsExactly(0, true, 2);
    assertThat(repository.events(id)).extracting(RequestRepository.EventRow::type)
        .containsExactly("FIRST", "SECOND", "OUTSIDE");
    assertThat(repository.events(id).get(1).detail()).isEqualTo("detail");
  }

  @Test
  void theEventsOfARolledBackTransactionAreGone() {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      records.addEvent(id, Instant.parse("2026-03-02T09:00:00Z"), "ROLLED_BACK", "desk");
      status.setRollbackOnly();
    });

    assertThat(storedEvents()).isZero();
  }

  @Test
  void anInnerTransactionsEventsComeAfterTheOuterOnesAddedBeforeIt() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    TransactionTemplate inner = new TransactionTemplate(transactionManager);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      records.addEvent(id, at, "OUTER_FIRST", null);
      inner.executeWithoutResult(innerStatus -> records.addEvent(id, at, "INNER_SECOND", null));
      records.addEvent(id, at, "OUTER_THIRD", null);
    });

    assertThat(jdbc.queryForList("SELECT type FROM privacy.dsr_event WHERE request_id = ? ORDER BY id", String.class,
        id)).containsExactly("OUTER_FIRST", "INNER_SECOND", "OUTER_THIRD");
  }

  @Test
  void anEventAddedWhileTheTransactionCommitsIsStored() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    new TransactionTemplate(transactionManager).executeWithoutResult(status ->
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            records.addEvent(id, at, "ADDED_AT_COMMIT", null);
          }
        }));

    assertThat(repository.events(id)).extracting(RequestRepository.EventRow::type).containsExactly("ADDED_AT_COMMIT");
  }

  private int storedEvents() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_event WHERE request_id = ?", Integer.class, id);
  }

  @Test
  void anOpenRequestGetsBothStatuses() {
    records.updateIdentityStatus(id, IdentityStatus.VERIFIED, RequestStatus.IN_PROGRESS);

    RequestRecord request = records.getByReference(reference);
    assertThat(request.identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
    assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
  }

  @Test
  void aClosedRequestRecordsTheIdentityStatusAndStaysClosed() {
    repository.close(id, Outcome.NOT_PROCESSABLE, Instant.parse("2026-03-20T10:00:00Z"));

    records.updateIdentityStatus(id, IdentityStatus.VERIFIED, RequestStatus.IN_PROGRESS);

    RequestRecord request = records.getByReference(reference);
    assertThat(request.identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
    assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
  }
}
