package nl.ymere.privacy.bench;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The floor of the model issue 4 requires, without any product code: a request process that forks into a standing
 * user task (the extension task), one timer (the deadline watch) and a call activity into a second process that
 * waits at its first user task (identity). No delegates, no listeners, no variables, no product tables, no HTTP.
 * Its start rate against the bare one-task start shows how far the required shape alone is from the target.
 */
final class SkeletonStarts extends EngineStarts {

  static final String KEY = "bench-skeleton";
  static final String SUB_KEY = "bench-skeleton-identity";
  static final String SUB_TASK = "UserTask_SkeletonIdentity";

  SkeletonStarts(ProcessEngine engine) {
    super(engine, KEY);
  }

  @Override
  void deploy() {
    BpmnModelInstance sub = Bpmn.createExecutableProcess(SUB_KEY).name("Benchmark: identity skeleton")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_SkeletonIdentity")
        .userTask(SUB_TASK).name("Choose identity method")
        .endEvent("EndEvent_SkeletonIdentity")
        .done();
    BpmnModelInstance main = Bpmn.createExecutableProcess(KEY).name("Benchmark: request skeleton")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Skeleton")
        .parallelGateway("Gateway_SkeletonFork")
        .callActivity("CallActivity_SkeletonIdentity").calledElement(SUB_KEY)
        .endEvent("EndEvent_SkeletonHandled")
        .moveToNode("Gateway_SkeletonFork")
        .userTask("UserTask_SkeletonExtend").name("Extend deadline")
        .endEvent("EndEvent_SkeletonExtended")
        .moveToNode("Gateway_SkeletonFork")
        .intermediateCatchEvent("Timer_SkeletonReminder").timerWithDate("2099-01-01T08:00:00Z")
        .endEvent("EndEvent_SkeletonWatched")
        .done();
    engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(SUB_KEY + ".bpmn", sub)
        .addModelInstance(KEY + ".bpmn", main).enableDuplicateFiltering(true).deploy();
  }

  /** Business keys of the skeleton instances whose identity instance waits at its task. */
  @Override
  Set<String> waitingAtTask() {
    Set<String> subInstances = engine.getTaskService().createTaskQuery().processDefinitionKey(SUB_KEY)
        .taskDefinitionKey(SUB_TASK).list().stream().map(t -> t.getProcessInstanceId()).collect(Collectors.toSet());
    Set<String> parents = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SUB_KEY)
        .list().stream().filter(p -> subInstances.contains(p.getId()))
        .map(p -> engine.getRuntimeService().createProcessInstanceQuery().subProcessInstanceId(p.getId())
            .singleResult().getId())
        .collect(Collectors.toSet());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
        .filter(p -> parents.contains(p.getId())).map(p -> p.getBusinessKey()).collect(Collectors.toSet());
  }
}
