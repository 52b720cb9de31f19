package nl.ymere.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.consent.ConsentWithdrawalProcess.Elements;
import nl.ymere.privacy.processor.ProcessorTestSupport;
import nl.ymere.privacy.processor.RegisterAgreementCommand;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Issue 20 item 6 (CON-2, Art 7(3), Art 19): a withdrawal is told at once to each processor that receives data for the
 * purpose, by a notice through the outbox to its contact in the processor register, behind the sharing gate and
 * recorded on the propagation step (a party whose agreement does not cover the identifiers gets nothing, and the step
 * says why); the step stays open and escalates when late. The confirmation to a person without an e-mail address
 * goes by post to the address given with the withdrawal.
 */
@IntegrationTest
class ProcessorNoticeTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport engine;
  @Autowired ProcessorTestSupport processors;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired DataSource dataSource;

  String marker;
  String email;
  String name;
  String postal;

  @BeforeEach
  void setUp() {
    engine.setNow(TODAY, 10, 0);
    marker = Long.toString(System.nanoTime() % 100_000_000, 36);
    email = "melding." + marker + "@voorbeeld.nl";
    name = "Mila Melding " + marker;
    postal = "Postweg " + marker + ", 1011 AA Amsterdam";
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    engine.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(email, name, "HN-" + marker).postalAddress(postal).hits())
        .isEmpty();
  }

  ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("desk", "desk").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  String processor(String prefix, List<String> categories) {
    String party = ProcessorTestSupport.uniqueCode(prefix);
    String agreement = processors.start(new RegisterAgreementCommand(party, "Verwerker " + party,
        party.toLowerCase() + "@verwerker.example", "Verzenden van de nieuwsbrief", "Abonnees van de nieuwsbrief",
        List.of("NEWSLETTER"), categories, "NL", LocalDate.of(2027, 6, 30), true, false, false, false)).reference();
    processors.approveProcessor(agreement);
    return party;
  }

  JsonNode step(JsonNode consent, String target) {
    for (JsonNode step : consent.get("propagation")) {
      if (step.get("target").asText().equals(target)) {
        return step;
      }
    }
    throw new AssertionError("no step for " + target + " in " + consent);
  }

  @Test
  void eachProcessorOfThePurposeIsToldAtOnceBehindTheGateAndTheStepStillEscalates() throws Exception {
    String mailer = processor("NOTICE", List.of("CONTACT", "NAME"));
    String photographer = processor("NOCAT", List.of("PHOTO"));
    ResponseEntity<String> given = post("/api/consents", """
        {"purpose":"NEWSLETTER","subject":{"name":"%s","email":"%s"},"channel":"DESK"}""".formatted(name, email));
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    String reference = json.readTree(given.getBody()).get("reference").asText();
    assertThat(engine.outbox(reference)).isEmpty();

    ResponseEntity<String> withdrawn = post("/api/consents/" + reference + "/withdrawal",
        "{\"channel\":\"PHONE\",\"withdrawnBy\":\"SELF\"}");
    assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(200);
    JsonNode view = json.readTree(withdrawn.getBody());

    // the processor whose agreement covers the identifiers gets the notice at once, to its contact address
    // (every processor in force for NEWSLETTER is told, also those of other tests: look at this test's two)
    List<Map<String, Object>> notices = engine.outbox(reference).stream()
        .filter(row -> ProcessorNotices.TEMPLATE.equals(row.get("TEMPLATE"))).toList();
    assertThat(notices).extracting(row -> row.get("RECIPIENT")).contains(mailer.toLowerCase() + "@verwerker.example")
        .doesNotContain(photographer.toLowerCase() + "@verwerker.example");
    Map<String, Object> notice = notices.stream()
        .filter(row -> row.get("RECIPIENT").equals(mailer.toLowerCase() + "@verwerker.example")).findFirst()
        .orElseThrow();
    assertThat(notice.get("RECIPIENT_ROLE")).isEqualTo("EXTERNAL_PARTY");
    assertThat(notice.get("BODY_HTML").toString()).contains(email).contains(name).contains(reference)
        .contains("Nieuwsbrief en informatie over wonen").contains("6 maart 2026");
    JsonNode mailerStep = step(view, mailer);
    assertThat(mailerStep.get("noticeSentAt").isNull()).isFalse();
    assertThat(mailerStep.get("noticeRefused").isNull()).isTrue();
    assertThat(jdbc.queryForObject("SELECT notice_outbox_id FROM privacy.consent_propagation p JOIN privacy.consent c "
        + "ON c.id = p.consent_id WHERE c.reference = ? AND p.target_code = ?", Long.class, reference, mailer))
        .isEqualTo(jdbc.queryForObject("SELECT id FROM privacy.outbox_message WHERE reference = ? AND recipient = ?",
            Long.class, reference, mailer.toLowerCase() + "@verwerker.example"));
    assertThat(processors.sharingChecks(mailer)).anySatisfy(check -> {
      assertThat(check.get("ALLOWED")).isEqualTo(true);
      assertThat(check.get("CONTEXT_REFERENCE")).isEqualTo(reference);
    });

    // the other one receives data for the purpose but not these categories: nothing sent, the step says why
    JsonNode refusedStep = step(view, photographer);
    assertThat(refusedStep.get("noticeSentAt").isNull()).isTrue();
    assertThat(refusedStep.get("noticeRefused").asText()).isEqualTo("CATEGORY_NOT_COVERED");

    // a notice is not a confirmation: the steps stay open and escalate when late
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.CONFIRM_PROPAGATION).count()).isEqualTo(view.get("propagation").size());
    engine.setNow(TODAY.plusDays(1), 10, 1);
    assertThat(engine.executeDueTimers(reference)).isPositive();
    assertThat(jdbc.queryForObject("SELECT propagation_status FROM privacy.consent WHERE reference = ?", String.class,
        reference)).isEqualTo("LATE");
  }

  @Test
  void theConfirmationGoesByPostWhenNoEmailAddressIsOnFile() throws Exception {
    String withPostal = giveByTenancy();
    String withNothing = giveByTenancy();
    assertThat(post("/api/consents/" + withPostal + "/withdrawal", """
        {"channel":"LETTER","withdrawnBy":"SELF","confirmationPostalAddress":"%s"}""".formatted(postal))
        .getStatusCode().value()).isEqualTo(200);
    assertThat(post("/api/consents/" + withNothing + "/withdrawal", "{\"channel\":\"PHONE\"}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(post("/api/consents/" + withNothing + "/withdrawal", """
        {"channel":"PHONE","confirmationPostalAddress":"%s"}""".formatted("x".repeat(501))).getStatusCode().value())
        .isEqualTo(400);
    for (String reference : List.of(withPostal, withNothing)) {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey(Elements.CONFIRM_PROPAGATION).list()) {
        engine.as("desk", () -> {
          taskService.claim(task.getId(), "desk");
          taskService.complete(task.getId(), Map.of("propagationConfirmed", true));
          return null;
        });
      }
      // item 7: a second privacy officer approves the erasure list
      Task approval = taskService.createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey(Elements.APPROVE_ERASURE_LIST).singleResult();
      engine.as("officer", () -> {
        taskService.complete(approval.getId(), Map.of(ConsentWithdrawalProcess.Variables.ERASURE_LIST_APPROVED, true));
        return null;
      });
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    }
    List<Map<String, Object>> letters = engine.outbox(withPostal).stream()
        .filter(row -> "consent-withdrawal-confirmation".equals(row.get("TEMPLATE"))).toList();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).get("CHANNEL")).isEqualTo("LETTER");
    assertThat(letters.get(0).get("RECIPIENT")).isEqualTo(postal);
    assertThat(letters.get(0).get("BODY_HTML").toString()).contains("Klanttevredenheidsonderzoek");
    assertThat(confirmation(withPostal)).isEqualTo("LETTER");
    assertThat(engine.outbox(withNothing).stream()
        .filter(row -> "consent-withdrawal-confirmation".equals(row.get("TEMPLATE")))).isEmpty();
    assertThat(confirmation(withNothing)).isEqualTo("NONE");
  }

  String giveByTenancy() throws Exception {
    ResponseEntity<String> given = post("/api/consents", """
        {"purpose":"SATISFACTION_SURVEY","subject":{"tenancyNumber":"HN-%s"},"channel":"LETTER"}""".formatted(marker));
    assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(201);
    return json.readTree(given.getBody()).get("reference").asText();
  }

  String confirmation(String reference) {
    return jdbc.queryForObject("SELECT confirmation_channel FROM privacy.consent WHERE reference = ?", String.class,
        reference);
  }
}
