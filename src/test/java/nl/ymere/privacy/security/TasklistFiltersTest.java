package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared Tasklist filters (issue 16 item 4): the standing "Termijn verlengen" task (DL-2) no longer doubles every
 * request in the default filters but has its own filter, and every filter shows the case's reference, right and due
 * date on the task cards (codes and dates only, SEC-3). Filters are evaluated as the desk user, as Tasklist does.
 */
@IntegrationTest
class TasklistFiltersTest {

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RequestTestSupport requests;
  @Autowired AccessSeeder seeder;

  private RequestRecord request;
  private Task identityTask;
  private Task extensionTask;

  @BeforeEach
  void registerRequest() {
    long n = System.nanoTime() % 1_000_000;
    request = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.now(), "Fien Filter" + n,
        "fien" + n + "@voorbeeld.nl"));
    identityTask = taskService.createTaskQuery().processInstanceBusinessKey(request.reference())
        .taskDefinitionKey(IdentityVerificationProcess.Elements.CHOOSE_METHOD).singleResult();
    extensionTask = taskService.createTaskQuery().processInstanceBusinessKey(request.reference())
        .taskDefinitionKey(DataSubjectRequestProcess.Elements.EXTEND_DEADLINE).singleResult();
    assertThat(identityTask).isNotNull();
    assertThat(extensionTask).as("the standing extension task waits from the start").isNotNull();
  }

  @Test
  void defaultFiltersLeaveOutTheStandingExtensionTaskWhichHasItsOwnFilter() {
    for (String name : List.of(AccessSeeder.FILTER_GROUP_TASKS, AccessSeeder.FILTER_ALL_BY_DUE_DATE)) {
      List<String> listed = taskIdsAsDesk(name);
      assertThat(listed).as("filter %s", name).contains(identityTask.getId())
          .doesNotContain(extensionTask.getId());
    }
    assertThat(taskIdsAsDesk(AccessSeeder.FILTER_DEADLINE_EXTENSIONS)).contains(extensionTask.getId())
        .doesNotContain(identityTask.getId());

    // claimed, it is not doubled in "Mijn taken" either
    requests.as("desk", () -> {
      taskService.claim(extensionTask.getId(), "desk");
      taskService.claim(identityTask.getId(), "desk");
      return null;
    });
    assertThat(taskIdsAsDesk(AccessSeeder.FILTER_MY_TASKS)).contains(identityTask.getId())
        .doesNotContain(extensionTask.getId());
  }

  @Test
  void everySharedFilterShowsReferenceRightAndDueDateOnTheCards() {
    for (String name : List.of(AccessSeeder.FILTER_MY_TASKS, AccessSeeder.FILTER_GROUP_TASKS,
        AccessSeeder.FILTER_ALL_BY_DUE_DATE, AccessSeeder.FILTER_DEADLINE_EXTENSIONS)) {
      @SuppressWarnings("unchecked")
      List<Map<String, String>> variables = (List<Map<String, String>>) filter(name).getProperties().get("variables");
      assertThat(variables).as("card variables of %s", name)
          .contains(Map.of("name", "reference", "label", "Referentie"), Map.of("name", "right", "label", "Recht"),
              Map.of("name", "dueDate", "label", "Uiterste datum"));
    }
    // the identity task's process (identity-verification) has them too, passed in by the call activity
    Map<String, Object> onCard = taskService.getVariables(identityTask.getId(), List.of("reference", "right",
        "dueDate"));
    assertThat(onCard).containsEntry("reference", request.reference()).containsEntry("right", "ACCESS")
        .containsKey("dueDate");
  }

  @Test
  void aFilterSeededByAnEarlierReleaseGetsTheNewQueryAndCardsAtTheNextStart() {
    Filter groupTasks = filter(AccessSeeder.FILTER_GROUP_TASKS);
    // as release 1 left it: every task of the user's groups, the extension task included, no seed version
    filterService.saveFilter(groupTasks.setQuery(taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned())
        .setProperties(Map.of("priority", 0, "variables", List.of(Map.of("name", "reference", "label", "Referentie")))));
    assertThat(taskIdsAsDesk(AccessSeeder.FILTER_GROUP_TASKS)).contains(extensionTask.getId());

    seeder.seed();

    assertThat(filter(AccessSeeder.FILTER_GROUP_TASKS).getProperties())
        .containsEntry("seedVersion", AccessSeeder.FILTER_SEED_VERSION);
    assertThat(taskIdsAsDesk(AccessSeeder.FILTER_GROUP_TASKS)).contains(identityTask.getId())
        .doesNotContain(extensionTask.getId());
  }

  private Filter filter(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult();
  }

  private List<String> taskIdsAsDesk(String filterName) {
    String filterId = filter(filterName).getId();
    return requests.as("desk", () -> filterService.<Task>list(filterId).stream().map(Task::getId).toList());
  }
}
