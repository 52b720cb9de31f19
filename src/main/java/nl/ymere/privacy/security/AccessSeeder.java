package nl.ymere.privacy.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.ymere.privacy.security.GroupAuthorizations.Grant;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Creates, if absent, the functional groups, the admin user, the group authorizations and the shared
 * Tasklist filters. Create-if-absent, so restarts and a second node starting at the same time duplicate
 * nothing (a lost race on a unique key is logged and ignored).
 */
@Service
@Order(1)
public class AccessSeeder {

  private static final Logger log = LoggerFactory.getLogger(AccessSeeder.class);

  static final String FILTER_MY_TASKS = "Mijn taken";
  static final String FILTER_GROUP_TASKS = "Taken van mijn groepen";
  static final String FILTER_ALL_BY_DUE_DATE = "Alle open taken op termijn";

  private static final Map<String, String> GROUP_NAMES = Map.ofEntries(
      Map.entry(Groups.ADMIN, "Beheerders"),
      Map.entry(Groups.PRIVACY_DESK, "Privacyloket"),
      Map.entry(Groups.PRIVACY_OFFICERS, "Privacy officers"),
      Map.entry(Groups.FG, "Functionaris Gegevensbescherming"),
      Map.entry(Groups.FRAUD_ASSESSORS, "Beoordelaars woonfraude"),
      Map.entry(Groups.FACILITY, "Facilitair / beveiliging"),
      Map.entry(Groups.PROCUREMENT, "Inkoop / contractbeheer"),
      Map.entry(Groups.MANAGEMENT, "Directie"),
      Map.entry(Groups.NUISANCE_TEAM, "Team overlast"),
      Map.entry(Groups.HOUSING_ADAPTATION, "Woningaanpassing"));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final SecurityProperties properties;

  AccessSeeder(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, SecurityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.properties = properties;
  }

  public void seed() {
    GROUP_NAMES.forEach(this::ensureGroup);
    for (Resource resource : Resources.values()) {
      ensureGrant(new Grant(Groups.ADMIN, resource, ANY, Permissions.ALL));
    }
    GroupAuthorizations.all().forEach(this::ensureGrant);
    ensureUser("admin", "Beheerder", "Privacy", properties.adminPassword(), List.of(Groups.ADMIN));
    ensureFilters();
  }

  /** Creates the user with its memberships when absent; an existing user keeps its password. */
  public void ensureUser(String id, String firstName, String lastName, String password, List<String> groups) {
    ignoreLostRace("user " + id, () -> {
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@ymere.example");
        user.setPassword(password);
        identityService.saveUser(user);
        log.info("Created user {}", id);
      }
      return null;
    });
    for (String group : groups) {
      ignoreLostRace("membership " + id + "/" + group, () -> {
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
          identityService.createMembership(id, group);
        }
        return null;
      });
    }
  }

  private void ensureGroup(String id, String name) {
    ignoreLostRace("group " + id, () -> {
      if (identityService.createGroupQuery().groupId(id).count() == 0) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(Groups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
        identityService.saveGroup(group);
      }
      return null;
    });
  }

  private void ensureGrant(Grant grant) {
    ignoreLostRace("authorization " + grant.groupId() + " " + grant.resource().resourceName(), () -> {
      Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(grant.groupId())
          .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
      Authorization authorization = existing;
      boolean changed = false;
      if (authorization == null) {
        authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        changed = true;
      }
      for (Permission permission : grant.permissions()) {
        if (!authorization.isPermissionGranted(permission)) {
          authorization.addPermission(permission);
          changed = true;
        }
      }
      if (changed) {
        authorizationService.saveAuthorization(authorization);
      }
      return null;
    });
  }

  private void ensureFilters() {
    ensureFilter(FILTER_MY_TASKS, -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter(FILTER_GROUP_TASKS, 0, taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned().orderByDueDate().asc());
    ensureFilter(FILTER_ALL_BY_DUE_DATE, 10, taskService.createTaskQuery().orderByDueDate().asc());
  }

  /**
   * Shown on every task card in Tasklist, so a handler sees which case a task belongs to: the case references (codes,
   * never personal data, SEC-3) that the processes keep as variables.
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "reference", "label", "Referentie"),
      Map.of("name", "signalReference", "label", "Signaal"),
      Map.of("name", "cameraReference", "label", "Camera"),
      Map.of("name", "agreementReference", "label", "Overeenkomst"));

  private void ensureFilter(String name, int priority, TaskQuery query) {
    Map<String, Object> properties = Map.of("priority", priority, "refresh", true,
        "description", "Gedeeld filter voor alle privacyteams", "variables", CARD_VARIABLES);
    Filter filter = ignoreLostRace("filter " + name, () -> {
      Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
      if (existing != null) {
        if (existing.getProperties() == null || !existing.getProperties().containsKey("variables")) {
          // filters seeded before the task cards showed references get them now
          return filterService.saveFilter(existing.setProperties(properties));
        }
        return existing;
      }
      Filter created = filterService.newTaskFilter(name).setOwner("admin").setProperties(properties).setQuery(query);
      return filterService.saveFilter(created);
    });
    for (String group : Groups.FUNCTIONAL) {
      ensureGrant(new Grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
    }
  }

  private static <T> T ignoreLostRace(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      // Another node may have created the same item a moment earlier (unique key): the second attempt then
      // finds it and does nothing. Any other failure repeats and is thrown.
      log.info("Seeding {} raced with another node ({}); checking again", what, e.getClass().getSimpleName());
      return action.get();
    }
  }
}
