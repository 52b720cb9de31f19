package nl.ymere.privacy.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import nl.ymere.privacy.breach.BreachProcess.Elements;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The "Zaak" tab of a breach task (issue 18, DESIGN principle 10; as CasePanelsTest for cameras): the second officer
 * sees the reported facts, the moment of awareness and the deadline, the model's reasons, the decision with its
 * reasons and who took it, read from the product's tables; a user who may not see the task sees no case.
 */
@IntegrationTest
class BreachCasePanelTest {

  @Autowired TestRestTemplate rest;
  @Autowired BreachTestSupport support;

  final String marker = "Paneel" + Long.toString(System.nanoTime() % 100_000_000L, 36);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSecondOfficerSeesTheIncidentTheDeadlineTheReasonsAndTheDecision() {
    OffsetDateTime awareness = OffsetDateTime.parse("2026-04-03T16:00+02:00");
    BreachTestSupport.setNow(awareness.plusMinutes(30));
    String reference = support.report("facility", BreachTestSupport.report(marker, awareness.minusHours(1)));
    support.recordAwareness(reference, awareness, "Pas na controle van de back-up " + marker);
    support.assess(reference, Map.of(), marker);
    support.adviseFg(reference, marker);
    support.decide("officer", reference, "RISK", marker);
    String taskId = support.task(reference, Elements.CONFIRM_RISK).getId();

    ResponseEntity<String> answer = rest.withBasicAuth("deskofficer", "deskofficer")
        .getForEntity("/werkbank/taken/" + taskId + "?ingebed=true", String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    Document page = Jsoup.parse(answer.getBody());
    assertThat(page.getElementById("breach-case").text()).contains(reference,
        "Laptop van een wijkbeheerder gestolen uit de auto " + marker, "Fatima Facilitair", "2026-04-06 16:00",
        "CONTACT, TENANCY", "Pas na controle van de back-up " + marker);
    assertThat(page.getElementById("breach-risk").text()).contains("RISK",
        "Herleidbare persoonsgegevens", "Herleidbare huurgegevens bij onbekende dief " + marker, "Olga Officier",
        "Laptop op afstand gewist");
    assertThat(page.getElementById("breach-steps").text()).contains("FG_ADVICE", "Frank Gegevensbescherming",
        "Melden, de schatting is onzeker " + marker);
    assertThat(page.getElementById("case")).as("no generic panel").isNull();

    // the decider may not see the confirmation task (four eyes), so no case either
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity("/werkbank/taken/" + taskId, String.class)
        .getStatusCode().value()).isEqualTo(404);
  }
}
