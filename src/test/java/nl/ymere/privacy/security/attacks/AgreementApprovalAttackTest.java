package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.processor.PartyRole;
import nl.ymere.privacy.processor.ProcessorAgreementProcess.Elements;
import nl.ymere.privacy.processor.ProcessorTestSupport;
import nl.ymere.privacy.processor.SharingDecision;
import nl.ymere.privacy.processor.SharingGate;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 for processor agreements and covenants (PRC-1, PRC-2, PRC-6): {@code officer} approved an agreement that
 * had no checklist and no preparer after an operator moved the instance past the checklist (and the sharing gate then
 * allowed disclosures), and a privacy officer who is also an operator overwrote {@code agreementPreparer} and approved
 * the agreement they prepared. The approval and the register entry now check in {@code privacy.pa_*} that the
 * checklist is complete, its preparer recorded and the approver another user; the sharing gate refuses under an
 * agreement whose approval is incomplete ({@code APPROVAL_INCOMPLETE}). Refused through {@code /engine-rest} and
 * {@code /camunda/api/engine}; nothing changes in the product's tables, the engine's tables or the outbox.
 */
@IntegrationTest
class AgreementApprovalAttackTest {

  static final LocalDate EXPIRES = LocalDate.now().plusYears(1);

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ProcessorTestSupport support;
  @Autowired SharingGate gate;
  @Autowired TaskService taskService;

  String party;
  String reference;

  @BeforeEach
  void draft() {
    party = ProcessorTestSupport.uniqueCode("ATTACK");
    reference = support.start(support.command(party, "NL", false, EXPIRES)).reference();
  }

  @Test
  void anAgreementMovedPastItsChecklistByAnOperatorIsNeitherApprovedNorRegistered() throws Exception {
    String pid = column("process_instance_id");
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");

    // the approval task, started without its listeners, decides nothing: no preparer is recorded
    assertThat(admin.post("/process-instance/" + pid + "/modification", """
        {"skipCustomListeners":true,"instructions":[{"type":"cancel","activityId":"%s"},
          {"type":"startBeforeActivity","activityId":"%s"}]}"""
        .formatted(Elements.COMPLETE_PROCESSOR_CHECKLIST, Elements.APPROVE_AGREEMENT)).status()).isEqualTo(204);
    String task = taskService.createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey(Elements.APPROVE_AGREEMENT).singleResult().getId();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    for (Door door : Door.values()) {
      EngineDoors.Response approval = EngineDoors.as(door, port, "officer").post("/task/" + task + "/submit-form",
          "{\"variables\":{\"agreementApproved\":{\"value\":true}}}");
      assertThat(approval.status()).as(door + " " + approval.body()).isEqualTo(403);
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();

    // the register step, started directly with a made-up approver, puts nothing in force
    before = DatabaseFingerprint.of(dataSource);
    EngineDoors.Response modification = admin.post("/process-instance/" + pid + "/modification", """
        {"skipCustomListeners":true,"instructions":[{"type":"startBeforeActivity","activityId":"%s",
          "variables":{"agreementApprover":{"value":"officer"}}}]}""".formatted(Elements.REGISTER_AGREEMENT));
    assertThat(modification.status()).as(modification.body()).isEqualTo(403);
    assertThat(message(modification)).contains(reference, "gaat niet in het register", "checklist",
        "opsteller");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.OPERATOR_ACTION")).isEmpty();

    assertStillDraft();
    assertThat(gate.check(party, "RENT_COLLECTION", List.of("CONTACT_DETAILS"), "desk", null).reason())
        .isEqualTo(SharingDecision.Reason.NO_AGREEMENT_IN_FORCE);
  }

  @Test
  void anAgreementLeftApprovedWithoutChecklistOrPreparerOpensNoDisclosure() {
    // what the attack left behind before the fix: status APPROVED, approver set, no checklist, no preparer
    jdbc.update("UPDATE privacy.pa_agreement SET role = 'PROCESSOR', kind = 'PROCESSOR_AGREEMENT', status = 'APPROVED', "
        + "approved_by = 'officer' WHERE reference = ?", reference);

    SharingDecision decision = gate.check(party, "RENT_COLLECTION", List.of("CONTACT_DETAILS"), "desk", null);

    assertThat(decision).isEqualTo(new SharingDecision(false, SharingDecision.Reason.APPROVAL_INCOMPLETE, reference));
  }

  @Test
  void aPrivacyOfficerWhoOverwritesThePreparerCannotApproveTheirOwnAgreement() throws Exception {
    support.complete("demo", reference, Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    String pid = column("process_instance_id");
    String task = taskService.createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey(Elements.APPROVE_AGREEMENT).singleResult().getId();
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    assertThat(admin.put("/process-instance/" + pid + "/variables/agreementPreparer",
        "{\"value\":\"procurement\",\"type\":\"String\"}").status()).isEqualTo(204);
    JsonNode revokes = json.readTree(admin.get("/authorization?type=2&userIdIn=demo&resourceType=7&resourceId="
        + task).body());
    for (JsonNode revoke : revokes) {
      assertThat(admin.delete("/authorization/" + revoke.path("id").asText()).status()).isEqualTo(204);
    }
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors.Response approval = EngineDoors.as(door, port, "demo").post("/task/" + task + "/submit-form",
          "{\"variables\":{\"agreementApproved\":{\"value\":true}}}");
      assertThat(approval.status()).as(door + " " + approval.body()).isEqualTo(403);
      assertThat(message(approval)).contains("Vier ogen", "demo");
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertStillDraft();
    assertThat(column("prepared_by")).isEqualTo("demo");

    // the variable excluded nobody: another officer approves, and the register names them from the table
    support.complete("officer", reference, Elements.APPROVE_AGREEMENT, Map.of("agreementApproved", true));
    assertThat(column("status")).isEqualTo("APPROVED");
    assertThat(column("approved_by")).isEqualTo("officer");
    assertThat(gate.check(party, "RENT_COLLECTION", List.of("CONTACT_DETAILS"), "desk", null).allowed()).isTrue();
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private String column(String name) {
    return jdbc.queryForObject("SELECT " + name + " FROM privacy.pa_agreement WHERE reference = ?", String.class,
        reference);
  }

  private void assertStillDraft() {
    assertThat(column("status")).isEqualTo("DRAFT");
    assertThat(column("approved_by")).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.pa_event e JOIN privacy.pa_agreement a ON "
        + "a.id = e.agreement_id WHERE a.reference = ? AND e.type IN ('APPROVED', 'REGISTERED_IN_FORCE')",
        Integer.class, reference)).isZero();
  }

  private String message(EngineDoors.Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }
}
