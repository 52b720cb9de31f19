package nl.ymere.privacy.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.breach.BreachProcess.Elements;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/breaches} (issue 18 items 1 and 6): an integration reports an incident, which starts {@code data-breach};
 * bad input gets 400 problem+json and creates nothing (DESIGN principle 7); the register lists every incident,
 * notified or not, with the overdue flag.
 */
@IntegrationTest
class BreachApiTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-04-03T16:30+02:00");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired BreachTestSupport support;

  @BeforeEach
  void setClock() {
    BreachTestSupport.setNow(NOW);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static final String VALID = """
      {"description":"SIEM: ongebruikelijke export uit de huuradministratie","detectedAt":"2026-04-03T15:00:00+02:00",
       "systems":"huuradministratie","dataCategories":["CONTACT","FINANCIAL"],"personsEstimate":120,
       "recordsEstimate":300,"contained":true%s}""";

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/breaches", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private long[] counts() {
    return new long[] {jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach", Long.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY).count(),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message", Long.class)};
  }

  @Test
  void reportsAnIncidentAndStartsTheProcess() throws Exception {
    ResponseEntity<String> created = post("nuisance", VALID.formatted(""));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("DL-2026-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/breaches/" + reference);
    assertThat(body.get("channel").asText()).isEqualTo("API");
    assertThat(body.get("reportedBy").asText()).isEqualTo("nuisance");
    assertThat(body.get("notified").asBoolean()).isFalse();
    assertThat(support.task(reference, Elements.RECORD_AWARENESS)).isNotNull();
    assertThat(runtimeService.getVariables(support.instance(reference).getId())).containsOnlyKeys("reference");
  }

  @Test
  void numbersTheReferencesPerYear() throws Exception {
    String first = json.readTree(post("desk", VALID.formatted("")).getBody()).get("reference").asText();
    String second = json.readTree(post("desk", VALID.formatted("")).getBody()).get("reference").asText();
    assertThat(Long.parseLong(second.substring(8))).isEqualTo(Long.parseLong(first.substring(8)) + 1);

    BreachTestSupport.setNow(OffsetDateTime.parse("2027-01-01T00:30+01:00"));
    String nextYear = json.readTree(post("desk", VALID.formatted("")).getBody()).get("reference").asText();
    assertThat(nextYear).isEqualTo("DL-2027-000001");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[\"GOSSIP\"],"
          + "\"personsEstimate\":1}",
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[\"CONTACT\"],"
          + "\"personsEstimate\":-1}",
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[\"CONTACT\"],"
          + "\"personsEstimate\":1,\"recordsEstimate\":-5}",
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-03T15:00:00\",\"dataCategories\":[\"CONTACT\"],"
          + "\"personsEstimate\":1}",
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-05T15:00:00+02:00\",\"dataCategories\":[\"CONTACT\"],"
          + "\"personsEstimate\":1}",
      "{\"detectedAt\":\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[\"CONTACT\"],\"personsEstimate\":1}",
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[],"
          + "\"personsEstimate\":1}",
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[\"CONTACT\"]}",
      "{\"description\":\"x\",\"detectedAt\":\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[\"CONTACT\"],"
          + "\"personsEstimate\":\"veel\"}",
      "{not json"})
  void refusesBadInputWithAProblemAndCreatesNothing(String body) {
    long[] before = counts();

    ResponseEntity<String> response = post("officer", body);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void namesTheOffendingFields() throws Exception {
    JsonNode problem = json.readTree(post("officer", "{\"description\":\"x\",\"detectedAt\":"
        + "\"2026-04-03T15:00:00+02:00\",\"dataCategories\":[\"CONTACT\",\"GOSSIP\"],\"personsEstimate\":-2}")
        .getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("dataCategories[1]",
        "personsEstimate");
  }

  @Test
  void listsNotifiedAndNotNotifiedIncidentsInTheRegister() throws Exception {
    String notNotified = support.decided("A" + System.nanoTime() % 1_000_000, NOW.minusMinutes(20),
        Map.of("identifiable", false), "NO_RISK");
    String notified = support.decided("B" + System.nanoTime() % 1_000_000, NOW.minusMinutes(20), Map.of(), "RISK");
    support.notifyAp(notified, NOW.plusHours(1), true, null);
    BreachTestSupport.setNow(NOW.plusHours(2));
    String open = support.decided("C" + System.nanoTime() % 1_000_000, NOW.minusHours(80), Map.of(), "RISK");
    BreachTestSupport.setNow(NOW.plusHours(2));

    JsonNode register = json.readTree(rest.withBasicAuth("fg", "fg").getForEntity("/api/breaches", String.class)
        .getBody());
    Map<String, JsonNode> byReference = new java.util.HashMap<>();
    register.forEach(entry -> byReference.put(entry.get("reference").asText(), entry));
    assertThat(byReference.get(notNotified).get("notified").asBoolean()).isFalse();
    assertThat(byReference.get(notNotified).get("risk").asText()).isEqualTo("NO_RISK");
    assertThat(byReference.get(notNotified).get("overdue").asBoolean()).isFalse();
    assertThat(byReference.get(notified).get("notified").asBoolean()).isTrue();
    assertThat(byReference.get(notified).get("apNotifications").get(0).get("apCaseNumber").asText())
        .startsWith("AP-MELD-");
    // a RISK decision after 72 hours without a notification is overdue (BRE-3)
    assertThat(byReference.get(open).get("risk").asText()).isEqualTo("RISK");
    assertThat(byReference.get(open).get("overdue").asBoolean()).isTrue();

    String csv = rest.withBasicAuth("officer", "officer").getForEntity("/api/breaches/export.csv", String.class)
        .getBody();
    assertThat(csv).startsWith("reference;status;").contains(notNotified + ";CLOSED;").contains(notified + ";");
    assertThat(csv.lines().filter(line -> line.startsWith(open + ";")).findFirst().orElseThrow())
        .contains(";RISK;");

    JsonNode detail = json.readTree(rest.withBasicAuth("officer", "officer")
        .getForEntity("/api/breaches/" + notified, String.class).getBody());
    assertThat(detail.get("apNotificationDraft").get("fgContact").asText()).isNotBlank();
    assertThat(detail.get("apNotificationDraft").get("approximatePersons").asInt()).isEqualTo(40);
    assertThat(detail.get("riskReasons").findValuesAsText("code")).containsExactly("PERSONAL_DATA_EXPOSED");
  }

  private long party(String marker, boolean withAgreement) {
    jdbc.update("INSERT INTO privacy.pa_party (code, name, contact_email, created_at) VALUES (?,?,?,?)",
        "P" + marker, "Verwerker " + marker, "privacy@verwerker.example", java.sql.Timestamp.from(NOW.toInstant()));
    long party = jdbc.queryForObject("SELECT id FROM privacy.pa_party WHERE code = ?", Long.class, "P" + marker);
    if (withAgreement) {
      jdbc.update("INSERT INTO privacy.pa_agreement (reference, party_id, service, data_subjects, processing_country, "
          + "transfer_zone, status, expires_on, breach_notice_hours, prepared_by, created_by, created_at) "
          + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", "PA-T" + marker, party, "Hosting huuradministratie", "Huurders", "NL",
          "EEA", "ACTIVE", java.sql.Date.valueOf("2028-01-01"), 24, "procurement", "procurement",
          java.sql.Timestamp.from(NOW.toInstant()));
    }
    return party;
  }

  private ResponseEntity<String> processorReport(String user, long party, String processorAwareAt) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = VALID.formatted(",\"processorAwareAt\":\"" + processorAwareAt + "\"");
    return rest.withBasicAuth(user, user).exchange("/api/parties/" + party + "/breach-reports", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void opensAFollowUpForTheAgreementOwnerWhenAProcessorReportsLate() throws Exception {
    String marker = "L" + System.nanoTime() % 1_000_000;
    long party = party(marker, true);

    // the processor knew 30 hours before it told us: more than its 24 hours (PRC-2)
    ResponseEntity<String> created = processorReport("procurement", party, "2026-04-02T10:30:00+02:00");

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(body.get("channel").asText()).isEqualTo("PROCESSOR");
    assertThat(body.get("processor").get("reportedLate").asBoolean()).isTrue();
    assertThat(body.get("processor").get("agreementReference").asText()).isEqualTo("PA-T" + marker);
    assertThat(body.get("processor").get("noticeHours").asInt()).isEqualTo(24);
    org.camunda.bpm.engine.task.Task followUp = support.task(reference, Elements.FOLLOW_UP_PROCESSOR);
    assertThat(followUp).isNotNull();
    assertThat(followUp.getAssignee()).isEqualTo("procurement");
    assertThat(support.task(reference, Elements.RECORD_AWARENESS)).isNotNull();
    support.as("procurement", () -> {
      support.taskService.complete(followUp.getId(), Map.of("processorAddressed", true, "followUpNote",
          "Verwerker schriftelijk gewezen op artikel 7 van de overeenkomst"));
      return null;
    });
    assertThat(support.task(reference, Elements.FOLLOW_UP_PROCESSOR)).isNull();
  }

  @Test
  void opensNoFollowUpWhenTheProcessorReportedInTime() throws Exception {
    String marker = "T" + System.nanoTime() % 1_000_000;
    long party = party(marker, true);

    ResponseEntity<String> created = processorReport("officer", party, "2026-04-03T09:00:00+02:00");

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    assertThat(body.get("processor").get("reportedLate").asBoolean()).isFalse();
    assertThat(support.task(body.get("reference").asText(), Elements.FOLLOW_UP_PROCESSOR)).isNull();
  }

  @Test
  void refusesAProcessorReportForAnUnknownPartyOrOneWithoutAgreementAndCreatesNothing() {
    String marker = "U" + System.nanoTime() % 1_000_000;
    long withoutAgreement = party(marker, false);
    long[] before = counts();

    ResponseEntity<String> unknown = processorReport("officer", 987_654_321L, "2026-04-03T09:00:00+02:00");
    ResponseEntity<String> noAgreement = processorReport("officer", withoutAgreement, "2026-04-03T09:00:00+02:00");
    ResponseEntity<String> awareAfterReceipt = processorReport("officer", party(marker + "b", true),
        "2026-04-03T17:00:00+02:00");

    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(noAgreement.getStatusCode().value()).isEqualTo(422);
    assertThat(awareAfterReceipt.getStatusCode().value()).isEqualTo(400);
    assertThat(List.of(unknown, noAgreement, awareAfterReceipt)).allSatisfy(r ->
        assertThat(r.getHeaders().getContentType()).hasToString("application/problem+json"));
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void answers404ForAnUnknownBreach() {
    ResponseEntity<String> response = rest.withBasicAuth("officer", "officer")
        .getForEntity("/api/breaches/DL-1999-000001", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
  }
}
