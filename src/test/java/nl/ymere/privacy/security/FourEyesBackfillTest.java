package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V21__FourEyesBackfill;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upgrade of a database from before the four-eyes table (V21): an open case whose first step was known only from
 * its mirror variable gets its row in {@code privacy.four_eyes_step}, so its second step can still be done.
 */
@IntegrationTest
class FourEyesBackfillTest {

  @Autowired DataSource dataSource;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired FourEyesSteps steps;

  @Test
  void anOpenCaseOfAnEarlierVersionGetsItsFirstStepFromTheMirrorVariable() throws Exception {
    String deployment = repositoryService.createDeployment().addModelInstance("backfill-probe.bpmn",
        Bpmn.createExecutableProcess("backfill-probe").camundaHistoryTimeToLive(1).startEvent()
            .userTask("UserTask_Second").endEvent().done()).deploy().getId();
    try {
      String instance = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey("backfill-probe",
          "FS-BACKFILL-1", Map.of("firstAssessor", "assessor1", "note", "not a role")).getId());
      assertThat(steps.firstStepUsers(instance, "firstAssessor")).isEmpty();

      try (Connection connection = dataSource.getConnection()) {
        new V21__FourEyesBackfill().migrate(context(connection));
      }

      assertThat(steps.firstStepUsers(instance, "firstAssessor")).containsExactly("assessor1");
      assertThat(jdbc.queryForObject("SELECT case_reference FROM privacy.four_eyes_step WHERE process_instance_id = ?",
          String.class, instance)).isEqualTo("FS-BACKFILL-1");
      assertThat(steps.firstStepUsers(instance, "note")).isEmpty();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
