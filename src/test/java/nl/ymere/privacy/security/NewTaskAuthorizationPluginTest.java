package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new process task gets the engine's default grants without a lookup (issue 4), and they are the grants the
 * engine's own provider writes: one per candidate group and user, with READ and the configured task permission; a
 * grant for a task that already exists, or for a standalone task whose id was chosen by its creator, is still found
 * and extended, not duplicated.
 */
@IntegrationTest
class NewTaskAuthorizationPluginTest {

  private static final String KEY = "new-task-authorization-test";
  private static final String GROUP = "new-task-authorization-group";
  private static final String USER = "new-task-authorization-user";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;

  private String deploymentId;

  @BeforeEach
  void deployATaskForAGroupAndAUser() {
    deploymentId = repositoryService.createDeployment().addModelInstance(KEY + ".bpmn",
        Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
            .startEvent().userTask("UserTask_Shared").camundaCandidateGroups(GROUP).camundaCandidateUsers(USER)
            .endEvent().done()).deploy().getId();
  }

  @AfterEach
  void removeTheDeployment() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void theEngineUsesTheProviderThatSkipsTheLookupForNewTasks() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getResourceAuthorizationProvider())
        .isInstanceOf(NewTaskAuthorizationPlugin.NewTaskAuthorizationProvider.class);
  }

  @Test
  void aNewTaskGetsOneGrantPerCandidateWithTheEnginesPermissions() {
    Task task = startAndGetTask();

    Authorization group = onlyGrant(task, GROUP, null);
    Authorization user = onlyGrant(task, null, USER);
    for (Authorization grant : List.of(group, user)) {
      assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
      assertThat(grant.isPermissionGranted(taskPermission())).isTrue();
      assertThat(grant.getResourceType()).isEqualTo(Resources.TASK.resourceType());
    }
  }

  @Test
  void aGrantOnAnExistingTaskIsFoundAndKeptSingle() {
    Task task = startAndGetTask();
    String grantId = onlyGrant(task, GROUP, null).getId();

    ProductCalls.run(() -> {
      taskService.deleteCandidateGroup(task.getId(), GROUP); // the engine keeps the grant (its provider does too)
      taskService.addCandidateGroup(task.getId(), GROUP);
    });
    taskService.setAssignee(task.getId(), USER);

    assertThat(onlyGrant(task, GROUP, null).getId()).isEqualTo(grantId);
    assertThat(onlyGrant(task, null, USER).isPermissionGranted(taskPermission())).isTrue();
  }

  @Test
  void aStandaloneTaskWithItsOwnIdExtendsAGrantMadeBeforeIt() {
    String taskId = "new-task-authorization-standalone-" + System.nanoTime();
    Authorization earlier = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    earlier.setUserId(USER);
    earlier.setResource(Resources.TASK);
    earlier.setResourceId(taskId);
    earlier.addPermission(Permissions.READ);
    String earlierId = authorizationService.saveAuthorization(earlier).getId();
    try {
      Task task = taskService.newTask(taskId);
      task.setAssignee(USER);
      ProductCalls.run(() -> taskService.saveTask(task));

      Authorization grant = onlyGrant(task, null, USER);
      assertThat(grant.getId()).isEqualTo(earlierId);
      assertThat(grant.isPermissionGranted(taskPermission())).isTrue();
    } finally {
      ProductCalls.run(() -> taskService.deleteTask(taskId, true));
      authorizationService.createAuthorizationQuery().resourceId(taskId).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }

  private Task startAndGetTask() {
    String instanceId = ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(KEY).getId());
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  private Authorization onlyGrant(Task task, String groupId, String userId) {
    var query = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).authorizationType(Authorization.AUTH_TYPE_GRANT);
    List<Authorization> grants = (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).list();
    assertThat(grants).as("grants on task %s for %s", task.getId(), groupId != null ? groupId : userId).hasSize(1);
    return grants.get(0);
  }

  private Permission taskPermission() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDefaultUserPermissionForTask();
  }
}
