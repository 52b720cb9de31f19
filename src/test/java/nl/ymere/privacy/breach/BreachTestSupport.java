package nl.ymere.privacy.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.ymere.privacy.breach.BreachProcess.Elements;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Drives breaches the way staff do: as named users through the forms' fields, with the engine clock moved. */
@Component
public class BreachTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired BreachRepository breaches;
  @Autowired JdbcTemplate jdbc;

  /** Sets the engine's (and so the product's) clock; ClockUtil is the engine's documented test clock. */
  public static void setNow(OffsetDateTime now) {
    ClockUtil.setCurrentTime(Date.from(now.toInstant()));
  }

  /** The start form's fields: a lost laptop with tenancy data of about 40 tenants. */
  public static Map<String, Object> report(String marker, OffsetDateTime detectedAt) {
    Map<String, Object> form = new HashMap<>();
    form.put("description", "Laptop van een wijkbeheerder gestolen uit de auto " + marker);
    form.put("detectedAt", detectedAt.toString());
    form.put("systems", "Laptop met lokale kopie huuradministratie " + marker);
    form.put("dataContact", true);
    form.put("dataTenancy", true);
    form.put("personsEstimate", 40L);
    form.put("recordsEstimate", 40L);
    form.put("contained", false);
    return form;
  }

  /** Reports through the Tasklist start form as this user; returns the breach reference. */
  public String report(String user, Map<String, Object> form) {
    ProcessInstance instance = as(user, () -> runtimeService.startProcessInstanceByKey(BreachProcess.KEY, form));
    return jdbc.queryForObject("SELECT reference FROM privacy.breach WHERE process_instance_id = ?", String.class,
        instance.getId());
  }

  public Breach breach(String reference) {
    return breaches.getByReference(reference);
  }

  ProcessInstance instance(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
  }

  Task task(String reference, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .singleResult();
  }

  List<Task> openTasks(String reference) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).list();
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

  <T> T as(String user, Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The timer jobs of the breach, by activity id. */
  Map<String, Job> timers(String reference) {
    Map<String, Job> timers = new HashMap<>();
    for (Job job : managementService.createJobQuery().processInstanceId(instance(reference).getId()).timers().list()) {
      String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId();
      timers.put(activity, job);
    }
    return timers;
  }

  /** Executes every job of the breach that is due at the engine's current time, as the job executor would. */
  void executeDueJobs(String reference) {
    for (int round = 0; round < 10; round++) {
      ProcessInstance instance = instance(reference);
      if (instance == null) {
        return;
      }
      List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  List<Map<String, Object>> outbox(String reference, String template) {
    return jdbc.queryForList("SELECT recipient, recipient_role, channel, created_at FROM privacy.outbox_message "
        + "WHERE reference = ? AND template = ? ORDER BY id", reference, template);
  }

  // the steps, as the forms submit them

  public void recordAwareness(String reference, OffsetDateTime awarenessAt, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put("awarenessAt", awarenessAt.toString());
    if (reason != null) {
      form.put("awarenessReason", reason);
    }
    complete("fg", reference, Elements.RECORD_AWARENESS, form);
  }

  void assess(String reference, Map<String, Object> facts, String marker) {
    Map<String, Object> form = new HashMap<>();
    form.put("specialCategory", false);
    form.put("criminalData", false);
    form.put("identifiable", true);
    form.put("encryptedKeySafe", false);
    form.put("recipientTrustedDeleted", false);
    form.put("vulnerablePersons", false);
    form.put("consequenceLevel", "LIMITED");
    form.put("consequencesText", "Huurders kunnen ongewenst benaderd worden " + marker);
    form.put("measures", "Laptop op afstand gewist, wachtwoorden gewijzigd " + marker);
    form.putAll(facts);
    complete("officer", reference, Elements.ASSESS_RISK, form);
  }

  void adviseFg(String reference, String marker) {
    complete("fg", reference, Elements.ADVISE_RISK, Map.of("fgAdvice", "NOTIFY", "fgAdviceText",
        "Melden, de schatting is onzeker " + marker));
  }

  void decide(String user, String reference, String risk, String marker) {
    complete(user, reference, Elements.DECIDE_RISK, Map.of("riskDecision", risk, "decisionReason",
        "Herleidbare huurgegevens bij onbekende dief " + marker));
  }

  void confirm(String user, String reference) {
    complete(user, reference, Elements.CONFIRM_RISK, Map.of("riskConfirmed", true));
  }

  public void notifyAp(String reference, OffsetDateTime notifiedAt, boolean complete, String delayReasons) {
    if (ClockUtil.getCurrentTime().toInstant().isBefore(notifiedAt.toInstant())) {
      setNow(notifiedAt.plusMinutes(1));
    }
    Map<String, Object> form = new HashMap<>();
    form.put("notifiedAt", notifiedAt.toString());
    form.put("apCaseNumber", "AP-MELD-" + notifiedAt.toEpochSecond());
    form.put("notificationComplete", complete);
    if (delayReasons != null) {
      form.put("delayReasons", delayReasons);
    }
    complete("officer", reference, Elements.NOTIFY_AP, form);
  }

  /** From report to a confirmed decision: awareness at {@code awarenessAt}, the decision as given. */
  public String decided(String marker, OffsetDateTime awarenessAt, Map<String, Object> facts, String risk) {
    setNow(awarenessAt.plusMinutes(30));
    String reference = report("facility", report(marker, awarenessAt.minusHours(1)));
    recordAwareness(reference, awarenessAt, "Pas na controle van de back-up bleek dat persoonsgegevens op de "
        + "laptop stonden " + marker);
    assess(reference, facts, marker);
    adviseFg(reference, marker);
    decide("officer", reference, risk, marker);
    confirm("deskofficer", reference);
    return reference;
  }

  public Instant deadline(String reference) {
    return breach(reference).deadlineAt();
  }
}
