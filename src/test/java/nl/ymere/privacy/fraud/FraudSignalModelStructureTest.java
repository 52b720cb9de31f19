package nl.ymere.privacy.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import nl.ymere.privacy.fraud.FraudSignalProcess.Elements;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * ADM-2 in the diagram itself: the model never decides alone. From the model's step, no path reaches an outcome
 * (investigation, dismissal, any end) without passing the first and then the second human assessment, and the
 * second assessment is guarded by the four-eyes and reporter-exclusion listeners.
 */
class FraudSignalModelStructureTest {

  static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(Path.of("processes/fraud-signal-assessment.bpmn").toFile());

  @Test
  void noPathLeadsFromTheScoreToAnOutcomeWithoutBothAssessors() {
    FlowNode evaluate = MODEL.getModelElementById(Elements.EVALUATE_MODEL);
    assertThat(reachableAvoiding(evaluate, Elements.FIRST_ASSESSMENT)).doesNotContain(Elements.SECOND_ASSESSMENT,
        Elements.OPEN_INVESTIGATION, Elements.RECORD_DISMISSAL, Elements.INVESTIGATION_OPENED,
        Elements.SIGNAL_DELETED);
    Set<String> withoutSecond = reachableAvoiding(evaluate, Elements.SECOND_ASSESSMENT);
    assertThat(withoutSecond).doesNotContain(Elements.OPEN_INVESTIGATION, Elements.RECORD_DISMISSAL);
    assertThat(withoutSecond).noneMatch(id -> MODEL.getModelElementById(id) instanceof EndEvent);
    // the model is evaluated by the service, not by a business rule task that could route on the score
    assertThat(MODEL.getModelElementsByType(BusinessRuleTask.class)).isEmpty();
  }

  @Test
  void bothAssessmentsAreGuardedAndTheSecondIsFourEyes() {
    UserTask second = MODEL.getModelElementById(Elements.SECOND_ASSESSMENT);
    String secondListeners = listeners(second);
    assertThat(secondListeners).contains("${fourEyesTaskListener}", "${fraudReporterExclusionListener}");
    assertThat(second.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
        .getCamundaInputParameters()).anySatisfy(p -> {
          assertThat(p.getCamundaName()).isEqualTo("fourEyesFirstStep");
          assertThat(p.getTextContent()).isEqualTo("firstAssessor");
        });
    assertThat(listeners(MODEL.getModelElementById(Elements.FIRST_ASSESSMENT)))
        .contains("${fraudReporterExclusionListener}");
  }

  private static String listeners(UserTask task) {
    return task.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list().stream()
        .map(l -> l.getCamundaEvent() + "=" + l.getCamundaDelegateExpression()).toList().toString();
  }

  private static Set<String> reachableAvoiding(FlowNode from, String avoided) {
    Set<String> seen = new HashSet<>();
    Deque<FlowNode> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      for (SequenceFlow flow : node.getOutgoing()) {
        FlowNode target = flow.getTarget();
        if (!target.getId().equals(avoided) && seen.add(target.getId())) {
          queue.add(target);
        }
      }
    }
    return seen;
  }
}
