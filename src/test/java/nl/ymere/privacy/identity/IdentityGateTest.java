package nl.ymere.privacy.identity;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.request.RegisterRequestCommand;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.request.Representation;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.web.DateOrDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Identity before fulfilment (ID-1, REP-3..REP-5; issue 14): the gate reads the request's identity status and the
 * representative's authority check in the product's tables; a process variable such as {@code identityResult} or
 * {@code authorityProven} plays no part.
 */
@IntegrationTest
class IdentityGateTest {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 5);

  @Autowired IdentityGate gate;
  @Autowired RequestTestSupport support;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    support.setNow(RECEIVED, 10, 0);
  }

  @AfterEach
  void resetClock() {
    support.resetClock();
  }

  @Test
  void aRequestOfThePersonThemselvesNeedsItsIdentityVerified() {
    String reference = support.register(command(RequestRight.ERASURE, RECEIVED, "Gerda Poort", "gerda@voorbeeld.nl"))
        .reference();

    assertThat(gate.established(reference)).isFalse();
    assertThatThrownBy(() -> gate.requireEstablished(reference)).isInstanceOf(RefusedStepException.class)
        .hasMessageContaining(reference).hasMessageContaining("identiteit").hasMessageContaining("ID-1")
        .satisfies(e -> assertThat(((RefusedStepException) e).kind()).isEqualTo(RefusedStepException.Kind.NOT_ALLOWED));

    support.identityVerified(reference);
    assertThat(gate.established(reference)).isTrue();
  }

  @Test
  void aRepresentativeAlsoNeedsTheirAuthorityCheckedAndAccepted() {
    RequestRecord request = support.register(new RegisterRequestCommand(RequestRight.ACCESS,
        DateOrDateTime.of(RECEIVED), Channel.EMAIL, new RegisterRequestCommand.Person("Mila Gemachtigd",
        "mila@voorbeeld.nl", null, LocalDate.of(1980, 5, 17)), new RegisterRequestCommand.Person(
        "Kees Vertegenwoordigd", null, null, LocalDate.of(1950, 1, 2)), Representation.AUTHORISED_AGENT,
        "Inzage namens mijn vader.", "nl"));
    String reference = request.reference();
    support.identityVerified(reference);

    assertThatThrownBy(() -> gate.requireEstablished(reference)).isInstanceOf(RefusedStepException.class)
        .hasMessageContaining("bevoegdheid").hasMessageContaining("REP-4");
    check(request.id(), "REJECTED");
    assertThat(gate.established(reference)).isFalse();
    check(request.id(), "ACCEPTED");
    assertThat(gate.established(reference)).isTrue();
    // REP-5: authority is rechecked; a later rejection closes the gate again
    check(request.id(), "REJECTED");
    assertThat(gate.established(reference)).isFalse();
  }

  private void check(long requestId, String result) {
    jdbc.update("INSERT INTO privacy.representation_check (request_id, representation, evidence_type, result, "
        + "checked_by, checked_at) VALUES (?, 'AUTHORISED_AGENT', 'SIGNED_AUTHORISATION', ?, 'desk', ?)", requestId,
        result, OffsetDateTime.now());
  }
}
