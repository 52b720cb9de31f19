package nl.ymere.privacy.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.processor.ProcessorAgreementProcess.Elements;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The happy path of {@code processor-agreement} and the gate on PostgreSQL (issue 7). */
@PostgresIntegrationTest
class ProcessorAgreementPostgresTest {

  @Autowired ProcessorTestSupport support;
  @Autowired RequestTestSupport clock;
  @Autowired AgreementSteps steps;
  @Autowired SharingGate gate;

  @AfterEach
  void resetClock() {
    clock.resetClock();
  }

  @Test
  void shouldApproveAProcessorAgreementReviewItAndOpenTheGate() {
    clock.setNow(LocalDate.of(2026, 3, 5), 10, 0);
    String party = ProcessorTestSupport.uniqueCode("PG");
    String reference = support.start(support.command(party, "NL", false, LocalDate.of(2029, 1, 31))).reference();
    support.approveProcessor(reference);
    assertThat(gate.check(party, "RENT_COLLECTION", List.of("CONTACT_DETAILS"), "desk", null).allowed()).isTrue();
    assertThat(gate.check(party, "MARKETING", List.of("CONTACT_DETAILS"), "desk", null).allowed()).isFalse();
    assertThat(support.sharingChecks(party)).hasSize(2);

    clock.setNow(LocalDate.of(2028, 3, 5), 8, 0);
    assertThat(clock.executeDueTimers(reference)).isEqualTo(1);
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).contains("processor-review-due");
    support.complete("officer", reference, Elements.PERIODIC_REVIEW, Map.of("reviewOutcome", "CONTINUE"));
    assertThat(steps.get(reference).nextReviewOn()).isEqualTo(LocalDate.of(2030, 3, 5));
  }
}
