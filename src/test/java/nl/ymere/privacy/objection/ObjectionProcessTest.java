package nl.ymere.privacy.objection;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.objection.ObjectionProcess.Elements;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** dsr-objection (issue 5 build item 6): OBJ-2 without a human task, OBJ-3 balanced four-eyes, SD-7, SD-8, RES-3. */
@IntegrationTest
class ObjectionProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final String REASONS = "Het werkdossier is nodig voor de lopende huurovereenkomst en weegt zwaarder.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
  @Autowired ObjectionService objections;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Bram Bezwaarmaker" + n, "bram" + n + "@voorbeeld.nl", "HV-7" + n,
        "NL91ABNA06" + String.format("%08d", n));
    reference = support.register(command(RequestRight.OBJECTION, TODAY, tenant.name(), tenant.email()))
        .reference();
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource)
        .text(tenant.name(), tenant.email(), tenant.tenancyNumber(), tenant.iban(), REASONS)
        .dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldStopDirectMarketingAtOnceWithoutAHumanTask() {
    assertThat(restricted("marketing", tenant.preference())).isFalse();

    ProcessInstance instance = start("DIRECT_MARKETING");

    // OBJ-2: absolute, no balancing: the instance ended in the starting transaction, no task was ever created
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.STOP_DIRECT_MARKETING, Elements.SEND_LETTER);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(outcome(instance)).isEqualTo("GRANTED");
    assertThat(restricted("marketing", tenant.preference())).isTrue();
    // SD-8: the suppression entry keeps the objection working; legitimate-interest items are not touched
    assertThat(objections.suppressed(tenant.email())).isTrue();
    assertThat(restricted("contacts", tenant.contact())).isFalse();
    assertThat(letter("request-objection-result")).contains("direct gestopt", "geen direct marketing",
        "stopped at once").doesNotContain("rechtbank");
  }

  @Test
  void shouldRestrictPendingTheDecisionAndKeepItStoppedWhenUpheldFourEyes() {
    ProcessInstance instance = start("LEGITIMATE_INTEREST");
    BpmnAwareTests.assertThat(instance).isWaitingAt(Elements.WEIGH_OBJECTION);

    weigh("deskofficer", false);
    // SD-7: restricted until the decision, including what the tenancy number found
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    assertThat(support.task(reference, Elements.CONFIRM_BALANCE).getDescription())
        .contains("worknotes/" + tenant.workNote() + " BEPERKT");
    assertThat(restricted("marketing", tenant.preference())).isFalse();

    // OBJ-3 four eyes: the weigher cannot confirm
    assertThatThrownBy(() -> confirm("deskofficer")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("deskofficer");
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    confirm("officer");

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.KEEP_STOPPED);
    assertThat(outcome(instance)).isEqualTo("GRANTED");
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    assertThat(letter("request-objection-result")).contains("gegrond", "upheld");
    assertThat(jdbc.queryForObject("SELECT weighed_by || '/' || confirmed_by FROM privacy.objection_case "
        + "WHERE reference = ?", String.class, reference)).isEqualTo("deskofficer/officer");
  }

  @Test
  void shouldLiftTheRestrictionAfterANoticeWhenRejectedAndSendTheRefusalLetter() {
    ProcessInstance instance = start(null);

    weigh("deskofficer", true);
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
    assertThatThrownBy(() -> confirm("deskofficer")).isInstanceOf(ProcessEngineException.class);
    confirm("officer");

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.LIFT_RESTRICTION);
    assertThat(outcome(instance)).isEqualTo("REFUSED");
    assertThat(restricted("worknotes", tenant.workNote())).isFalse();
    // Art 18(3): the notice is queued before the refusal letter
    List<String> templates = support.outbox(reference).stream().map(m -> (String) m.get("template"))
        .filter(t -> t.startsWith("request-restriction") || t.startsWith("request-objection")).toList();
    assertThat(templates).containsExactly("request-restriction-lift-notice", "request-objection-result");
    assertThat(letter("request-objection-result")).contains("afgewezen", REASONS, "Autoriteit Persoonsgegevens",
        "rechtbank", "zes weken");
  }

  @Test
  void shouldRefuseAWeighingWithoutDocumentedReasonsAndChangeNothing() {
    start("LEGITIMATE_INTEREST");
    Map<String, Object> form = new HashMap<>();
    form.put("compellingGrounds", true);
    form.put("balancingReasons", "te kort");
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.WEIGH_OBJECTION, form))
        .hasMessageContaining("20");
    assertThat(support.task(reference, Elements.WEIGH_OBJECTION)).isNotNull();
  }

  @Test
  void shouldSendTheBalanceBackWhenTheOfficerDoesNotConfirm() {
    ProcessInstance instance = start("LEGITIMATE_INTEREST");
    weigh("desk", true);
    support.complete("officer", reference, Elements.CONFIRM_BALANCE, Map.of("objectionBalanceConfirmed", false));

    BpmnAwareTests.assertThat(instance).isWaitingAt(Elements.WEIGH_OBJECTION);
    assertThat(restricted("worknotes", tenant.workNote())).isTrue();
  }

  private ProcessInstance start(String scope) {
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    if (scope != null) {
      variables.put("objectionScope", scope);
    }
    return support.as("demo",
        () -> runtimeService.startProcessInstanceByKey(ObjectionProcess.KEY, reference, variables));
  }

  private void weigh(String user, boolean compellingGrounds) {
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenant.tenancyNumber());
    form.put("compellingGrounds", compellingGrounds);
    form.put("balancingReasons", REASONS);
    support.complete(user, reference, Elements.WEIGH_OBJECTION, form);
  }

  private void confirm(String user) {
    support.complete(user, reference, Elements.CONFIRM_BALANCE, Map.of("objectionBalanceConfirmed", true));
  }

  private boolean restricted(String system, String itemId) {
    return sources.source(system).item(itemId).orElseThrow().restricted();
  }

  private String outcome(ProcessInstance instance) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("outcome").singleResult().getValue();
  }

  private String letter(String template) {
    List<Map<String, Object>> letters = support.outbox(reference).stream()
        .filter(m -> template.equals(m.get("template"))).toList();
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
