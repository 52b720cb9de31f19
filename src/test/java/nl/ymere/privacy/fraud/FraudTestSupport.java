package nl.ymere.privacy.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Drives fraud signals as named, authenticated users with the engine clock moved (like RequestTestSupport). */
@Component
public class FraudTestSupport {

  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** A third fraud assessor, created by the tests that need one (the demo has two). */
  public static final String THIRD_ASSESSOR = "assessor3-test";

  @Autowired FraudSignalRegistrationService registration;
  @Autowired FraudSignalRepository signals;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired FraudRetentionSweep retentionSweep;

  public void setNow(LocalDate date, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(date.atTime(hour, minute), AMSTERDAM).toInstant()));
  }

  public void resetClock() {
    ClockUtil.reset();
  }

  public String register(String user, RegisterFraudSignalCommand command) {
    return as(user, () -> registration.register(command, user));
  }

  public static RegisterFraudSignalCommand signal(SignalSource source, String address, String tenant,
      String description, RegisterFraudSignalCommand.Indicators indicators) {
    return new RegisterFraudSignalCommand(source, address, "HC-778812", tenant, description, indicators, null);
  }

  public Task task(String reference, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .singleResult();
  }

  public void complete(String user, String reference, String taskKey, Map<String, Object> variables) {
    Task task = task(reference, taskKey);
    assertThat(task).as("open task %s of %s", taskKey, reference).isNotNull();
    as(user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
      return null;
    });
  }

  public long visibleTasks(String user, String reference, String taskKey) {
    return as(user, () -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskKey).count());
  }

  public <T> T as(String user, Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public Job timer(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
  }

  /** The signal's fraud-signal-assessment process instance id. */
  public String processInstanceOf(String reference) {
    return signals.getByReference(reference).processInstanceId();
  }

  /** Runs the sweep that deletes dismissed signals past retention whose process no longer waits to do it. */
  public int sweepDismissedSignals() {
    return retentionSweep.deleteDismissedPastRetention();
  }

  public void ensureThirdAssessor() {
    if (identityService.createUserQuery().userId(THIRD_ASSESSOR).count() == 0) {
      User user = identityService.newUser(THIRD_ASSESSOR);
      user.setFirstName("Cor");
      user.setLastName("Beoordelaar");
      user.setPassword(THIRD_ASSESSOR);
      identityService.saveUser(user);
      identityService.createMembership(THIRD_ASSESSOR, "fraud-assessors");
    }
  }

  public FraudSignal signal(String reference) {
    return signals.getByReference(reference);
  }

  public List<Map<String, Object>> outbox(String reference) {
    return jdbc.queryForList("SELECT template, recipient, channel, status FROM privacy.outbox_message "
        + "WHERE reference = ? ORDER BY id", reference);
  }
}
