package nl.ymere.privacy.security.attacks;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.erasure.ErasureProcess;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 item 11: bad input on a task form, submitted the way Tasklist does it (the engine REST API's and the
 * webapps' {@code task/{id}/submit-form}), answered 500 with engine internals (ENGINE-… TaskListener text). The
 * product's form validation in task listeners now refuses with {@code RefusedStepException} (INVALID_INPUT): 400 with
 * the Dutch message, and nothing changed (product tables, engine tables, outbox).
 */
@IntegrationTest
class TaskFormInputRefusalAttackTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired RequestTestSupport support;

  Tenant tenant;
  String reference;

  @BeforeEach
  void setUp() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Ivo Invoerfout" + n, "ivo" + n + "@voorbeeld.nl", "HV-7" + n,
        "NL91ABNA03" + String.format("%08d", n));
    reference = support.register(command(RequestRight.ERASURE, TODAY, tenant.name(), tenant.email())).reference();
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.tenancyNumber(),
        tenant.iban()).hits()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: an unknown identity method")
  @EnumSource(Door.class)
  void anUnknownIdentityMethodIsRefusedWith400(Door door) throws Exception {
    String task = support.task(reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD).getId();

    EngineDoors.Response answer = submitAsDesk(door, task, Map.of("identityMethod", "TELEPATHIE",
        "identityResult", "VERIFIED"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(message(answer)).endsWith("Kies hoe de identiteit wordt vastgesteld.");
    assertThat(answer.body()).doesNotContain("ENGINE-", "TaskListener");
  }

  /** ERA-2, LET-3: keeping an item needs an exception ground and an end date. */
  @ParameterizedTest(name = "{0}: KEEP without an end date")
  @EnumSource(Door.class)
  void aKeepWithoutAnEndDateIsRefusedWith400(Door door) throws Exception {
    String task = erasureProposalTask();

    EngineDoors.Response answer = submitAsDesk(door, task, Map.of("itemDecisions",
        "tenancy/" + tenant.contract() + " KEEP LEGAL_CLAIMS"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(message(answer)).contains("einddatum", "ERA-2");
    assertThat(answer.body()).doesNotContain("ENGINE-", "TaskListener");
  }

  /** ERA-2, RET-4: an item under fiscal retention cannot be erased before its end date. */
  @ParameterizedTest(name = "{0}: erasing an item under fiscal retention")
  @EnumSource(Door.class)
  void erasingAnItemUnderFiscalRetentionIsRefusedWith400(Door door) throws Exception {
    String task = erasureProposalTask();

    EngineDoors.Response answer = submitAsDesk(door, task, Map.of("itemDecisions",
        "tenancy/" + tenant.recentPayment() + " ERASE"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(message(answer)).contains("tenancy/" + tenant.recentPayment(), "2032-12-31");
    assertThat(answer.body()).doesNotContain("ENGINE-", "TaskListener");
  }

  /** Claims as desk through the door, then submits the form there; the submission must change nothing. */
  private EngineDoors.Response submitAsDesk(Door door, String task, Map<String, String> fields) throws Exception {
    EngineDoors desk = EngineDoors.as(door, port, "desk");
    assertThat(desk.post("/task/" + task + "/claim", "{\"userId\":\"desk\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Map<String, Object> variables = new HashMap<>();
    fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    EngineDoors.Response answer = desk.post("/task/" + task + "/submit-form",
        json.writeValueAsString(Map.of("variables", variables)));
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertThat(support.task(reference, taskKey(task))).isNotNull();
    return answer;
  }

  private String taskKey(String taskId) {
    return support.openTasks(reference).stream().filter(t -> t.getId().equals(taskId)).findFirst()
        .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).orElse("(task " + taskId + " is gone)");
  }

  /** Started as the calling data-subject-request does (as ErasureProcessContract does). */
  private String erasureProposalTask() {
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    support.as("demo", () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(ErasureProcess.KEY,
        reference, variables)));
    return support.task(reference, ErasureProcess.Elements.PROPOSE_ERASURE_LIST).getId();
  }

  private String message(EngineDoors.Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }
}
