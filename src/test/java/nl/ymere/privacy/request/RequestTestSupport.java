package nl.ymere.privacy.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Drives requests the way staff do: as named, authenticated users, with the engine clock moved. */
@Component
public class RequestTestSupport {

  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired RequestRegistrationService registration;
  @Autowired RequestRepository requests;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired RightProcessProperties rightProcesses;

  /** Moves the engine clock (and so the product clock) to this Amsterdam date and time. */
  public void setNow(LocalDate date, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(date.atTime(hour, minute), AMSTERDAM).toInstant()));
  }

  /** Moves the engine clock (and so the product clock) to this instant. */
  public void setNow(java.time.Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public void resetClock() {
    ClockUtil.reset();
  }

  public RequestRecord register(RegisterRequestCommand command) {
    return as("desk", () -> registration.register(command, "desk"));
  }

  /**
   * ID-1: the request's identity verified, as the identity check records it in {@code privacy.dsr_request}. A test
   * that starts a fulfilment sub-process directly (as the call activity would after the check) needs it: every
   * fulfilment step asks the identity gate first (issue 14).
   */
  public void identityVerified(String reference) {
    RequestRecord request = requests.getByReference(reference);
    requests.updateIdentityStatus(request.id(), IdentityStatus.VERIFIED, RequestStatus.IN_PROGRESS);
  }

  public static RegisterRequestCommand command(RequestRight right, LocalDate receivedOn, String name, String email) {
    return new RegisterRequestCommand(right, nl.ymere.privacy.web.DateOrDateTime.of(receivedOn), Channel.EMAIL,
        new RegisterRequestCommand.Person(name, email, null, LocalDate.of(1980, 5, 17)), null, Representation.SELF,
        "Ik wil graag weten welke gegevens u van mij heeft.", "nl");
  }

  /**
   * The right used on the generic decide-and-answer path: every right has its {@code dsr-<right>} sub-process in the
   * shipped configuration, so tests of the fallback register with this right and then
   * {@link #routeToGenericPath take away its sub-process}.
   */
  public RequestRight genericPathRight() {
    return RequestRight.RESTRICTION;
  }

  /**
   * Registers the request as if its right had no entry in {@code privacy.request.right-processes} (an operator may
   * leave one out): the main process's {@code rightProcess} is emptied before it reaches {@code Gateway_RightRoute},
   * which then takes the generic decision task.
   */
  public RequestRecord registerOnGenericPath(RegisterRequestCommand command) {
    RequestRecord request = register(command);
    ProductCalls.run(() -> runtimeService.setVariable(request.processInstanceId(),
        DataSubjectRequestProcess.Variables.RIGHT_PROCESS.name(), null));
    return request;
  }

  public Task task(String reference, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .singleResult();
  }

  public List<Task> openTasks(String reference) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).active().list();
  }

  /** Claims and completes the task as the user, with the user's groups as engine authentication. */
  public void complete(String user, String reference, String taskKey, Map<String, Object> variables) {
    Task task = task(reference, taskKey);
    assertThat(task).as("open task %s of %s", taskKey, reference).isNotNull();
    as(user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
      return null;
    });
  }

  public <T> T as(String user, java.util.function.Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Every job of the request: its own instance and the called identity-verification instance. */
  public List<Job> jobs(String reference, boolean onlyExecutable) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
        .flatMap(pi -> {
          var query = managementService.createJobQuery().processInstanceId(pi.getId());
          return (onlyExecutable ? query.executable() : query).list().stream();
        }).toList();
  }

  public List<Job> timers(String reference) {
    return jobs(reference, false).stream().filter(j -> j.getDuedate() != null).toList();
  }

  public Job timer(String reference, String activityId) {
    return timers(reference).stream().filter(j -> activityId.equals(activityIdOf(j))).findFirst().orElse(null);
  }

  public String activityIdOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  public void execute(Job job) {
    managementService.executeJob(job.getId());
  }

  /** Executes every timer that is due at the current engine time, repeatedly, as the job executor would. */
  public int executeDueTimers(String reference) {
    int executed = 0;
    for (int round = 0; round < 20; round++) {
      List<Job> due = jobs(reference, true);
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }

  public static Instant at(LocalDate date, int hour, int minute, int second) {
    return ZonedDateTime.of(date.atTime(hour, minute, second), AMSTERDAM).toInstant();
  }

  public List<String> eventTypes(String reference) {
    return jdbc.queryForList("SELECT e.type FROM privacy.dsr_event e JOIN privacy.dsr_request r ON r.id = e.request_id "
        + "WHERE r.reference = ? ORDER BY e.id", String.class, reference);
  }

  public List<Map<String, Object>> outbox(String reference) {
    return jdbc.queryForList("SELECT template, recipient, recipient_role, channel, status, subject, body_html FROM "
        + "privacy.outbox_message WHERE reference = ? ORDER BY id", reference);
  }
}
