package nl.ymere.privacy.security.attacks;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.erasure.ErasureProcess;
import nl.ymere.privacy.erasure.ErasureProcess.Elements;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 for erasure (ERA-4, ID-1) and finding 4: the execution of an erasure list trusted the process having come
 * through the confirmation task. An operator's process instance modification to {@code Task_ExecuteErasure} (with
 * {@code erasureListConfirmed=true}) erased without a second person, and without an established identity. Now the
 * erasure reads {@code privacy.erasure_case} and {@code privacy.dsr_request}: refused (403, Dutch reason) through
 * {@code /engine-rest} and the webapps' engine API, nothing changed. An admin in both groups ({@code demo}) who
 * proposed, deleted the confirmation task's REVOKE authorization and renamed {@code erasureProposer} still cannot
 * confirm their own list; a privacy officer who did not propose it does, and only then the data go.
 */
@IntegrationTest
class ErasureWithoutSecondPersonAttackTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;

  Tenant tenant;
  String reference;
  String instance;

  @BeforeEach
  void setUp() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Wessel Wisaanval" + n, "wessel" + n + "@voorbeeld.nl", "HV-8" + n,
        "NL91ABNA04" + String.format("%08d", n));
    reference = support.register(command(RequestRight.ERASURE, TODAY, tenant.name(), tenant.email())).reference();
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.tenancyNumber(),
        tenant.iban()).hits()).isEmpty();
  }

  @Test
  void noErasureBeforeTheIdentityIsEstablishedEvenAfterFourEyes() throws Exception {
    start(); // reached without the identity check (it is still pending in data-subject-request)
    propose("desk");

    for (Door door : Door.values()) {
      assertRefusedModification(door, "identiteit", "ID-1");
    }
    // the officer's confirmation reaches the erasure at once: refused as a whole, nothing confirmed or erased
    EngineDoors officer = EngineDoors.as(Door.ENGINE_REST, port, "officer");
    String task = support.task(reference, Elements.CONFIRM_ERASURE_LIST).getId();
    assertThat(officer.post("/task/" + task + "/claim", "{\"userId\":\"officer\"}").status()).isEqualTo(204);
    DatabaseFingerprint claimed = DatabaseFingerprint.of(dataSource);
    EngineDoors.Response confirm = officer.post("/task/" + task + "/submit-form",
        "{\"variables\":{\"erasureListConfirmed\":{\"value\":true}}}");
    assertThat(confirm.status()).as(confirm.body()).isEqualTo(403);
    assertThat(message(confirm)).contains("identiteit");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(claimed)).isEmpty();
    assertNothingErased();
  }

  @Test
  void anAdminInBothGroupsCannotConfirmOrSkipTheConfirmationOfTheirOwnList() throws Exception {
    support.identityVerified(reference);
    start();
    propose("demo");
    String task = support.task(reference, Elements.CONFIRM_ERASURE_LIST).getId();
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    JsonNode revokes = json.readTree(admin.get("/authorization?type=2&userIdIn=demo&resourceType=7&resourceId="
        + task).body());
    assertThat(revokes).isNotEmpty();
    for (JsonNode revoke : revokes) {
      assertThat(admin.delete("/authorization/" + revoke.path("id").asText()).status()).isEqualTo(204);
    }
    assertThat(admin.put("/process-instance/" + instance + "/variables/erasureProposer",
        "{\"value\":\"desk\",\"type\":\"String\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors proposer = EngineDoors.as(door, port, "demo");
      EngineDoors.Response claim = proposer.post("/task/" + task + "/claim", "{\"userId\":\"demo\"}");
      EngineDoors.Response complete = proposer.post("/task/" + task + "/submit-form",
          "{\"variables\":{\"erasureListConfirmed\":{\"value\":true}}}");
      assertThat(claim.status()).as(door + " " + claim.body()).isEqualTo(403);
      assertThat(complete.status()).as(door + " " + complete.body()).isEqualTo(403);
      assertThat(message(complete)).contains("Vier ogen", "demo");
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    for (Door door : Door.values()) {
      assertRefusedModification(door, "tweede medewerker", "ERA-4");
    }
    assertNothingErased();

    support.complete("officer", reference, Elements.CONFIRM_ERASURE_LIST, Map.of("erasureListConfirmed", true));
    assertThat(exists("marketing", tenant.preference())).isFalse();
    assertThat(jdbc.queryForMap("SELECT proposed_by, confirmed_by FROM privacy.erasure_case WHERE reference = ?",
        reference)).containsValues("demo", "officer");
  }

  private void assertRefusedModification(Door door, String... reason) throws Exception {
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    EngineDoors.Response modification = EngineDoors.as(door, port, "demo").post("/process-instance/" + instance
        + "/modification", """
        {"skipCustomListeners":true,"instructions":[{"type":"startBeforeActivity","activityId":"%s",
          "variables":{"erasureListConfirmed":{"value":true}}}]}""".formatted(Elements.EXECUTE_ERASURE));
    assertThat(modification.status()).as(door + " " + modification.body()).isEqualTo(403);
    assertThat(message(modification)).contains(reference).contains(reason);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.OPERATOR_ACTION")).isEmpty();
  }

  private void start() {
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    // started as the calling data-subject-request would
    instance = support.as("demo", () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(
        ErasureProcess.KEY, reference, variables))).getId();
  }

  private void propose(String user) {
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenant.tenancyNumber());
    form.put("itemDecisions", null);
    form.put("recipientExceptions", null);
    support.complete(user, reference, Elements.PROPOSE_ERASURE_LIST, form);
  }

  private void assertNothingErased() {
    assertThat(exists("marketing", tenant.preference())).isTrue();
    assertThat(exists("contacts", tenant.contact())).isTrue();
    assertThat(jdbc.queryForMap("SELECT confirmed_by, executed_at FROM privacy.erasure_case WHERE reference = ?",
        reference).values()).containsOnlyNulls();
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).doesNotContain("request-erasure-result");
  }

  private boolean exists(String system, String itemId) {
    return sources.source(system).item(itemId).isPresent();
  }

  private String message(EngineDoors.Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }
}
