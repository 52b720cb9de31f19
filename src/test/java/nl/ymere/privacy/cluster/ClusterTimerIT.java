package nl.ymere.privacy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.PostgresTestServer;
import nl.ymere.privacy.support.RequiresPostgres;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Proof of the homogeneous cluster (DESIGN "Runtime picture"): two process engines on one PostgreSQL database,
 * each with its own job executor, fire every due timer exactly once between them, and both take part. Built with
 * the plain engine API, no Spring context. Runs in Failsafe; skipped without PostgreSQL, failed when CI=true.
 */
@RequiresPostgres
class ClusterTimerIT {

  static final String DATABASE = PostgresTestServer.testDatabaseName() + "_cluster_it";
  static final String PROCESS_KEY = "cluster-timer";
  static final int INSTANCES = 200;
  static final String NODE_A = "cluster-it-node-a";
  static final String NODE_B = "cluster-it-node-b";

  private final List<ProcessEngine> engines = new ArrayList<>();

  /** Without Spring Boot nothing configures logging, and Logback's default (DEBUG) would flood the report. */
  @BeforeAll
  static void quietLogging() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
  }

  @AfterEach
  void closeEngines() {
    engines.forEach(ProcessEngine::close);
  }

  @Test
  void everyDueTimerFiresExactlyOnceAcrossTwoEngines() {
    PostgresTestServer.recreateDatabase(DATABASE);
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
        PostgresTestServer.urlOf(DATABASE), PostgresTestServer.USER, PostgresTestServer.PASSWORD));
    SideEffectRecorder sideEffects = new SideEffectRecorder(jdbc);
    sideEffects.createTable();

    // The first engine creates the schema; the second starts on it afterwards and must find it complete.
    ProcessEngine nodeA = startEngine(NODE_A, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE, sideEffects);
    ProcessEngine nodeB = startEngine(NODE_B, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE, sideEffects);
    nodeA.getRepositoryService().createDeployment().name("cluster-timer-it")
        .addClasspathResource("cluster/cluster-timer.bpmn").deploy();

    // Timers already due when the job executors start: both nodes compete for the same 200 jobs.
    Date alreadyDue = Date.from(Instant.now().minus(Duration.ofHours(1)));
    List<String> instanceIds = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      ProcessEngine starter = i % 2 == 0 ? nodeA : nodeB;
      ProcessInstance instance = starter.getRuntimeService()
          .startProcessInstanceByKey(PROCESS_KEY, "cluster-" + i, Map.of("firesAt", alreadyDue));
      instanceIds.add(instance.getId());
    }
    assertThat(nodeB.getManagementService().createJobQuery().timers().executable().count()).isEqualTo(INSTANCES);

    jobExecutorOf(nodeA).start();
    jobExecutorOf(nodeB).start();

    await("all timers fired and all instances ended")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .failFast("a timer job failed", () -> nodeA.getManagementService().createJobQuery().withException().count() > 0)
        .until(() -> nodeA.getManagementService().createJobQuery().count() == 0
            && nodeA.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).finished().count() == INSTANCES);

    Map<String, Integer> executionsPerInstance = new HashMap<>();
    jdbc.query("SELECT process_instance_id, count(*) AS executions FROM " + SideEffectRecorder.TABLE
            + " GROUP BY process_instance_id",
        row -> {
          executionsPerInstance.put(row.getString("process_instance_id"), row.getInt("executions"));
        });
    assertThat(executionsPerInstance).containsOnlyKeys(instanceIds);
    assertThat(executionsPerInstance).allSatisfy((instanceId, executions) ->
        assertThat(executions).as("side effects of instance %s", instanceId).isEqualTo(1));

    Map<String, Integer> executionsPerEngine = new HashMap<>();
    jdbc.query("SELECT engine_name, count(*) AS executions FROM " + SideEffectRecorder.TABLE
            + " GROUP BY engine_name",
        row -> {
          executionsPerEngine.put(row.getString("engine_name"), row.getInt("executions"));
        });
    assertThat(executionsPerEngine).as("timers fired per engine").containsOnlyKeys(NODE_A, NODE_B);
    assertThat(executionsPerEngine.values()).allSatisfy(count -> assertThat(count).isPositive());
    System.out.println("[ClusterTimerIT] timers fired per engine: " + executionsPerEngine);
  }

  private ProcessEngine startEngine(String name, String schemaUpdate, SideEffectRecorder sideEffects) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name)
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUrl(PostgresTestServer.urlOf(DATABASE))
        .setJdbcUsername(PostgresTestServer.USER)
        .setJdbcPassword(PostgresTestServer.PASSWORD)
        .setDatabaseSchemaUpdate(schemaUpdate)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    // As the application (Camunda's Spring Boot starter defaults to id-generator "strong"): the engine's default
    // DbIdGenerator fetches id blocks on a second pooled connection, and ten busy job threads then starve the pool
    // until MyBatis reclaims connections after 20 s, failing and retrying jobs (seen here as double side effects).
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setBeans(Map.of("sideEffects", sideEffects));
    ProcessEngine engine = configuration.buildProcessEngine();
    engines.add(engine);
    return engine;
  }

  private static org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutorOf(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }
}
