package nl.ymere.privacy.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Identity status and request status change in one statement (issue 4: one round trip fewer per registration),
 * with the rule of {@link RequestRecords#updateStatus}: a closed request stays closed.
 */
@IntegrationTest
class RequestRecordsTest {

  @Autowired RequestRecords records;
  @Autowired RequestRepository repository;
  @Autowired JdbcTemplate jdbc;

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
    jdbc.update("DELETE FROM privacy.dsr_request WHERE id = ?", id);
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
