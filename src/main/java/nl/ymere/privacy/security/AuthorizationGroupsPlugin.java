package nl.ymere.privacy.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's authorization checks independent of the size of {@code ACT_RU_AUTHORIZATION}.
 *
 * <p>Before every authorized command, Camunda's {@link AuthorizationManager} reads the distinct group ids of all
 * authorization rows ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, a full scan) to drop the
 * user's groups that hold no authorization at all. Every user task adds a row for its candidate group, so that scan
 * grows with every request ever registered (issue 4 benchmark; camunda-bpm-platform#5485). Dropping such a group
 * changes no outcome: a group without rows matches nothing in the checks. Our users are in a handful of groups, so
 * {@link GroupsAsAuthenticated} passes them through unchanged and the scan never runs.
 *
 * <p>Why an {@code impl} class (issue 15 item 7): the public API has no setting for this filter, and the cost is not a
 * benchmark nicety but grows without bound with the history of a production installation (one row per task ever
 * created, until the tasks' grants are cleaned up). The successors made the same choice in their engine: Operaton
 * (camunda#5485, Operaton PR #3141) and CIB seven ({@code authGroupFilterThreshold}) skip the scan for users with
 * few groups. The override is one method of {@code AuthorizationManager} (stable since 7.0) and
 * {@code AuthorizationGroupsPluginTest} pins its effect, so an engine upgrade that changes it fails the build. The
 * second internal override that saved grant lookups for new tasks (two round trips per registration, no growth) was
 * removed: its gain did not justify depending on the engine's entity cache.
 *
 * <p>{@code privacy.engine.keep-authenticated-groups=false} leaves the engine's own manager in place; the registration
 * benchmark runs with and without it to show the gain (README, "Benchmark").
 */
@Component
@ConditionalOnProperty(name = "privacy.engine.keep-authenticated-groups", havingValue = "true", matchIfMissing = true)
class AuthorizationGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsAuthenticated();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's manager, with the authenticated groups used as they are (no scan of all authorization rows). */
  static final class GroupsAsAuthenticated extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() ? EMPTY_LIST
          : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
