package nl.ymere.privacy.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention covers the engine too (DESIGN principle 8, RET-6): with the removal-time strategy "end" a finished
 * instance's history gets removal time = end + historyTimeToLive, and the history cleanup removes it once that time
 * has passed, while history of a process with a longer time to live stays. A legal hold (RET-4) is a changed
 * removal time, set through {@code historyService.setRemovalTimeToHistoricProcessInstances()}.
 */
@IntegrationTest
class HistoryRetentionTest {

  private static final String SHORT_LIVED = "retention-probe-one-day";
  private static final String LONG_LIVED = "retention-probe-thirty-days";
  /** The cleanup deletes in batches; a few runs clear whatever else expired in the shared test database. */
  private static final int MAX_CLEANUP_RUNS = 10;

  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private HistoryService historyService;
  @Autowired private ManagementService managementService;

  private final List<String> deployments = new ArrayList<>();
  private Instant now;

  @BeforeEach
  void freezeClock() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(now));
    deploy(SHORT_LIVED, 1);
    deploy(LONG_LIVED, 30);
  }

  @AfterEach
  void resetClockAndRemoveTestDeployments() {
    ClockUtil.reset();
    deployments.forEach(deployment -> repositoryService.deleteDeployment(deployment, true));
  }

  @Test
  void expiredHistoryIsCleanedUpAndUnexpiredHistoryStays() {
    String expiring = runToEnd(SHORT_LIVED);
    String kept = runToEnd(LONG_LIVED);
    assertThat(removalTime(expiring)).isEqualTo(Date.from(now.plus(Duration.ofDays(1))));
    assertThat(historicVariables(expiring)).isOne();

    moveClockTo(now.plus(Duration.ofDays(2)));
    cleanUpUntilGone(expiring);

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(expiring).count()).isZero();
    assertThat(historicVariables(expiring)).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(expiring).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(kept).count()).isOne();
    assertThat(historicVariables(kept)).isOne();
  }

  @Test
  void legalHoldMovesTheRemovalTimeSoCleanupKeepsTheInstance() {
    String held = runToEnd(SHORT_LIVED);
    Date holdUntil = Date.from(now.plus(Duration.ofDays(180)));

    executeBatch(historyService.setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(holdUntil)
        .byIds(held)
        .hierarchical()
        .executeAsync());
    moveClockTo(now.plus(Duration.ofDays(2)));
    runCleanup();

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(held).count()).isOne();
    assertThat(removalTime(held)).isEqualTo(holdUntil);
    assertThat(historicVariables(held)).isOne();
  }

  private void deploy(String key, int historyTimeToLiveDays) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(historyTimeToLiveDays)
        .startEvent()
        .endEvent()
        .done();
    deployments.add(repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy().getId());
  }

  private String runToEnd(String key) {
    String id = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(key,
        Variables.putValue("reference", "AVG-RET-" + key)).getId());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isOne();
    return id;
  }

  private Date removalTime(String processInstanceId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getRemovalTime();
  }

  private long historicVariables(String processInstanceId) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count();
  }

  private void cleanUpUntilGone(String processInstanceId) {
    for (int run = 0; run < MAX_CLEANUP_RUNS
        && historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        run++) {
      runCleanup();
    }
  }

  /** What the job executor does in the nightly window, now. */
  private void runCleanup() {
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());
  }

  private void executeBatch(Batch batch) {
    managementService.executeJob(jobOf(batch.getSeedJobDefinitionId()).getId());
    managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    managementService.executeJob(jobOf(batch.getMonitorJobDefinitionId()).getId());
  }

  private Job jobOf(String jobDefinitionId) {
    return managementService.createJobQuery().jobDefinitionId(jobDefinitionId).singleResult();
  }

  private static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
