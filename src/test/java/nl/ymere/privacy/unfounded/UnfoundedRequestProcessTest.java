package nl.ymere.privacy.unfounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.unfounded.UnfoundedRequestProcess.Elements;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** REQ-3 paths on H2, and what only needs checking once: the service's own checks and the Tasklist answer. */
@IntegrationTest
class UnfoundedRequestProcessTest extends UnfoundedRequestProcessContract {

  @LocalServerPort int port;
  @Autowired UnfoundedRequestService service;

  /**
   * DESIGN principle 9 (issue 14 finding 4): the decision and every letter after it rest on the proposal's row, not on
   * the task's listeners or the {@code unfoundedProposer} variable, which an operator can skip or edit.
   */
  @Test
  void theServiceChecksTheProposalInItsTableNotInTheProcess() throws Exception {
    assertRefused(() -> service.sendRefusal(reference), "Geen voorstel");
    propose("deskofficer", "EXCESSIVE", GROUNDS);
    assertRefused(() -> service.decide(reference, "REFUSE", "deskofficer"), "deskofficer deed het voorstel");
    assertRefused(() -> service.sendRefusal(reference), "Vier ogen");
    assertRefused(() -> service.sendFeeNotice(reference), "Vier ogen");
    assertRefused(() -> service.confirmWithdrawal(reference), "intrekking");
    assertThat(proposal().get("decision").isNull()).isTrue();

    decide("officer", "REJECT");
    assertRefused(() -> service.decide(reference, "REFUSE", "desk"), "al besloten");
    assertRefused(() -> service.sendRefusal(reference), "Geen weigeringsbrief");
    assertRefused(() -> service.sendFeeNotice(reference), "Geen bericht over een vergoeding");

    // a fee notice is no refusal until its period is over, and goes out once
    propose("desk", "EXCESSIVE", GROUNDS);
    decide("officer", "FEE");
    assertRefused(() -> service.sendRefusal(reference), "Geen weigeringsbrief");
    assertRefused(() -> service.sendFeeNotice(reference), "Geen bericht over een vergoeding");
    assertThat(support.outbox(reference)).extracting(m -> m.get("template"))
        .containsOnlyOnce("request-fee-notice").doesNotContain("request-unfounded-refusal");
  }

  private static void assertRefused(Runnable step, String message) {
    assertThatThrownBy(step::run).isInstanceOfSatisfying(RefusedStepException.class, refused -> {
      assertThat(refused.kind()).isEqualTo(RefusedStepException.Kind.NOT_ALLOWED);
      assertThat(refused.getMessage()).contains(message);
    });
  }

  /** Issue 14 point 6, issue 15 item 11: bad input on the officer's form in Tasklist gets the Dutch reason. */
  @Test
  void badInputOnTheDecisionFormInTasklistIsAnsweredWith400AndTheDutchReason() throws Exception {
    propose("desk", "EXCESSIVE", GROUNDS);
    String task = support.task(reference, Elements.CONFIRM).getId();
    EngineDoors tasklist = EngineDoors.as(EngineDoors.Door.WEBAPP, port, "officer");
    assertThat(tasklist.post("/task/" + task + "/claim", "{\"userId\":\"officer\"}").status()).isEqualTo(204);

    EngineDoors.Response answer = tasklist.post("/task/" + task + "/submit-form",
        "{\"variables\":{\"unfoundedDecision\":{\"value\":\"MAYBE\"}}}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText())
        .contains("Kies: weigeren, een vergoeding vragen of het voorstel afwijzen.");
    assertThat(answer.body()).doesNotContain("ENGINE-");
    ProcessAssertions.assertThat(main).isWaitingAt(Elements.CONFIRM);
    assertThat(proposal().get("decision").isNull()).isTrue();
  }
}
