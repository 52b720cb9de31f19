package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.EngineDoors;
import nl.ymere.privacy.support.EngineDoors.Door;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine door (DESIGN principle 9, issue 14): what outside callers may and may not do through the engine's own
 * services, whichever door they use, and what the operators' path records.
 */
@IntegrationTest
class EngineDoorTest {

  static final String NAME = "Deur Proefpersoon";
  static final String EMAIL = "deur.proef@example.test";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired RequestTestSupport requests;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void noPersonalDataInTheEngine() {
    assertThat(PersonalDataScan.of(dataSource).text(NAME, EMAIL, "Aantekening over").hits()).isEmpty();
  }

  /**
   * Issue 15 item 5: a completion that meets a concurrent change of the same instance (a due timer firing at that
   * moment) is run again instead of answering 500; the user's completion goes through once.
   */
  @ParameterizedTest
  @EnumSource(Door.class)
  void aCompletionThatMeetsAConcurrentChangeIsRunAgain(Door door) {
    String deployment = repositoryService.createDeployment().addModelInstance("door-retry-probe.bpmn",
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("door-retry-probe").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Probe").camundaTaskListenerClass("complete", ConcurrentChangeProbe.class)
            .endEvent().done()).deploy().getId();
    try {
      ConcurrentChangeProbe.runtimeService = runtimeService;
      ConcurrentChangeProbe.CALLS.set(0);
      String instance = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey("door-retry-probe").getId());
      Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();

      EngineDoors.Response answer = EngineDoors.as(door, port, "demo").post("/task/" + task.getId() + "/complete",
          "{}");

      assertThat(answer.status()).as(answer.body()).isEqualTo(204);
      assertThat(ConcurrentChangeProbe.CALLS).as("completed, met the change, completed again").hasValue(2);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private Task identityTask(RequestRecord request) {
    return taskService.createTaskQuery().processInstanceBusinessKey(request.reference())
        .taskDefinitionKey("UserTask_ChooseIdentityMethod").singleResult();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aCompletionWithAVariableThatIsNoFieldOfTheFormIsRefused(Door door) throws Exception {
    RequestRecord request = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.now(), NAME,
        EMAIL));
    Task task = identityTask(request);
    EngineDoors desk = EngineDoors.as(door, port, "desk");
    assertThat(desk.post("/task/" + task.getId() + "/claim", "{\"userId\":\"desk\"}").status()).isEqualTo(204);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response answer = desk.post("/task/" + task.getId() + "/submit-form", """
        {"variables":{"identityMethod":{"value":"KNOWN_CONTACT"},"identityResult":{"value":"VERIFIED"},
                      "reference":{"value":"AVG-2026-999999"},"requesterName":{"value":"%s"}}}""".formatted(NAME));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText())
        .contains("reference, requesterName zijn geen velden van het formulier 'choose-identity-method'")
        .doesNotContain("ENGINE-");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void commentsAndAttachmentsAreRefusedEvenToAnAdmin(Door door) {
    RequestRecord request = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.now(), NAME,
        EMAIL));
    Task task = identityTask(request);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response answer = EngineDoors.as(door, port, "demo").post("/task/" + task.getId()
        + "/comment/create", "{\"message\":\"Aantekening over " + NAME + "\"}");

    // the engine REST API turns every engine refusal of a comment into 400 "Not enough parameters submitted"
    assertThat(answer.status()).as(answer.body()).isIn(400, 403);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertThatThrownBy(() -> taskService.createComment(task.getId(), null, "Aantekening over " + NAME))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("dossier");
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void anOperatorMaySetAVariableAndItIsRecordedWithoutItsValue(Door door) {
    RequestRecord request = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.now(), NAME,
        EMAIL));
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);

    EngineDoors.Response deskAnswer = EngineDoors.as(door, port, "deskofficer").put("/process-instance/"
        + request.processInstanceId() + "/variables/paused", "{\"value\":true,\"type\":\"Boolean\"}");
    assertThat(deskAnswer.status()).as(deskAnswer.body()).isEqualTo(403);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();

    EngineDoors.Response adminAnswer = EngineDoors.as(door, port, "demo").put("/process-instance/"
        + request.processInstanceId() + "/variables/paused", "{\"value\":true,\"type\":\"Boolean\"}");

    assertThat(adminAnswer.status()).as(adminAnswer.body()).isEqualTo(204);
    Map<String, Object> recorded = jdbc.queryForMap("SELECT user_id, operation, target, detail FROM "
        + "privacy.operator_action ORDER BY id DESC LIMIT 1");
    assertThat(recorded).containsEntry("USER_ID", "demo").containsEntry("OPERATION", "runtime.setVariable")
        .containsEntry("TARGET", request.processInstanceId()).containsEntry("DETAIL", "variabelen: paused");
  }

  @Test
  void aJavaCallerMeetsTheSameDoorAndAProductCallPasses() {
    RequestRecord request = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.now(), NAME,
        EMAIL));

    assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("data-subject-request")
        .startBeforeActivity("Task_SendUnfoundedRefusal").execute())
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("startgebeurtenis");
    assertThatThrownBy(() -> runtimeService.setVariable(request.processInstanceId(), "overdue", true))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(identityTask(request).getId(), Map.of("reference", "x")))
        .hasMessageContaining("reference is geen veld");

    ProductCalls.run(() -> runtimeService.setVariable(request.processInstanceId(), "overdue", false));
    assertThat(runtimeService.getVariable(request.processInstanceId(), "overdue")).isEqualTo(false);
  }

  /** A form field with a reserved name would be refused anyway; the forms must never declare one. */
  @Test
  void noFormDeclaresAReservedName() throws IOException {
    List<String> offending = new ArrayList<>();
    for (File form : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      collect(json.readTree(form), form.getName(), offending);
    }
    assertThat(offending).isEmpty();
  }

  private static void collect(JsonNode node, String form, List<String> offending) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") && ReservedVariables.isReserved(component.get("key").asText())) {
        offending.add(form + ": " + component.get("key").asText());
      }
      collect(component, form, offending);
    }
  }
}
