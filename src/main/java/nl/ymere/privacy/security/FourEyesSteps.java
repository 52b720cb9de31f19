package nl.ymere.privacy.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.ymere.privacy.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who did the first step of a four-eyes pair, kept in the product's table {@code privacy.four_eyes_step} when it
 * happens (DESIGN principles 6 and 9). The {@link FourEyesTaskListener} of the second step reads it there; the
 * process variable of the same name only mirrors it for the diagram and Cockpit and is never read for a decision,
 * so neither a caller who sets variables nor an operator who edits them can take the first user's place.
 */
@Component
public class FourEyesSteps {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  FourEyesSteps(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The user completed the first step in this task; mirrored in the variable {@code role}. */
  public void recordFirstStep(DelegateTask task, ProcessVariable<String> role, String user) {
    recordFirstStep(task.getExecution(), role, user);
  }

  /** The user did the first step in this execution's process (e.g. requested it at the start). */
  public void recordFirstStep(DelegateExecution execution, ProcessVariable<String> role, String user) {
    recordFirstStep(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), role.name(), user);
    role.set(execution, user);
  }

  /**
   * The user did the first step through the product (an API call) for the process instance; the caller mirrors the
   * variable itself if the diagram shows it.
   */
  public void recordFirstStep(String processInstanceId, String caseReference, String role, String user) {
    if (user == null || user.isBlank()) {
      throw new FourEyesViolationException("Vier ogen: deze stap kan alleen door een ingelogde gebruiker worden "
          + "gedaan.");
    }
    jdbc.update("INSERT INTO privacy.four_eyes_step (process_instance_id, case_reference, role, user_id, "
        + "recorded_at) VALUES (?, ?, ?, ?, ?)", processInstanceId, caseReference, role, user,
        Timestamp.from(clock.instant()));
  }

  /** Every user recorded for the role in any process instance of the case (its business key). */
  public Set<String> usersOfCase(String caseReference, String role) {
    return new LinkedHashSet<>(jdbc.queryForList("SELECT user_id FROM privacy.four_eyes_step WHERE "
        + "case_reference = ? AND role = ? ORDER BY id", String.class, caseReference, role));
  }

  /** Every user recorded for the role in the process instance (whoever took part in the first step, in any round). */
  public Set<String> firstStepUsers(String processInstanceId, String role) {
    return new LinkedHashSet<>(jdbc.queryForList("SELECT user_id FROM privacy.four_eyes_step WHERE "
        + "process_instance_id = ? AND role = ? ORDER BY id", String.class, processInstanceId, role));
  }
}
