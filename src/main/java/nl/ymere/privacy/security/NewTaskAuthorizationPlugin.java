package nl.ymere.privacy.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's default task authorizations (a grant for each candidate group, candidate user, assignee and owner),
 * without a database lookup for a task created in the same command.
 *
 * <p>Camunda's {@link DefaultAuthorizationProvider} first reads the group's or user's existing grant on the task
 * ({@code SELECT * FROM ACT_RU_AUTHORIZATION WHERE ... RESOURCE_ID_ = <task id>}) to add permissions to it. A task
 * that is not in the database yet has no such row: its id was generated in this command, and grants made earlier in
 * this command are still in the entity cache, which the provider merges as before. Every registration creates two
 * tasks with a candidate group, so this saves two database round trips per request (issue 4 benchmark). Tasks that
 * already exist keep the lookup; the rows written and the permissions in them are the engine's own.
 */
@Component
class NewTaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NewTaskAuthorizationProvider());
  }

  /** {@link DefaultAuthorizationProvider} that creates a task's first grants without looking for existing ones. */
  static final class NewTaskAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId,
        Resource resource, boolean isHistoric, Permission... permissions) {
      if (!createdInThisCommand(task)) {
        return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
      }
      AuthorizationEntity authorization = createAuthorization(userId, groupId, resource, task.getId(), permissions);
      if (isHistoric) {
        provideRemovalTime(authorization, task);
      }
      return authorization;
    }

    /** A task inserted by this command and not flushed yet ("transient" in the engine's entity cache). */
    static boolean createdInThisCommand(Task task) {
      CommandContext context = Context.getCommandContext();
      return task instanceof TaskEntity entity && context != null
          && context.getDbEntityManager().getDbEntityCache().isTransient(entity);
    }
  }
}
