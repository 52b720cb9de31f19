package nl.ymere.privacy.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.camera.FootageRequestProcess.Elements;
import nl.ymere.privacy.camera.FootageStore.FootageItem;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code camera-footage-request.bpmn} (CAM-5, CAM-8): lawfulness check, four-eyes release, logged
 * export, incident hold that survives the retention sweep and is released automatically at its end date.
 */
@IntegrationTest
class CameraFootageRequestProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired ProcessEngine engine;
  @Autowired CameraTestSupport support;
  @Autowired FootageStore store;
  @Autowired FootageRetentionSweep sweep;
  @Autowired FootageRequestService requests;
  @Autowired CameraProperties properties;
  @Autowired DataSource dataSource;

  String camera;
  Instant now;
  String party;

  @BeforeEach
  void activeCamera() {
    ProcessAssertions.init(engine);
    support.setNow(TODAY, 10, 0);
    camera = support.activeOvertCamera("F" + System.nanoTime() % 1_000_000);
    now = ClockUtil.getCurrentTime().toInstant();
    party = "Politie Basisteam Zuidoost " + System.nanoTime() % 1_000_000;
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    ClockUtil.reset();
    assertThat(PersonalDataScan.of(dataSource).text(party, "Beelden van de inbraak in berging 12",
        "Vordering art. 126nd Sv").hits()).isEmpty();
  }

  private Map<String, Object> form(String type, Instant from, Instant until, LocalDate holdUntil) {
    Map<String, Object> form = new HashMap<>();
    form.put("cameraReference", camera);
    form.put("requestType", type);
    form.put("requestingParty", party);
    form.put("demandReference", "VORD-2026-77");
    form.put("incidentReference", "INC-2026-0099");
    form.put("reason", "Beelden van de inbraak in berging 12 voor het opsporingsonderzoek");
    form.put("footageFrom", from.toString());
    form.put("footageUntil", until.toString());
    form.put("holdUntil", holdUntil.toString());
    return form;
  }

  private String start(Map<String, Object> form) {
    ProcessInstance instance = support.as("facility", () -> engine.getRuntimeService()
        .startProcessInstanceByKey(FootageRequestProcess.KEY, form));
    return support.jdbc.queryForObject("SELECT reference FROM privacy.camera_footage_request WHERE "
        + "process_instance_id = ?", String.class, instance.getId());
  }

  @Test
  void shouldReleaseExportHoldPastRetentionAndReleaseTheHoldAutomatically() {
    FootageItem inWindow = store.store(camera, now.minus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
        new byte[] {1, 2, 3});
    FootageItem outside = store.store(camera, now.minus(30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
        new byte[] {4});
    LocalDate holdUntil = TODAY.plusDays(20);
    String reference = start(form("POLICE", inWindow.recordedAt().minusSeconds(600),
        inWindow.recordedAt().plusSeconds(600), holdUntil));
    assertThat(reference).matches("FTG-2026-\\d{6}");
    ProcessInstance instance = support.instance(reference);
    assertThat(instance).isWaitingAt(Elements.CHECK_LAWFULNESS);

    support.complete("officer", reference, Elements.CHECK_LAWFULNESS, Map.of("lawful", true,
        "lawfulBasis", "POLICE_WRITTEN_DEMAND", "lawfulnessNote", "Vordering art. 126nd Sv ontvangen"));
    // four eyes: the checker cannot release
    assertThatThrownBy(() -> support.complete("officer", reference, Elements.RELEASE_FOOTAGE,
        Map.of("releaseApproved", true))).isInstanceOf(ProcessEngineException.class);
    support.complete("deskofficer", reference, Elements.RELEASE_FOOTAGE, Map.of("releaseApproved", true));

    // export logged, with both officers
    List<Map<String, Object>> exports = support.jdbc.queryForList("SELECT e.storage_key, e.export_key, e.approved_by "
        + "FROM privacy.camera_footage_export e JOIN privacy.camera_footage_request r ON r.id = e.request_id "
        + "WHERE r.reference = ?", reference);
    assertThat(exports).hasSize(1);
    assertThat(exports.get(0).get("STORAGE_KEY")).isEqualTo(inWindow.storageKey());
    assertThat(exports.get(0).get("APPROVED_BY")).isEqualTo("deskofficer");
    assertThat(Path.of(properties.footageDir().toString(), exports.get(0).get("EXPORT_KEY").toString())).exists();
    FootageRequestService.FootageRequestRecord held = requests.get(reference);
    assertThat(held.checkedBy()).isEqualTo("officer");
    assertThat(held.releasedBy()).isEqualTo("deskofficer");
    assertThat(held.status()).isEqualTo("HELD");
    assertThat(support.instance(reference)).isWaitingAt(Elements.TIMER_HOLD_ENDS);

    // past the 72 h retention: the held recording stays, the other one goes
    support.setNow(TODAY.plusDays(10), 10, 0);
    sweep.sweep();
    assertThat(store.list(camera)).containsExactly(inWindow).doesNotContain(outside);

    // the hold ends: released automatically, then the sweep deletes the footage
    assertThat(support.timer(reference, Elements.TIMER_HOLD_ENDS).getDuedate())
        .isEqualTo(java.util.Date.from(holdUntil.plusDays(1).atStartOfDay(CameraTestSupport.AMSTERDAM).toInstant()));
    support.setNow(holdUntil.plusDays(1), 0, 0);
    support.execute(support.timer(reference, Elements.TIMER_HOLD_ENDS));
    assertThat(requests.get(reference).status()).isEqualTo("CLOSED");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(Elements.HOLD_RELEASED).count()).isOne();
    sweep.sweep();
    assertThat(store.list(camera)).isEmpty();
  }

  @Test
  void shouldRefuseAPoliceRequestWithoutWrittenDemandAtTheStart() {
    Map<String, Object> form = form("POLICE", now.minusSeconds(3600), now, TODAY.plusDays(5));
    form.remove("demandReference");
    long before = support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.camera_footage_request", Long.class);
    assertThatThrownBy(() -> start(form)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("demandReference");
    assertThat(support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.camera_footage_request", Long.class))
        .isEqualTo(before);
  }

  @Test
  void shouldRefuseAnUnlawfulRequestWithoutExport() {
    String reference = start(form("INSURER", now.minusSeconds(3600), now, TODAY.plusDays(5)));
    support.complete("officer", reference, Elements.CHECK_LAWFULNESS, Map.of("lawful", false));
    assertThat(support.instance(reference)).isNull();
    assertThat(requests.get(reference).status()).isEqualTo("REFUSED");
    assertThat(support.jdbc.queryForObject("SELECT COUNT(*) FROM privacy.camera_footage_export e JOIN "
        + "privacy.camera_footage_request r ON r.id = e.request_id WHERE r.reference = ?", Long.class, reference))
        .isZero();
  }

  @Test
  void shouldReleaseADataSubjectsCopyOnlyWithOthersBlurred() {
    String reference = start(form("DATA_SUBJECT_ACCESS", now.minusSeconds(3600), now, TODAY.plusDays(5)));
    support.complete("officer", reference, Elements.CHECK_LAWFULNESS, Map.of("lawful", true,
        "lawfulBasis", "ACCESS_RIGHT"));
    assertThatThrownBy(() -> support.complete("deskofficer", reference, Elements.RELEASE_FOOTAGE,
        Map.of("releaseApproved", true))).isInstanceOf(ProcessEngineException.class);
    support.complete("deskofficer", reference, Elements.RELEASE_FOOTAGE, Map.of("releaseApproved", true,
        "othersBlurred", true));
    assertThat(requests.get(reference).status()).isEqualTo("HELD");
  }
}
