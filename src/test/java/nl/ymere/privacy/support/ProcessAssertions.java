package nl.ymere.privacy.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;

/**
 * The few process assertions the process tests use (waiting at, passed, ended, variables), on the public engine API
 * only. They replace camunda-bpm-assert's {@code BpmnAwareTests}, whose Operaton counterpart (operaton-bpm-assert)
 * is not published for Operaton 1.0.3 on Maven Central: one assertion library, so the same tests prove the same
 * things on Camunda 7.24 and on Operaton (README "Engine", issue 21).
 */
public final class ProcessAssertions {

  private static volatile ProcessEngine engine;

  private ProcessAssertions() {}

  /** The engine the assertions read; call in the test's set-up, as with {@code BpmnAwareTests.init}. */
  public static void init(ProcessEngine processEngine) {
    engine = processEngine;
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance actual) {
    return new ProcessInstanceAssert(actual);
  }

  /** Assertions on one process instance, read from the engine when called (never from the stale object). */
  public static final class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

    ProcessInstanceAssert(ProcessInstance actual) {
      super(actual, ProcessInstanceAssert.class);
    }

    /** Running, and every given activity has an active activity instance (or a pending async continuation). */
    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      List<String> active = activeActivityIds();
      Assertions.assertThat(active)
          .as("process instance %s (%s) waiting at %s", actual.getId(), actual.getBusinessKey(),
              Arrays.toString(activityIds))
          .contains(activityIds);
      return this;
    }

    /** Running, and none of the given activities is active. */
    public ProcessInstanceAssert isNotWaitingAt(String... activityIds) {
      List<String> active = activeActivityIds();
      Assertions.assertThat(active)
          .as("process instance %s (%s) not waiting at %s", actual.getId(), actual.getBusinessKey(),
              Arrays.toString(activityIds))
          .doesNotContain(activityIds);
      return this;
    }

    /** No longer running (it existed: its history is there). */
    public ProcessInstanceAssert isEnded() {
      isNotNull();
      Assertions.assertThat(runtime())
          .as("process instance %s (%s) is ended, but it is still waiting at %s", actual.getId(),
              actual.getBusinessKey(), runtime() == null ? List.of() : activeActivityIds())
          .isNull();
      Assertions.assertThat(engine().getHistoryService().createHistoricProcessInstanceQuery()
              .processInstanceId(actual.getId()).count())
          .as("history of process instance %s", actual.getId())
          .isEqualTo(1);
      return this;
    }

    /** Every given activity has a finished activity instance in the history. */
    public ProcessInstanceAssert hasPassed(String... activityIds) {
      Assertions.assertThat(passedActivityIds())
          .as("process instance %s (%s) has passed %s", actual.getId(), actual.getBusinessKey(),
              Arrays.toString(activityIds))
          .contains(activityIds);
      return this;
    }

    /** None of the given activities has a finished activity instance in the history. */
    public ProcessInstanceAssert hasNotPassed(String... activityIds) {
      Assertions.assertThat(passedActivityIds())
          .as("process instance %s (%s) has not passed %s", actual.getId(), actual.getBusinessKey(),
              Arrays.toString(activityIds))
          .doesNotContain(activityIds);
      return this;
    }

    /** The running instance's variables. */
    public MapAssert<String, Object> variables() {
      isNotNull();
      Map<String, Object> variables = engine().getRuntimeService().getVariables(actual.getId());
      return Assertions.assertThat(variables);
    }

    private List<String> passedActivityIds() {
      isNotNull();
      return engine().getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(actual.getId()).finished().list().stream()
          .map(HistoricActivityInstance::getActivityId)
          .toList();
    }

    private ProcessInstance runtime() {
      return engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(actual.getId())
          .singleResult();
    }

    private List<String> activeActivityIds() {
      isNotNull();
      ActivityInstance tree = engine().getRuntimeService().getActivityInstance(actual.getId());
      Assertions.assertThat(tree)
          .as("process instance %s (%s) is running", actual.getId(), actual.getBusinessKey())
          .isNotNull();
      List<String> ids = new ArrayList<>();
      collect(tree, ids);
      return ids;
    }

    private static void collect(ActivityInstance instance, List<String> ids) {
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        ids.add(child.getActivityId());
        collect(child, ids);
      }
      for (TransitionInstance transition : instance.getChildTransitionInstances()) {
        ids.add(transition.getActivityId());
      }
    }
  }

  private static ProcessEngine engine() {
    Assertions.assertThat(engine).as("ProcessAssertions.init(engine) in the test's set-up").isNotNull();
    return engine;
  }
}
