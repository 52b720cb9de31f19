package nl.ymere.privacy.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.ymere.privacy.camera.CameraProtocolProcess.Elements;
import org.camunda.bpm.engine.HistoryService;
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

/** Drives camera protocols the way staff do: as named users through the forms' fields, with the engine clock moved. */
@Component
public class CameraTestSupport {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Demo user in facility and management: the four-eyes refusal of approving one's own request is exercised. */
  public static final String FACILITY_MANAGER = "facilitymanager";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired CameraProtocolService protocols;
  @Autowired DpiaScreeningService screenings;
  @Autowired JdbcTemplate jdbc;

  void setNow(LocalDate date, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(date.atTime(hour, minute), AMSTERDAM).toInstant()));
  }

  /** The start form's fields of an overt camera at a residential complex. */
  public static Map<String, Object> overtRequest(String marker) {
    Map<String, Object> form = new HashMap<>();
    form.put("locationType", "COMPLEX");
    form.put("locationName", "Complex De Linde " + marker);
    form.put("locationAddress", "Lindelaan 1-99, 1234 AB Amsterdam");
    form.put("areaType", "STORAGE");
    form.put("purpose", "PROTECT_PROPERTY");
    form.put("problem", "Herhaalde inbraken in de bergingen " + marker);
    form.put("incidents", "Inbraak 3 januari (melding PL-2026-001), inbraak 9 februari (PL-2026-017) " + marker);
    form.put("milderMeasures", "Extra sloten en verlichting geplaatst, buurtbeheerder loopt rondes " + marker);
    form.put("fieldOfView", "Alleen de gang van de bergingen, geen deuren van woningen " + marker);
    form.put("fieldOfViewConfirmed", true);
    form.put("covert", false);
    return form;
  }

  static Map<String, Object> covertRequest(String marker, LocalDate endDate) {
    Map<String, Object> form = overtRequest(marker);
    form.put("locationType", "OFFICE");
    form.put("locationName", "Kantoor Jarfijnstraat " + marker);
    form.put("areaType", "HALL");
    form.put("purpose", "PROTECT_STAFF");
    form.put("covert", true);
    form.put("covertSuspicion", "Vermoeden van diefstal uit de kluis na drie vermiste bedragen " + marker);
    form.put("covertEndDate", endDate.toString());
    return form;
  }

  /** Starts the protocol from the Tasklist start form as this user; returns the protocol reference. */
  public String start(String user, Map<String, Object> form) {
    ProcessInstance instance = as(user, () -> runtimeService.startProcessInstanceByKey(CameraProtocolProcess.KEY,
        form));
    return jdbc.queryForObject("SELECT reference FROM privacy.camera_protocol WHERE process_instance_id = ?",
        String.class, instance.getId());
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

  ProcessInstance instance(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
  }

  Job timer(String reference, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance(reference).getId()).timers().list().stream()
        .filter(job -> activityId.equals(managementService.createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
        .findFirst().orElse(null);
  }

  void execute(Job job) {
    managementService.executeJob(job.getId());
  }

  public CameraProtocol protocol(String reference) {
    return protocols.find(reference).orElseThrow();
  }

  public List<Map<String, Object>> outbox(String reference) {
    return jdbc.queryForList("SELECT template, recipient, recipient_role, channel FROM privacy.outbox_message "
        + "WHERE reference = ? ORDER BY id", reference);
  }

  // the steps, as the forms submit them

  public void assess(String reference, boolean outweighs, String marker) {
    complete("facility", reference, Elements.ASSESS_LEGITIMATE_INTEREST, Map.of("necessityShown", true,
        "subsidiarityShown", true, "interestOutweighs", outweighs,
        "balancing", "Inbraken wegen zwaarder dan de beperkte inbreuk in de gang " + marker));
  }

  public void fgAdvice(String reference, String taskKey, String marker) {
    complete("fg", reference, taskKey, Map.of("fgAdvice", "POSITIVE_WITH_CONDITIONS",
        "fgAdviceText", "Akkoord mits beeldveld beperkt blijft tot de gang " + marker));
  }

  public void screen(String reference, Map<String, Object> ticks) {
    complete("officer", reference, Elements.SCREEN_DPIA, ticks);
  }

  void writeDpia(String reference, String residualRisk, String marker) {
    complete("facility", reference, Elements.WRITE_DPIA, Map.of(
        "dpiaDescription", "Camera in de bergingsgang, opname 24 uur per dag " + marker,
        "dpiaNecessity", "Inbraken herhalen zich ondanks sloten en verlichting " + marker,
        "dpiaRisks", "Bewoners worden gefilmd bij het halen van spullen " + marker,
        "dpiaMeasures", "Beperkt beeldveld, 72 uur bewaren, logging van inzage " + marker,
        "residualRisk", residualRisk));
  }

  void approve(String user, String reference) {
    complete(user, reference, Elements.APPROVE_CAMERA, Map.of("cameraApproved", true,
        "approvalComment", "Akkoord na advies van de FG"));
  }

  void confirmSignage(String reference) {
    complete("facility", reference, Elements.CONFIRM_SIGNAGE, Map.of("signagePlaced", true,
        "signagePhotoReference", "DMS-FOTO-" + reference));
  }

  /** An overt camera without DPIA, from request to register entry (ACTIVE). */
  public String activeOvertCamera(String marker) {
    String reference = start("facility", overtRequest(marker));
    assess(reference, true, marker);
    fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    screen(reference, Map.of());
    approve("manager", reference);
    confirmSignage(reference);
    return reference;
  }
}
