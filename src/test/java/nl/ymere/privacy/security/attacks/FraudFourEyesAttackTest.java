package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.fraud.FraudTestSupport;
import nl.ymere.privacy.fraud.RegisterFraudSignalCommand;
import nl.ymere.privacy.fraud.SignalSource;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, findings 1 and 2, for the fraud signal (ADM-2): the second assessment and the investigation rest on the
 * product's tables, not on process variables. An assessor who starts the process at the second assessment with the
 * reference of a real signal and a made-up first assessor, an operator who edits {@code firstAssessor} and removes
 * the task's REVOKE authorization so that the first assessor can take the second step, and an operator who starts
 * the investigation step by a process instance modification all get a refusal; nothing changes, no investigation
 * opens, no letter goes out. The engine's operators' powers stay recorded in {@code privacy.operator_action}.
 */
@IntegrationTest
class FraudFourEyesAttackTest {

  static final String REASONS = "Buren melden al maanden wisselende bewoners; de huurder staat volgens de BRP "
      + "elders ingeschreven en de meterstanden zijn laag.";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired FraudTestSupport support;

  String tenant;
  String address;

  @BeforeEach
  void setUp() {
    long n = System.nanoTime() % 1_000_000;
    tenant = "Tinus Vierogen" + n;
    address = "Aanvalsstraat " + n + ", 1011 AB Amsterdam";
  }

  @AfterEach
  void noSignalDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(tenant, REASONS).postalAddress(address).hits()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: assessor2 starts at the second assessment of a real signal")
  @EnumSource(Door.class)
  void theSecondAssessmentCannotBeStartedWithAMadeUpFirstAssessor(Door door) throws Exception {
    String reference = register();
    EngineDoors engine = EngineDoors.as(door, port, "assessor2");
    String definition = json.readTree(engine.get("/process-definition/key/fraud-signal-assessment").body())
        .path("id").asText();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response start = engine.post("/process-definition/key/fraud-signal-assessment/start", """
        {"startInstructions":[{"type":"startBeforeActivity","activityId":"UserTask_SecondAssessment",
          "variables":{"signalReference":{"value":"%s"},"firstAssessor":{"value":"assessor1"}}}]}"""
        .formatted(reference));
    EngineDoors.Response form = engine.post("/process-definition/" + definition + "/submit-form", """
        {"variables":{"signalReference":{"value":"%s"},"firstAssessor":{"value":"assessor1"},
          "fraudDecision":{"value":"INVESTIGATE"}}}""".formatted(reference));

    assertThat(start.status()).as(start.body()).isEqualTo(403);
    assertThat(message(start)).startsWith("Niet toegestaan");
    assertThat(form.status()).as(form.body()).isEqualTo(400);
    assertThat(message(form)).contains("Niet toegestaan");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNoDecisionAndNoInvestigation(reference);
  }

  @Test
  void anOperatorWhoEditsFirstAssessorCannotLetTheFirstAssessorTakeTheSecondStep() throws Exception {
    String reference = register();
    support.complete("assessor1", reference, "UserTask_FirstAssessment",
        Map.of("fraudProposal", "INVESTIGATE", "assessmentReasoning", REASONS));
    String pid = processInstanceOf(reference);
    String task = support.task(reference, "UserTask_SecondAssessment").getId();
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");

    // the operator names someone else as first assessor and lifts the task's REVOKE for the real one
    assertThat(admin.put("/process-instance/" + pid + "/variables/firstAssessor",
        "{\"value\":\"assessor2\",\"type\":\"String\"}").status()).isEqualTo(204);
    assertThat(jdbc.queryForList("SELECT operation, detail FROM privacy.operator_action WHERE user_id = 'demo' "
        + "AND target = ?", pid)).anySatisfy(row -> {
          assertThat(row.get("OPERATION")).isEqualTo("runtime.setVariable");
          assertThat(row.get("DETAIL")).isEqualTo("variabelen: firstAssessor");
        });
    JsonNode revokes = json.readTree(admin.get("/authorization?type=2&userIdIn=assessor1&resourceType=7"
        + "&resourceId=" + task).body());
    assertThat(revokes).isNotEmpty();
    for (JsonNode revoke : revokes) {
      assertThat(admin.delete("/authorization/" + revoke.path("id").asText()).status()).isEqualTo(204);
    }
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    for (Door door : Door.values()) {
      EngineDoors assessor1 = EngineDoors.as(door, port, "assessor1");
      EngineDoors.Response claim = assessor1.post("/task/" + task + "/claim", "{\"userId\":\"assessor1\"}");
      EngineDoors.Response complete = assessor1.post("/task/" + task + "/submit-form", """
          {"variables":{"fraudDecision":{"value":"INVESTIGATE"},"assessmentReasoning":{"value":"%s"}}}"""
          .formatted(REASONS));
      assertThat(claim.status()).as(door + " " + claim.body()).isEqualTo(403);
      assertThat(message(claim)).contains("Vier ogen", "assessor1");
      assertThat(complete.status()).as(door + " " + complete.body()).isEqualTo(403);
      assertThat(message(complete)).contains("Vier ogen", "assessor1");
    }
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNoDecisionAndNoInvestigation(reference);

    // the variable excluded nobody: assessor2, whom it names, still decides as the real second pair of eyes
    support.complete("assessor2", reference, "UserTask_SecondAssessment",
        Map.of("fraudDecision", "INVESTIGATE", "assessmentReasoning", REASONS));
    assertThat(jdbc.queryForList("SELECT a.step || ':' || a.assessor FROM privacy.fraud_assessment a JOIN "
        + "privacy.fraud_signal s ON s.id = a.signal_id WHERE s.reference = ? ORDER BY a.id", String.class,
        reference)).containsExactly("FIRST:assessor1", "SECOND:assessor2");
    assertThat(signalColumn(reference, "status")).isEqualTo("INVESTIGATION_OPENED");
  }

  @Test
  void anOperatorCannotOpenAnInvestigationWithoutTwoAssessmentsInTheTables() throws Exception {
    String fresh = register();
    String assessedOnce = register();
    support.complete("assessor1", assessedOnce, "UserTask_FirstAssessment",
        Map.of("fraudProposal", "INVESTIGATE", "assessmentReasoning", REASONS));
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");

    for (String reference : new String[] {fresh, assessedOnce}) {
      String pid = processInstanceOf(reference);
      DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

      EngineDoors.Response modification = admin.post("/process-instance/" + pid + "/modification", """
          {"skipCustomListeners":true,"instructions":[{"type":"startBeforeActivity",
            "activityId":"Task_OpenInvestigation","variables":{"fraudDecision":{"value":"INVESTIGATE"}}}]}""");

      // refused with the product's Dutch reason (the operators' door passes it on as an engine error, 500, today)
      assertThat(modification.status()).as(modification.body()).isGreaterThanOrEqualTo(400);
      assertThat(message(modification)).contains("Geen onderzoek geopend", reference, "vier ogen");
      // only the record of the operator's attempt remains
      assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.OPERATOR_ACTION")).isEmpty();
      assertNoDecisionAndNoInvestigation(reference);
    }
  }

  @Test
  void aSecondAssessmentStartedByAnOperatorWithoutItsListenersDecidesNothing() throws Exception {
    String reference = register();
    String pid = processInstanceOf(reference);
    EngineDoors admin = EngineDoors.as(Door.ENGINE_REST, port, "demo");
    assertThat(admin.post("/process-instance/" + pid + "/modification", """
        {"skipCustomListeners":true,"instructions":[{"type":"startBeforeActivity",
          "activityId":"UserTask_SecondAssessment"}]}""").status()).isEqualTo(204);
    String task = support.task(reference, "UserTask_SecondAssessment").getId();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors assessor2 = EngineDoors.as(Door.WEBAPP, port, "assessor2");
    assertThat(assessor2.post("/task/" + task + "/claim", "{\"userId\":\"assessor2\"}").status()).isEqualTo(403);
    EngineDoors.Response complete = assessor2.post("/task/" + task + "/submit-form", """
        {"variables":{"fraudDecision":{"value":"INVESTIGATE"},"assessmentReasoning":{"value":"%s"}}}"""
        .formatted(REASONS));

    assertThat(complete.status()).as(complete.body()).isEqualTo(403);
    assertThat(message(complete)).contains("Vier ogen");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertNoDecisionAndNoInvestigation(reference);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private String register() {
    return support.register("assessor1", FraudTestSupport.signal(SignalSource.NEIGHBOUR_REPORT, address, tenant,
        "Melding over " + tenant, new RegisterFraudSignalCommand.Indicators(true, false, false, true, 1)));
  }

  private String processInstanceOf(String reference) {
    return signalColumn(reference, "process_instance_id");
  }

  private String signalColumn(String reference, String column) {
    return jdbc.queryForObject("SELECT " + column + " FROM privacy.fraud_signal WHERE reference = ?", String.class,
        reference);
  }

  private void assertNoDecisionAndNoInvestigation(String reference) {
    assertThat(signalColumn(reference, "status")).isEqualTo("ASSESSING");
    assertThat(signalColumn(reference, "decision")).isNull();
    assertThat(signalColumn(reference, "case_reference")).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.fraud_assessment a JOIN privacy.fraud_signal s "
        + "ON s.id = a.signal_id WHERE s.reference = ? AND a.step = 'SECOND'", Integer.class, reference)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message WHERE template = "
        + "'fraud-investigation-notice' AND recipient LIKE ?", Integer.class, "%" + tenant + "%")).isZero();
  }

  private String message(EngineDoors.Response response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }
}
