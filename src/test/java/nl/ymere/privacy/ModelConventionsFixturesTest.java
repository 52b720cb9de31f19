package nl.ymere.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import nl.ymere.privacy.ModelConventions.Rule;
import nl.ymere.privacy.ModelConventions.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves each rule of {@link ModelConventions}: the good fixtures pass, and every bad fixture (a copy of
 * {@code guard-fixtures/good.bpmn} or {@code good.dmn} with one defect) yields exactly the expected violation.
 */
class ModelConventionsFixturesTest {

  private static final Path FIXTURES = fixtures();
  private final ModelConventions conventions =
      new ModelConventions(FIXTURES.resolve("forms"), Set.of("knownDelegate", "knownListener")::contains);

  @ParameterizedTest
  @ValueSource(strings = {"good.bpmn", "good-api-started.bpmn", "good.dmn", "forms/good-start.form",
      "forms/good-task.form"})
  void goodFixturesFollowTheConventions(String fixture) {
    assertThat(conventions.check(FIXTURES.resolve(fixture))).isEmpty();
  }

  static Stream<Arguments> badFixtures() {
    return Stream.of(
        Arguments.of("bad-no-history-ttl.bpmn", Rule.HISTORY_TIME_TO_LIVE, "bad-no-history-ttl"),
        Arguments.of("bad-no-history-ttl.dmn", Rule.HISTORY_TIME_TO_LIVE, "representation-required"),
        Arguments.of("bad-not-executable.bpmn", Rule.NOT_EXECUTABLE, "bad-not-executable"),
        Arguments.of("bad-process-id.bpmn", Rule.PROCESS_ID_NOT_FILE_NAME, "request-intake"),
        Arguments.of("bad-no-candidate-group.bpmn", Rule.NO_ASSIGNMENT, "Task_HandleRequest"),
        Arguments.of("bad-fixed-assignee.bpmn", Rule.NO_ASSIGNMENT, "Task_HandleRequest"),
        Arguments.of("bad-no-task-form.bpmn", Rule.NO_FORM, "Task_HandleRequest"),
        Arguments.of("bad-no-start-form.bpmn", Rule.NO_FORM, "StartEvent_RequestReceived"),
        Arguments.of("bad-unknown-form.bpmn", Rule.UNKNOWN_FORM, "Task_HandleRequest"),
        Arguments.of("bad-form-binding.bpmn", Rule.FORM_REF_BINDING, "Task_HandleRequest"),
        Arguments.of("bad-unknown-bean.bpmn", Rule.UNKNOWN_BEAN, "Task_CheckRequest"),
        Arguments.of("bad-unknown-listener-bean.bpmn", Rule.UNKNOWN_BEAN, "Task_HandleRequest"),
        Arguments.of("bad-java-class.bpmn", Rule.JAVA_CLASS, "Task_CheckRequest"),
        Arguments.of("bad-unguarded-xor.bpmn", Rule.UNGUARDED_XOR_FLOW, "Flow_Incomplete"),
        Arguments.of("bad-label-overlap.bpmn", Rule.LABEL_OVERLAP, "Gateway_RequestComplete"),
        Arguments.of("bad-detached-edge.bpmn", Rule.DETACHED_EDGE, "Flow_ToHandled"),
        Arguments.of("bad-outside-lane.bpmn", Rule.OUTSIDE_LANE, "Task_HandleRequest"),
        Arguments.of("bad-not-xml.bpmn", Rule.UNREADABLE_FILE, "-"),
        Arguments.of("bad-forms/bad-id.form", Rule.INVALID_FORM, "-"),
        Arguments.of("bad-forms/bad-type.form", Rule.INVALID_FORM, "-"),
        Arguments.of("bad-forms/bad-not-json.form", Rule.INVALID_FORM, "-"),
        Arguments.of("bad-forms/bad-field-without-key.form", Rule.INVALID_FORM, "Field_Outcome"));
  }

  @ParameterizedTest
  @MethodSource("badFixtures")
  void badFixtureYieldsExactlyItsViolation(String fixture, Rule rule, String element) {
    assertThat(conventions.check(FIXTURES.resolve(fixture)))
        .extracting(Violation::rule, Violation::element)
        .containsExactly(tuple(rule, element));
  }

  @Test
  void missingShapeAndEdgeAreBothNamed() {
    assertThat(conventions.check(FIXTURES.resolve("bad-missing-shape.bpmn")))
        .extracting(Violation::rule, Violation::element)
        .containsExactlyInAnyOrder(
            tuple(Rule.NO_DIAGRAM_SHAPE, "Task_CheckRequest"),
            tuple(Rule.NO_DIAGRAM_SHAPE, "Flow_ToHandled"));
  }

  @Test
  void generatedIdsAreNamed() {
    assertThat(conventions.check(FIXTURES.resolve("bad-generated-ids.bpmn")))
        .extracting(Violation::rule, Violation::element)
        .containsExactlyInAnyOrder(
            tuple(Rule.GENERATED_ID, "StartEvent_1"),
            tuple(Rule.GENERATED_ID, "Activity_0vv0hdp"),
            tuple(Rule.GENERATED_ID, "Flow_1ap5mpv"));
    assertThat(conventions.check(FIXTURES.resolve("bad-generated-ids.dmn")))
        .extracting(Violation::rule, Violation::element)
        .containsExactlyInAnyOrder(
            tuple(Rule.GENERATED_ID, "Definitions_0xyz123"),
            tuple(Rule.GENERATED_ID, "Decision_1abc234"));
  }

  @Test
  void violationNamesFileElementAndRule() {
    Violation violation = conventions.check(FIXTURES.resolve("bad-no-task-form.bpmn")).get(0);

    assertThat(violation.toString())
        .contains("bad-no-task-form.bpmn", "Task_HandleRequest", "formRef", "NO_FORM");
  }

  @Test
  void withoutBeanLookupDelegateExpressionsAreNotJudged() {
    ModelConventions withoutSpring = new ModelConventions(FIXTURES.resolve("forms"), null);

    assertThat(withoutSpring.check(FIXTURES.resolve("bad-unknown-bean.bpmn"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Activity_0vv0hdp", "Gateway_1x2y3z4", "Event_0q1w2e3", "Flow_1ap5mpv",
      "SequenceFlow_0zsxqid", "Process_0u1r8ed", "Definitions_1p2q3r4", "Decision_1abc234", "StartEvent_1",
      "Task_1", "UserTask_1", "Process_1", "Definitions_1", "_3", "sid-8F1F0C4E-1B2A-4C3D-9E8F-0A1B2C3D4E5F",
      "Task_4f1e2d3c-1111-2222-3333-444455556666"})
  void generatedIdsAreRecognised(String id) {
    assertThat(ModelConventions.looksGenerated(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Task_VerifyIdentity", "Gateway_IdentityVerified", "EndEvent_RequestCompleted",
      "Error_IdentityRejected", "Flow_Day30", "Timer_Reminder", "data-subject-request", "dsr-access",
      "Task_archive", "Flow_toDesk", "Definitions_DataSubjectRequest", "representation-required",
      "StartEvent_RequestReceived"})
  void readableIdsAreAccepted(String id) {
    assertThat(ModelConventions.looksGenerated(id)).isFalse();
  }

  private static Path fixtures() {
    try {
      return Path.of(Objects.requireNonNull(
          ModelConventionsFixturesTest.class.getResource("/guard-fixtures/good.bpmn")).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
