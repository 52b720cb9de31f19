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
    // PRC-2: the outcome is in the agreement's own history, visible on the agreement
    JsonNode events = agreementEvents("PA-T" + marker);
    assertThat(events.findValuesAsText("type")).containsExactly("BREACH_REPORTED_LATE");
    assertThat(events.get(0).get("detail").asText()).contains(reference).contains("30 uur").contains("termijn 24 uur")
        .contains("te laat");
    assertThat(events.get(0).get("by").asText()).isEqualTo("procurement");
  }

  private JsonNode agreementEvents(String agreementReference) throws Exception {
    ResponseEntity<String> agreement = rest.withBasicAuth("procurement", "procurement")
        .getForEntity("/api/processor-agreements/" + agreementReference, String.class);
    assertThat(agreement.getStatusCode().value()).isEqualTo(200);
    return json.readTree(agreement.getBody()).get("events");
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
    JsonNode events = agreementEvents("PA-T" + marker);
    assertThat(events.findValuesAsText("type")).containsExactly("BREACH_REPORTED_IN_TIME");
    assertThat(events.get(0).get("detail").asText()).contains(body.get("reference").asText()).contains("7 uur")
        .contains("op tijd");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"dataCategories\":[\"GOSSIP\"],\"personsEstimate\":1",
      "\"dataCategories\":[\"CONTACT\"],\"personsEstimate\":-1",
      "\"dataCategories\":[\"CONTACT\"],\"personsEstimate\":1,\"recordsEstimate\":-3"})
  void refusesAProcessorReportWithAnUnknownCategoryOrANegativeCountAndCreatesNothing(String facts) {
    String marker = "N" + System.nanoTime() % 1_000_000;
    long party = party(marker, true);
    long[] before = counts();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"description\":\"Ransomware bij de verwerker\",\"detectedAt\":\"2026-04-03T15:00:00+02:00\","
        + "\"processorAwareAt\":\"2026-04-03T09:00:00+02:00\"," + facts + "}";

    ResponseEntity<String> response = rest.withBasicAuth("procurement", "procurement").exchange("/api/parties/"
        + party + "/breach-reports", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(counts()).containsExactly(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.pa_event e JOIN privacy.pa_agreement a ON "
        + "a.id = e.agreement_id WHERE a.reference = ?", Long.class, "PA-T" + marker)).isZero();
  }

  // BRE-4: the list of persons affected, uploaded as CSV or queried from a source; never in the engine

  private String tenancy(String number, String email, String preferredLanguage) {
    jdbc.update("INSERT INTO privacy.tenancy_contract (tenancy_number, tenant_name, date_of_birth, email, phone, "
        + "address, start_date, monthly_rent, preferred_language) VALUES (?,?,?,?,?,?,?,?,?)", number,
        "Huurder " + number, java.sql.Date.valueOf("1970-01-01"), email, "06-1", "Wijkstraat 1, 1000 AA Amsterdam",
        java.sql.Date.valueOf("2020-01-01"), new java.math.BigDecimal("700.00"), preferredLanguage);
    return number;
  }

  private ResponseEntity<String> uploadPersons(String user, String reference, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util
        .LinkedMultiValueMap<>();
    form.add("file", new org.springframework.core.io.ByteArrayResource(csv.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "betrokkenen.csv";
      }
    });
    return rest.withBasicAuth(user, user).exchange("/api/breaches/" + reference + "/persons", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private List<String> listed(String reference) {
    return jdbc.queryForList("SELECT p.tenancy_number || '/' || COALESCE(p.language, '-') || '/' || p.list_source "
        + "FROM privacy.breach_person p JOIN privacy.breach b ON b.id = p.breach_id WHERE b.reference = ? "
        + "ORDER BY p.id", String.class, reference);
  }

  @Test
  void takesTheListOfPersonsAffectedFromAnUploadedCsv() throws Exception {
    String marker = "C" + System.nanoTime() % 1_000_000;
    String first = tenancy("HV-" + marker + "1", null, null);
    String second = tenancy("HV-" + marker + "2", null, null);
    String reference = json.readTree(post("desk", VALID.formatted("")).getBody()).get("reference").asText();

    ResponseEntity<String> uploaded = uploadPersons("officer", reference, "tenancyNumber;language\r\n" + first
        + "\r\n" + second + ";en\r\n\r\n" + first + "\r\n");

    assertThat(uploaded.getStatusCode().value()).isEqualTo(200);
    JsonNode body = json.readTree(uploaded.getBody());
    assertThat(body.get("added").asInt()).isEqualTo(2);
    assertThat(body.get("personsListed").asInt()).isEqualTo(2);
    assertThat(listed(reference)).containsExactly(first + "/-/CSV", second + "/en/CSV");
    // the list stays out of the engine
    assertThat(runtimeService.getVariables(support.instance(reference).getId())).containsOnlyKeys("reference");
    assertThat(json.readTree(rest.withBasicAuth("fg", "fg").getForEntity("/api/breaches/" + reference, String.class)
        .getBody()).get("personsListed").asInt()).isEqualTo(2);
  }

  @Test
  void refusesACsvWithAMalformedRowOrAnUnknownTenancyNumberNamingTheRowsAndStoresNothing() throws Exception {
    String marker = "D" + System.nanoTime() % 1_000_000;
    String known = tenancy("HV-" + marker + "1", null, null);
    String reference = json.readTree(post("desk", VALID.formatted("")).getBody()).get("reference").asText();

    ResponseEntity<String> malformed = uploadPersons("officer", reference, known + "\n" + known + ";fr\nHV 1;en;x\n");
    ResponseEntity<String> unknown = uploadPersons("officer", reference, known + "\nHV-" + marker + "9\n" + known
        + "\nHV-" + marker + "8;en\n");
    ResponseEntity<String> empty = uploadPersons("officer", reference, "tenancyNumber\n\n");
    ResponseEntity<String> noBreach = uploadPersons("officer", "DL-1999-000001", known + "\n");

    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(malformed.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("rows[2]", "rows[3]");
    assertThat(unknown.getStatusCode().value()).isEqualTo(422);
    assertThat(json.readTree(unknown.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("rows[2]", "rows[4]");
    // the problem names rows, never the rejected numbers (SEC-3)
    assertThat(unknown.getBody()).doesNotContain(marker);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(noBreach.getStatusCode().value()).isEqualTo(404);
    assertThat(List.of(malformed, unknown, empty, noBreach)).allSatisfy(r ->
        assertThat(r.getHeaders().getContentType()).hasToString("application/problem+json"));
    assertThat(listed(reference)).isEmpty();
    // only the privacy officers compile the list
    assertThat(uploadPersons("fg", reference, known + "\n").getStatusCode().value()).isEqualTo(403);
    assertThat(uploadPersons("desk", reference, known + "\n").getStatusCode().value()).isEqualTo(403);
    assertThat(listed(reference)).isEmpty();
  }

  @Test
  void takesEveryPersonOfASourceCategoryFromThePersonalDataSources() throws Exception {
    String marker = "S" + System.nanoTime() % 1_000_000;
    String added = tenancy("HV-" + marker + "1", null, "en");
    String reference = json.readTree(post("desk", VALID.formatted("")).getBody()).get("reference").asText();
    long live = jdbc.queryForObject("SELECT COUNT(DISTINCT tenancy_number) FROM privacy.tenancy_contract WHERE "
        + "tenancy_number IS NOT NULL AND anonymised_at IS NULL", Long.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> unknownSystem = rest.withBasicAuth("officer", "officer").exchange("/api/breaches/"
        + reference + "/persons/from-source", HttpMethod.POST, new HttpEntity<>("{\"system\":\"nosuch\","
        + "\"category\":\"contract\"}", headers), String.class);
    ResponseEntity<String> unknownCategory = rest.withBasicAuth("officer", "officer").exchange("/api/breaches/"
        + reference + "/persons/from-source", HttpMethod.POST, new HttpEntity<>("{\"system\":\"tenancy\","
        + "\"category\":\"gossip\"}", headers), String.class);
    assertThat(unknownSystem.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownCategory.getStatusCode().value()).isEqualTo(400);
    assertThat(listed(reference)).isEmpty();

    ResponseEntity<String> queried = rest.withBasicAuth("officer", "officer").exchange("/api/breaches/" + reference
        + "/persons/from-source", HttpMethod.POST, new HttpEntity<>("{\"system\":\"tenancy\",\"category\":"
        + "\"contract\"}", headers), String.class);

    assertThat(queried.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(queried.getBody()).get("personsListed").asLong()).isEqualTo(live);
    assertThat(listed(reference)).contains(added + "/-/SOURCE:tenancy/contract").hasSize((int) live);
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
