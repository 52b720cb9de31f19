package nl.ymere.privacy.apinquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.ymere.privacy.apinquiry.ApInquiryProcess.Elements;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code /api/ap-inquiries} contract (issue 19 items 2 and 4; CMP-4, RET-4), on H2 and PostgreSQL by its
 * subclasses: registration with the AP reference, the AP's own deadline taken as given and a legal hold on the scope;
 * the happy path to the released hold; the register and its CSV export; only privacy officers and the FG read
 * inquiries; bad input gets 400/409 problem+json and stores nothing (no row, no hold, no process instance).
 */
abstract class ApInquiryApiContract {

  static final String NAME = "Henk Holdcontract";
  static final String TOPIC = "De AP vraagt waarom het inzageverzoek van een huurder niet binnen een maand is "
      + "beantwoord.";
  static final String ANSWER = "Het verzoek is op tijd beantwoord; de brief ging per post en is bijgevoegd.";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport requests;
  @Autowired DataSource dataSource;

  final long n = System.nanoTime() % 100_000_000L;
  final String email = "henk.hold" + n + "@example.org";

  @AfterEach
  void noInquiryDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(NAME + n, email, TOPIC, ANSWER).hits()).isEmpty();
  }

  ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/ap-inquiries", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.ap_inquiry", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.ap_inquiry_scope", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM privacy.legal_hold", Long.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ApInquiryProcess.KEY).count()};
  }

  String caseNumber() {
    return "z2026-" + n + "-" + System.nanoTime() % 1000;
  }

  String body(String caseNumber, String... scope) {
    String references = String.join(",", Stream.of(scope).map(s -> "\"" + s + "\"").toList());
    return """
        {"kind":"FORWARDED_COMPLAINT","apCaseNumber":"%s","receivedOn":"2026-03-02","apDeadline":"2026-04-09",
         "description":"%s","scope":[%s]}""".formatted(caseNumber, TOPIC, references);
  }

  private String linkedRequest() {
    RequestRecord request = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.of(2026, 1,
        5), NAME + n, email));
    return request.reference();
  }

  @Test
  void anInquiryIsRegisteredWithTheApsDeadlineHeldAnsweredFourEyedAndReleased() throws Exception {
    String request = linkedRequest();
    ResponseEntity<String> created = post("officer", body(caseNumber(), request.toLowerCase()));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("AP-\\d{4}-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/ap-inquiries/" + reference);
    // CMP-4: the AP's own date, taken as given (9 April 2026 is a Thursday after Easter; nothing is added or rolled)
    assertThat(body.get("apDeadline").asText()).isEqualTo("2026-04-09");
    assertThat(body.get("status").asText()).isEqualTo("REGISTERED");
    // issue 16 item 4: Tasklist's start notice names the AP's date as the due date
    JsonNode notice = json.readTree(get("officer", "/api/cases/" + reference).getBody());
    assertThat(notice.get("dueDate").asText()).isEqualTo("2026-04-09");
    // RET-4: the hold was placed in the same transaction, on the person of the linked request
    JsonNode scope = body.get("scope").get(0);
    assertThat(scope.get("kind").asText()).isEqualTo("REQUEST");
    assertThat(scope.get("reference").asText()).isEqualTo(request);
    long hold = scope.get("legalHoldId").asLong();
    assertThat(jdbc.queryForMap("SELECT kind, subject_email, released_at FROM privacy.legal_hold WHERE id = ?", hold))
        .containsEntry("KIND", "AP_INQUIRY").containsEntry("SUBJECT_EMAIL", email).containsEntry("RELEASED_AT", null);

    requests.complete("officer", reference, Elements.DRAFT_ANSWER, Map.of("apAnswerText", ANSWER));
    requests.complete("fg", reference, Elements.FG_ADVICE, Map.of("fgAdvice", "AGREE"));
    requests.complete("manager", reference, Elements.APPROVE_ANSWER, Map.of("apInquiryAnswerApproved", true));
    requests.complete("officer", reference, Elements.RECORD_CLOSURE, Map.of("apClosedOn",
        LocalDate.now().minusDays(1).toString(), "apClosure", "CLOSED_NO_ACTION"));
    requests.complete("officer", reference, Elements.RELEASE_LEGAL_HOLD, Map.of("legalHoldReleaseConfirmed", true));

    JsonNode read = json.readTree(get("fg", "/api/ap-inquiries/" + reference).getBody());
    assertThat(read.get("status").asText()).isEqualTo("HOLDS_RELEASED");
    assertThat(read.get("draftedBy").asText()).isEqualTo("officer");
    assertThat(read.get("fgAdvisedBy").asText()).isEqualTo("fg");
    assertThat(read.get("approvedBy").asText()).isEqualTo("manager");
    assertThat(read.get("description").asText()).isEqualTo(TOPIC);
    assertThat(read.get("events").findValuesAsText("type")).containsSubsequence("REGISTERED", "LEGAL_HOLD_PLACED",
        "ANSWER_DRAFTED", "FG_ADVICE_AGREE", "ANSWER_APPROVED", "ANSWERED", "AP_CLOSED_CLOSED_NO_ACTION",
        "LEGAL_HOLD_RELEASED");
    assertThat(jdbc.queryForObject("SELECT released_by FROM privacy.legal_hold WHERE id = ?", String.class, hold))
        .isEqualTo("officer");
    assertThat(json.readTree(get("officer", "/api/ap-inquiries").getBody()).findValuesAsText("reference"))
        .contains(reference);
    ResponseEntity<String> csv = get("fg", "/api/ap-inquiries/export.csv");
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    // the export holds references, codes, dates and user ids, not the AP's letter or the answer
    assertThat(csv.getBody()).contains(reference + ";FORWARDED_COMPLAINT;").contains(";2026-03-02;2026-04-09;"
        + "HOLDS_RELEASED;" + request + ";officer;AGREE;manager;").doesNotContain(TOPIC).doesNotContain(ANSWER);
  }

  @Test
  void onlyPrivacyOfficersAndTheFgReadInquiriesAndOnlyOfficersRegisterThem() throws Exception {
    String reference = json.readTree(post("officer", body(caseNumber())).getBody()).get("reference").asText();
    for (String outsider : new String[] {"facility", "desk", "assessor1", "manager", "nuisance"}) {
      assertThat(get(outsider, "/api/ap-inquiries/" + reference).getStatusCode().value()).as(outsider)
          .isEqualTo(403);
      assertThat(get(outsider, "/api/ap-inquiries").getStatusCode().value()).as(outsider).isEqualTo(403);
      assertThat(get(outsider, "/api/ap-inquiries/export.csv").getStatusCode().value()).as(outsider)
          .isEqualTo(403);
    }
    long[] before = counts();
    assertThat(post("facility", body(caseNumber())).getStatusCode().value()).isEqualTo(403);
    assertThat(post("fg", body(caseNumber())).getStatusCode().value()).isEqualTo(403);
    assertThat(post("desk", body(caseNumber())).getStatusCode().value()).isEqualTo(403);
    assertThat(counts()).containsExactly(before);
    assertThat(rest.getForEntity("/api/ap-inquiries/" + reference, String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(get("officer", "/api/ap-inquiries/AP-1999-000000").getStatusCode().value()).isEqualTo(404);
  }

  static Stream<Arguments> badInquiries() {
    String rest = "\"description\":\"Vraag\\nmet regels\"";
    return Stream.of(
        Arguments.of("malformed JSON", "{\"kind\":", null),
        Arguments.of("missing kind", "{\"apCaseNumber\":\"z1\",\"apDeadline\":\"2026-04-09\"," + rest + "}", "kind"),
        Arguments.of("unknown kind", "{\"kind\":\"LETTER\",\"apCaseNumber\":\"z1\",\"apDeadline\":\"2026-04-09\","
            + rest + "}", "kind"),
        Arguments.of("missing case number", "{\"kind\":\"INQUIRY\",\"apDeadline\":\"2026-04-09\"," + rest + "}",
            "apCaseNumber"),
        Arguments.of("case number with markup", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"<b>z1</b>\","
            + "\"apDeadline\":\"2026-04-09\"," + rest + "}", "apCaseNumber"),
        Arguments.of("missing deadline", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\"," + rest + "}", "apDeadline"),
        Arguments.of("impossible deadline", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\","
            + "\"apDeadline\":\"2026-02-30\"," + rest + "}", "apDeadline"),
        Arguments.of("deadline before receipt", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\","
            + "\"receivedOn\":\"2026-03-02\",\"apDeadline\":\"2026-03-01\"," + rest + "}", "apDeadline"),
        Arguments.of("receipt in the future", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\","
            + "\"receivedOn\":\"2999-01-01\",\"apDeadline\":\"2999-02-01\"," + rest + "}", "receivedOn"),
        Arguments.of("missing topic", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\",\"apDeadline\":\"2026-04-09\"}",
            "description"),
        Arguments.of("unknown scope reference", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\","
            + "\"apDeadline\":\"2026-04-09\"," + rest + ",\"scope\":[\"AVG-1999-000000\"]}", "scope[0]"),
        Arguments.of("scope of another kind", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\","
            + "\"apDeadline\":\"2026-04-09\"," + rest + ",\"scope\":[\"VS-2026-000001\"]}", "scope[0]"),
        Arguments.of("topic too long", "{\"kind\":\"INQUIRY\",\"apCaseNumber\":\"z1\",\"apDeadline\":\"2026-04-09\","
            + "\"description\":\"" + "x".repeat(100_001) + "\"}", "description"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInquiries")
  void badInputGets400AndStoresNothing(String what, String body, String field) throws Exception {
    long[] before = counts();
    ResponseEntity<String> response = post("officer", body);
    assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    if (field != null) {
      assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).as(what)
          .contains(field);
    }
    assertThat(counts()).as(what).containsExactly(before);
  }

  /** One AP case, one open inquiry: a second registration of the same case number is a conflict (409). */
  @Test
  void theSameOpenApCaseIsNotRegisteredTwice() throws Exception {
    String caseNumber = caseNumber();
    assertThat(post("officer", body(caseNumber)).getStatusCode().value()).isEqualTo(201);
    long[] before = counts();
    ResponseEntity<String> again = post("officer", body(caseNumber));
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void aBodyThatIsNotJsonGets415AndStoresNothing() {
    long[] before = counts();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> response = rest.withBasicAuth("officer", "officer").exchange("/api/ap-inquiries",
        HttpMethod.POST, new HttpEntity<>("vraag", headers), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(415);
    assertThat(counts()).containsExactly(before);
  }
}
