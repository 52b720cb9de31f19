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
  static final String FILTER_DEADLINE_EXTENSIONS = "Termijn verlengen (alleen indien nodig)";

  /**
   * The standing "Termijn verlengen" task of every open request (DL-2: an extension is possible until the one-month
   * due date) waits beside the request's real work; in the default filters it doubled every request (issue 16 item
   * 4). The default filters leave it out by its name, which the process keeps fixed (names cannot be changed from
   * outside, README "Security model"), and it has its own filter for when an extension is needed.
   */
  static final String STANDING_EXTENSION_TASK_NAME = "Termijn verlengen%";

  /**
   * Raised when the seeded filters change, so that filters created by an earlier release get the new query and card
   * variables at the next start (an admin's own filters are never touched).
   */
  static final int FILTER_SEED_VERSION = 2;

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
      Map.entry(Groups.HOUSING_ADAPTATION, "Woningaanpassing"),
      Map.entry(Groups.PROCESS_OWNERS, "Proceseigenaren"));

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
    ensureFilter(FILTER_MY_TASKS, -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
        .taskNameNotLike(STANDING_EXTENSION_TASK_NAME));
    ensureFilter(FILTER_GROUP_TASKS, 0, taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
        .taskNameNotLike(STANDING_EXTENSION_TASK_NAME).orderByDueDate().asc());
    ensureFilter(FILTER_ALL_BY_DUE_DATE, 10, taskService.createTaskQuery()
        .taskNameNotLike(STANDING_EXTENSION_TASK_NAME).orderByDueDate().asc());
    ensureFilter(FILTER_DEADLINE_EXTENSIONS, 20, taskService.createTaskQuery()
        .taskDefinitionKey(DEADLINE_EXTENSION_TASK).orderByDueDate().asc());
  }

  /** The standing extension task of data-subject-request (DataSubjectRequestProcess.Elements.EXTEND_DEADLINE). */
  static final String DEADLINE_EXTENSION_TASK = "UserTask_ExtendDeadline";

  /**
   * Shown on every task card in Tasklist, so a handler sees which case a task belongs to: the case references, the
   * right and the statutory due date (codes and dates, never personal data, SEC-3). The card's own line shows the
   * task's due date relative ("over 5 dagen"); the dueDate variable shows it as a date (DL-1).
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "reference", "label", "Referentie"),
      Map.of("name", "right", "label", "Recht"),
      Map.of("name", "dueDate", "label", "Uiterste datum"),
      Map.of("name", "signalReference", "label", "Signaal"),
      Map.of("name", "cameraReference", "label", "Camera"),
      Map.of("name", "agreementReference", "label", "Overeenkomst"));

  private void ensureFilter(String name, int priority, TaskQuery query) {
    Map<String, Object> properties = Map.of("priority", priority, "refresh", true,
        "description", "Gedeeld filter voor alle privacyteams", "variables", CARD_VARIABLES,
        "seedVersion", FILTER_SEED_VERSION);
    Filter filter = ignoreLostRace("filter " + name, () -> {
      Filter existing = filterService.createFilterQuery().filterName(name).filterOwner("admin").singleResult();
      if (existing != null) {
        if (seedVersion(existing) < FILTER_SEED_VERSION) {
          // a filter seeded by an earlier release gets this release's query and card variables
          return filterService.saveFilter(existing.setProperties(properties).setQuery(query));
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

  private static int seedVersion(Filter filter) {
    Object version = filter.getProperties() == null ? null : filter.getProperties().get("seedVersion");
    return version instanceof Number number ? number.intValue() : 1;
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
