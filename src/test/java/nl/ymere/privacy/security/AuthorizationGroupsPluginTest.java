package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.List;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine checks authorizations with the caller's groups as they are (no scan of every authorization row per
 * command, issue 4) and always checks revokes (four eyes, DESIGN principle 6), and the outcomes are those of the
 * engine's own rules.
 */
@IntegrationTest
class AuthorizationGroupsPluginTest {

  private static final String RESOURCE = "authorization-groups-plugin-test";

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizationService;

  @AfterEach
  void removeTestAuthorizations() {
    authorizationService.createAuthorizationQuery().resourceId(RESOURCE).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  @Test
  void everyCommandUsesTheManagerThatKeepsTheGroupsAsAuthenticated() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    AuthorizationManager manager = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager());

    assertThat(manager).isInstanceOf(AuthorizationGroupsPlugin.GroupsAsAuthenticated.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("privacy-desk", "group-without-authorizations")))
        .containsExactly("privacy-desk", "group-without-authorizations");
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("always");
  }

  @Test
  void aGroupWithoutAuthorizationsGrantsNothingAndAUserRevokeStillWins() {
    grant(AUTH_TYPE_GRANT, null, "authorization-test-group");
    List<String> groups = List.of("group-without-authorizations", "authorization-test-group");

    assertThat(isAuthorized("tester", groups)).isTrue();
    assertThat(isAuthorized("tester", List.of("group-without-authorizations"))).isFalse();

    grant(AUTH_TYPE_REVOKE, "tester", null);
    assertThat(isAuthorized("tester", groups)).isFalse();
    assertThat(isAuthorized("colleague", groups)).isTrue();
  }

  private boolean isAuthorized(String user, List<String> groups) {
    return authorizationService.isUserAuthorized(user, groups, Permissions.READ, Resources.PROCESS_DEFINITION,
        RESOURCE);
  }

  private void grant(int type, String user, String group) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(RESOURCE);
    if (type == AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ); // a revoke starts with every permission kept
    } else {
      authorization.addPermission(Permissions.READ);
    }
    if (user != null) {
      authorization.setUserId(user);
    } else {
      authorization.setGroupId(group);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
