package nl.ymere.privacy.bench;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline: a one-task process ({@code bench-one-task}) started through the engine's Java API in the
 * application's own engine, so the database, the engine configuration and the history level are the same as for
 * the registrations; no HTTP, no product tables, no authorization checks.
 */
final class BareEngineStarts extends EngineStarts {

  static final String KEY = "bench-one-task";
  static final String TASK = "UserTask_Bench";

  BareEngineStarts(ProcessEngine engine) {
    super(engine, KEY);
  }

  @Override
  void deploy() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Benchmark: one task")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Bench")
        .userTask(TASK).name("Bench task")
        .endEvent("EndEvent_Bench")
        .done();
    engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model)
        .enableDuplicateFiltering(true).deploy();
  }

  @Override
  Set<String> waitingAtTask() {
    Set<String> instanceIds = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY)
        .taskDefinitionKey(TASK).list().stream().map(t -> t.getProcessInstanceId()).collect(Collectors.toSet());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
        .filter(p -> instanceIds.contains(p.getId())).map(p -> p.getBusinessKey()).collect(Collectors.toSet());
  }
}
