package nl.ymere.privacy.cluster;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The side effect of the cluster proof's timer: one row per execution of the service task behind it, with the
 * name of the engine whose job executor ran it. The row is written on its own connection, outside the engine's
 * transaction, so it also counts an execution whose transaction were rolled back: a stricter "ran once" check.
 * Public because the engine's expression language only invokes methods of public classes.
 */
public class SideEffectRecorder {

  static final String TABLE = "cluster_side_effect";

  private final JdbcTemplate jdbc;

  SideEffectRecorder(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void createTable() {
    jdbc.execute("CREATE TABLE " + TABLE + " (id BIGSERIAL PRIMARY KEY, process_instance_id VARCHAR(64) NOT NULL,"
        + " engine_name VARCHAR(64) NOT NULL, recorded_at TIMESTAMP NOT NULL DEFAULT now())");
  }

  /** Called from the BPMN as {@code ${sideEffects.record(execution)}}. */
  public void record(DelegateExecution execution) {
    jdbc.update("INSERT INTO " + TABLE + " (process_instance_id, engine_name) VALUES (?, ?)",
        execution.getProcessInstanceId(), execution.getProcessEngine().getName());
  }
}
