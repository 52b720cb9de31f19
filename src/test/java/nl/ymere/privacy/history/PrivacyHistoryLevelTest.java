package nl.ymere.privacy.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's history level keeps personal data out of the history tables (DESIGN principle 2, SEC-3): variables
 * off {@code privacy.history.variable-allow-list} leave no ACT_HI_VARINST or ACT_HI_DETAIL row, submitted form
 * fields leave no form-property detail, and decision evaluations keep their outputs but no input values.
 */
@IntegrationTest
class PrivacyHistoryLevelTest {

  private static final String PROCESS_KEY = "history-level-probe";
  private static final String PERSON = "Hendrika Geschiedenis";

  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private TaskService taskService;
  @Autowired private FormService formService;
  @Autowired private HistoryService historyService;
  @Autowired private DecisionService decisionService;
  @Autowired private ManagementService managementService;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private DataSource dataSource;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTestDeployments() {
    for (String deployment : deployments) {
      repositoryService.createDecisionDefinitionQuery().deploymentId(deployment).list().stream()
          .map(DecisionDefinition::getId)
          .forEach(historyService::deleteHistoricDecisionInstanceByDefinitionId);
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void engineRunsThePrivacyHistoryLevel() {
    assertThat(managementService.getHistoryLevel()).isEqualTo(AllowListHistoryLevel.ID);
  }

  @Test
  void variableOffTheAllowListLeavesNoHistoryRowAndOneOnItDoes() {
    String instance = startProbe(Map.of("reference", "AVG-HIST-0001", "requesterName", PERSON));
    ProductCalls.run(() -> {
      runtimeService.setVariable(instance, "status", "REGISTERED");
      runtimeService.setVariable(instance, "requesterName", PERSON + " Jr");
    });

    assertThat(historyRows("ACT_HI_VARINST", instance, "requesterName")).isZero();
    assertThat(historyRows("ACT_HI_DETAIL", instance, "requesterName")).isZero();
    assertThat(historyRows("ACT_HI_VARINST", instance, "reference")).isOne();
    // the current value only: changes are not copied into ACT_HI_DETAIL (the product's event log records them)
    assertThat(historyRows("ACT_HI_VARINST", instance, "status")).isOne();
    assertThat(historyRows("ACT_HI_DETAIL", instance, "status")).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(HistoricVariableInstance::getName)
        .containsExactlyInAnyOrder("reference", "status");
    // the variable itself works as usual while the instance runs
    assertThat(runtimeService.getVariable(instance, "requesterName")).isEqualTo(PERSON + " Jr");
  }

  @Test
  void submittedFormFieldsLeaveNoFormPropertyHistory() {
    String instance = startProbe(Map.of("reference", "AVG-HIST-0002"));
    String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();

    // the probe has no form: submitted as the product would (through the engine door only form fields pass)
    ProductCalls.run(() -> formService.submitTaskForm(task, Map.of("outcome", "GRANTED", "requesterEmail",
        "h.geschiedenis@example.test")));

    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).formFields().count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(HistoricVariableInstance::getName)
        .containsExactlyInAnyOrder("reference", "outcome");
    assertThat(PersonalDataScan.of(dataSource).text("h.geschiedenis@example.test").hits()).isEmpty();
  }

  @Test
  void decisionHistoryKeepsTheOutputsButNoInputValues() {
    deployments.add(repositoryService.createDeployment()
        .addClasspathResource("history/history-probe.dmn")
        .deploy().getId());

    decisionService.evaluateDecisionTableByKey("history-probe-decision",
        Variables.putValue("requesterName", PERSON).putValue("age", 15));

    HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("history-probe-decision").includeInputs().includeOutputs().singleResult();
    assertThat(decision.getInputs()).isEmpty();
    assertThat(decision.getOutputs()).singleElement()
        .satisfies(output -> assertThat(output.getValue()).isEqualTo("PARENTAL_AUTHORITY"));
    assertThat(PersonalDataScan.of(dataSource).text(PERSON).hits()).isEmpty();
  }

  @Test
  void personalDataStaysInTheRuntimeTablesOnly() {
    startProbe(Map.of("reference", "AVG-HIST-0003", "requesterName", PERSON));

    assertThat(PersonalDataScan.of(dataSource).text(PERSON).hits())
        .isNotEmpty()
        .allSatisfy(hit -> assertThat(hit).startsWith("ACT_RU_VARIABLE."));
  }

  /**
   * Gateways and none start events leave no activity history; every task and event around them does, and the
   * instance's start is in its own history row (issue 4).
   */
  @Test
  void gatewaysAndNoneStartEventsLeaveNoActivityHistoryAndEverythingElseDoes() {
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe")
        .parallelGateway("Gateway_Fork")
        .userTask("Task_Left").name("Links")
        .parallelGateway("Gateway_Join")
        .exclusiveGateway("Gateway_Choice")
        .condition("ja", "${true}")
        .eventBasedGateway().id("Gateway_AwaitSignal")
        .intermediateCatchEvent("CatchEvent_Message").message("history-probe-message")
        .endEvent("EndEvent_Probe")
        .moveToNode("Gateway_Fork")
        .userTask("Task_Right").name("Rechts")
        .connectTo("Gateway_Join")
        .moveToNode("Gateway_AwaitSignal")
        .intermediateCatchEvent("Timer_Probe").timerWithDuration("P1D")
        .endEvent("EndEvent_ProbeTimer")
        .moveToNode("Gateway_Choice")
        .condition("nee", "${false}")
        .endEvent("EndEvent_NotChosen")
        .done();
    deployments.add(repositoryService.createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", probe).deploy()
        .getId());
    String instance = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY).getId());
    taskService.createTaskQuery().processInstanceId(instance).list().forEach(t -> taskService.complete(t.getId()));
    ProductCalls.run(() -> runtimeService.createMessageCorrelation("history-probe-message")
        .processInstanceId(instance).correlate());

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
        .allSatisfy(a -> assertThat(a.getEndTime()).as(a.getActivityId()).isNotNull())
        .extracting(a -> a.getActivityId())
        .containsExactlyInAnyOrder("Task_Left", "Task_Right", "CatchEvent_Message", "EndEvent_Probe");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getStartActivityId()).isEqualTo("StartEvent_Probe");
  }

  /** A start event with a trigger (here a message) keeps its activity history: what started the instance. */
  @Test
  void aMessageStartEventKeepsItsActivityHistory() {
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_ProbeMessage").message("history-probe-start")
        .userTask("Task_Wait").name("Wachten")
        .endEvent()
        .done();
    deployments.add(repositoryService.createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", probe).deploy()
        .getId());
    String instance = ProductCalls.call(() -> runtimeService.startProcessInstanceByMessage("history-probe-start")
        .getId());

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
        .extracting(a -> a.getActivityId())
        .containsExactlyInAnyOrder("StartEvent_ProbeMessage", "Task_Wait");
  }

  private String startProbe(Map<String, Object> variables) {
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Wait").name("Wachten")
        .endEvent()
        .done();
    deployments.add(repositoryService.createDeployment()
        .addModelInstance(PROCESS_KEY + ".bpmn", probe)
        .deploy().getId());
    return ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables).getId());
  }

  private int historyRows(String table, String processInstanceId, String variableName) {
    Integer rows = jdbc.queryForObject("select count(*) from " + table + " where PROC_INST_ID_ = ? and NAME_ = ?",
        Integer.class, processInstanceId, variableName);
    return rows == null ? 0 : rows;
  }
}
