package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.camera.CameraProtocolProcess.Elements;
import nl.ymere.privacy.camera.CameraTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 for the camera protocol (CAM-1..CAM-4, CAM-8): {@code facilitymanager} (facility and management) approved
 * a camera that had no legitimate-interest balancing, FG advice or DPIA screening once an operator had moved the
 * instance to the approval, approved a camera whose balancing they wrote themselves, and a requester tried to name
 * someone else as requester while completing an earlier task. The approval (and each deciding step before it) now
 * checks in {@code privacy.camera_*} that the requester is recorded, the balancing passed, the FG advised, the DPIA
 * screening (and the DPIA when required) is recorded and that the approver is neither the requester nor the assessor;
 * the register entry checks the approval there. Refused through {@code /engine-rest} and {@code /camunda/api/engine}
 * with a Dutch message; nothing changes in the product's tables, the engine's tables or the outbox.
 */
@IntegrationTest
class CameraApprovalAttackTest {

  static final String MANAGER = CameraTestSupport.FACILITY_MANAGER;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired CameraTestSupport support;

  String marker;

  @BeforeEach
  void setUp() {
    marker = "aanval-" + (System.nanoTime() % 1_000_000);
  }

  @AfterEach
  void noCameraTextInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text("Complex De Linde " + marker).hits()).isEmpty();
  }

  @Test
  void aCameraMovedToTheApprovalByAnOperatorIsNotApprovedWithoutBalancingAdviceAndScreening() throws Exception {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    assertThat(admin.post("/process-instance/" + processInstanceOf(reference) + "/modification", """
        {"instructions":[{"type":"cancel","activityId":"%s"},{"type":"startBeforeActivity","activityId":"%s"}]}"""
        .formatted(Elements.ASSESS_LEGITIMATE_INTEREST, Elements.APPROVE_CAMERA)).status()).isEqualTo(204);
    String task = support.task(reference, Elements.APPROVE_CAMERA).getId();
    assertThat(EngineDoors.as(Door.WEBAPP, port, MANAGER).post("/task/" + task + "/claim",
        "{\"userId\":\"" + MANAGER + "\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors.Response approval = EngineDoors.as(door, port, MANAGER).post("/task/" + task + "/submit-form",
          "{\"variables\":{\"cameraApproved\":{\"value\":true}}}");

      assertThat(approval.status()).as(door + " " + approval.body()).isEqualTo(403);
      assertThat(message(approval)).contains(reference, "belangenafweging", "CAM-1");
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNotApproved(reference);
  }

  @Test
  void theAssessorOfTheBalancingCannotApproveTheCamera() throws Exception {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    support.complete(MANAGER, reference, Elements.ASSESS_LEGITIMATE_INTEREST, Map.of("necessityShown", true,
        "subsidiarityShown", true, "interestOutweighs", true,
        "balancing", "Inbraken wegen zwaarder dan de beperkte inbreuk in de gang " + marker));
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of());
    String task = support.task(reference, Elements.APPROVE_CAMERA).getId();
    // the four-eyes listener knows only the requester: the assessor may still take the task
    assertThat(EngineDoors.as(Door.WEBAPP, port, MANAGER).post("/task/" + task + "/claim",
        "{\"userId\":\"" + MANAGER + "\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors.Response approval = EngineDoors.as(door, port, MANAGER).post("/task/" + task + "/submit-form",
          "{\"variables\":{\"cameraApproved\":{\"value\":true}}}");

      assertThat(approval.status()).as(door + " " + approval.body()).isEqualTo(403);
      assertThat(message(approval)).contains("Vier ogen", MANAGER, reference, "CAM-4");
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNotApproved(reference);

    // another manager, who neither requested nor assessed, approves: the checks let the real path through
    assertThat(EngineDoors.as(Door.ENGINE_REST, port, "demo").post("/task/" + task + "/unclaim", "{}").status())
        .isEqualTo(204);
    support.complete("manager", reference, Elements.APPROVE_CAMERA, Map.of("cameraApproved", true));
    assertThat(support.protocol(reference).approvedBy()).isEqualTo("manager");
  }

  @Test
  void aRequesterWhoNamesSomeoneElseAsRequesterCannotApproveTheirOwnCamera() throws Exception {
    String reference = support.start(MANAGER, CameraTestSupport.overtRequest(marker));
    String assessment = support.task(reference, Elements.ASSESS_LEGITIMATE_INTEREST).getId();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors.Response forged = EngineDoors.as(door, port, MANAGER).post("/task/" + assessment
          + "/submit-form", """
          {"variables":{"necessityShown":{"value":true},"subsidiarityShown":{"value":true},
            "interestOutweighs":{"value":true},"balancing":{"value":"Inbraken wegen zwaarder dan de inbreuk %s"},
            "requester":{"value":"facility"}}}""".formatted(marker));
      assertThat(forged.status()).as(door + " " + forged.body()).isEqualTo(400);
      assertThat(message(forged)).contains("Niet toegestaan");
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();

    support.assess(reference, true, marker);
    support.fgAdvice(reference, Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    support.screen(reference, Map.of());
    String task = support.task(reference, Elements.APPROVE_CAMERA).getId();
    before = DatabaseFingerprint.of(dataSource);
    for (Door door : Door.values()) {
      EngineDoors.Response approval = EngineDoors.as(door, port, MANAGER).post("/task/" + task + "/submit-form",
          "{\"variables\":{\"cameraApproved\":{\"value\":true}}}");
      // the task is hidden from its requester (REVOKE), so the engine refuses before the product's check
      assertThat(approval.status()).as(door + " " + approval.body()).isEqualTo(403);
      assertThat(message(approval)).contains(MANAGER);
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNotApproved(reference);
  }

  @Test
  void anOperatorCannotPutAnUnapprovedCameraInTheRegister() throws Exception {
    String reference = support.start("facility", CameraTestSupport.overtRequest(marker));
    String pid = processInstanceOf(reference);
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response modification = admin.post("/process-instance/" + pid + "/modification", """
        {"skipCustomListeners":true,"instructions":[{"type":"cancel","activityId":"%s"},
          {"type":"startBeforeActivity","activityId":"Task_RegisterCamera"}]}"""
        .formatted(Elements.ASSESS_LEGITIMATE_INTEREST));

    assertThat(modification.status()).as(modification.body()).isEqualTo(403);
    assertThat(message(modification)).contains(reference, "niet door het management goedgekeurd");
    // only the record of the operator's attempt remains
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.OPERATOR_ACTION")).isEmpty();
    assertNotApproved(reference);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private String processInstanceOf(String reference) {
    return jdbc.queryForObject("SELECT process_instance_id FROM privacy.camera_protocol WHERE reference = ?",
        String.class, reference);
  }

  private void assertNotApproved(String reference) {
    Map<String, Object> row = jdbc.queryForMap("SELECT status, approved_by, activated_on FROM privacy.camera_protocol "
        + "WHERE reference = ?", reference);
    assertThat(row.get("STATUS")).isEqualTo("REQUESTED");
    assertThat(row.get("APPROVED_BY")).isNull();
    assertThat(row.get("ACTIVATED_ON")).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.camera_event e JOIN privacy.camera_protocol p ON "
        + "p.id = e.protocol_id WHERE p.reference = ? AND e.type IN ('APPROVED', 'ACTIVATED')", Integer.class,
        reference)).isZero();
  }

  private String message(EngineDoors.Response response) throws Exception {
    JsonNode body = json.readTree(response.body());
    return body.path("message").asText();
  }
}
