package nl.ymere.privacy.history;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.history.producer.DefaultDmnHistoryEventProducer;

/**
 * Records decision evaluations without their input values (DESIGN principle 2): DMN inputs are facts about a
 * person (age, representation, identity evidence), while the outputs are the decision codes the case needs as
 * evidence. The decision instance itself (definition, time, process instance, outputs, removal time) is kept, so
 * Cockpit and the history cleanup work as usual; ACT_HI_DEC_IN stays empty.
 */
final class DecisionInputsOmittingProducer extends DefaultDmnHistoryEventProducer {

  @Override
  protected List<HistoricDecisionInputInstance> createHistoricDecisionInputInstances(
      DmnDecisionTableEvaluationEvent evaluationEvent, String rootProcessInstanceId, Date removalTime) {
    return List.of();
  }
}
