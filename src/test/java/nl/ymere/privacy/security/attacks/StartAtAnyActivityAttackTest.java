package nl.ymere.privacy.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, finding 1: a user who may start a process started it at any activity with made-up variables, through the
 * engine REST API and the webapps' engine API, and so skipped the intake and the first of two steps: an
 * investigation opened without a first assessment, a request refused without an officer's decision, an agreement and
 * a camera approved without checklist, preparer or assessments. The engine door refuses every start that does not
 * begin at the none start event, any caller-chosen business key, skipped listeners, and variables that are not
 * fields of the start form (DESIGN principle 9). Nothing changes in the product's tables, the engine's tables or the
 * outbox, and no name or e-mail address reaches the engine.
 */
@IntegrationTest
class StartAtAnyActivityAttackTest {

  static final String NAME = "Aanvaller Startpunt";
  static final String EMAIL = "aanvaller.startpunt@example.test";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;

  static Stream<Arguments> attacks() {
    return Stream.of(Door.values()).flatMap(door -> Stream.of(
        // user, process key, start instructions and variables: each was accepted before the door
        Arguments.of(door, "assessor2", "fraud-signal-assessment", """
            {"startInstructions":[{"type":"startBeforeActivity","activityId":"UserTask_SecondAssessment",
              "variables":{"signalReference":{"value":"FS-2026-000001"},"firstAssessor":{"value":"assessor1"}}}]}"""),
        Arguments.of(door, "desk", "data-subject-request", """
            {"startInstructions":[{"type":"startBeforeActivity","activityId":"Task_SendUnfoundedRefusal",
              "variables":{"reference":{"value":"AVG-2026-000001"},"requesterName":{"value":"%s"},
                           "requesterEmail":{"value":"%s"}}}]}""".formatted(NAME, EMAIL)),
        Arguments.of(door, "officer", "processor-agreement", """
            {"startInstructions":[{"type":"startBeforeActivity","activityId":"UserTask_ApproveAgreement",
              "variables":{"agreementReference":{"value":"VO-2026-000001"},"agreementPreparer":{"value":"desk"}}}]}"""),
        Arguments.of(door, "facilitymanager", "camera-protocol", """
            {"startInstructions":[{"type":"startBeforeActivity","activityId":"UserTask_ApproveCamera",
              "variables":{"reference":{"value":"CAM-2026-000001"},"requester":{"value":"facility"}}}]}"""),
        Arguments.of(door, "facilitymanager", "camera-protocol", """
            {"startInstructions":[{"type":"startAfterActivity","activityId":"UserTask_AssessLegitimateInterest"}]}"""),
        // the intake listeners are custom listeners: a caller may not skip them
        Arguments.of(door, "desk", "data-subject-request", """
            {"skipCustomListeners":true,"variables":{"right":{"value":"ACCESS"}}}""")));
  }

  static Stream<Arguments> forgedVariables() {
    return Stream.of(Door.values()).flatMap(door -> Stream.of(
        // a second instance bound to a real request: it re-sent the acknowledgement
        Arguments.of(door, "desk", "data-subject-request", """
            {"variables":{"reference":{"value":"AVG-2026-000001"},"right":{"value":"ACCESS"}}}"""),
        // a name as business key reached ACT_HI_PROCINST
        Arguments.of(door, "desk", "data-subject-request", """
            {"businessKey":"%s","variables":{"right":{"value":"ACCESS"}}}""".formatted(NAME)),
        // free text in a variable that no form has
        Arguments.of(door, "assessor2", "fraud-signal-assessment", """
            {"variables":{"source":{"value":"INTERNAL_OBSERVATION"},"notes":{"value":"%s woont elders"}}}"""
            .formatted(NAME)),
        Arguments.of(door, "officer", "processor-agreement", """
            {"variables":{"partyCode":{"value":"X"},"agreementPreparer":{"value":"desk"}}}""")));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(NAME, EMAIL).hits()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} starts {2} elsewhere than at its start event")
  @MethodSource("attacks")
  void aStartAnywhereButTheStartEventIsRefused(Door door, String user, String process, String body)
      throws Exception {
    EngineDoors engine = EngineDoors.as(door, port, user);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response answer = engine.post("/process-definition/key/" + process + "/start", body);

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(json.readTree(answer.body()).path("message").asText()).startsWith("Niet toegestaan");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} starts {2} with variables of its own choosing")
  @MethodSource("forgedVariables")
  void aStartWithAReservedNameOrAFieldOfNoFormIsRefused(Door door, String user, String process, String body)
      throws Exception {
    EngineDoors engine = EngineDoors.as(door, port, user);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response answer = engine.post("/process-definition/key/" + process + "/start", body);

    // the engine REST API's start endpoint answers 403 for every refusal it lets through (EngineDoor.Answer)
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(json.readTree(answer.body()).path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} submits the start form of {2} with an extra variable")
  @MethodSource("forgedVariables")
  void theStartFormTakesOnlyItsOwnFields(Door door, String user, String process, String body) throws Exception {
    EngineDoors engine = EngineDoors.as(door, port, user);
    String definition = json.readTree(engine.get("/process-definition/key/" + process).body()).path("id").asText();
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response answer = engine.post("/process-definition/" + definition + "/submit-form", body);

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText()).containsAnyOf("Niet toegestaan",
        "krijgt haar referentie van het product");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }
}
