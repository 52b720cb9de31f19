package nl.ymere.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.StaffBrowser;
import nl.ymere.privacy.support.StaffBrowser.Page;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Flagged items of an access review go to who may see them (issue 16 item 2; SEC-1, ACC-3): the review's opening gives
 * each restricted-data team a Tasklist subtask; the desk sees that the nuisance file and the home-adaptation items
 * exist but neither their content nor a way to decide them; a member of the team decides exactly the team's items on
 * the subtask's screen (not the desk's items, not the other team's), bad input shows a Dutch error and changes nothing,
 * and the subtask completes only when each of the team's items is decided. No personal data reach the engine.
 */
@IntegrationTest
class AccessTeamReviewScreenTest {

  @LocalServerPort int port;
  @Autowired RequestTestSupport support;
  @Autowired AccessTestSupport access;
  @Autowired AccessRepository repository;
  @Autowired PersonalDataSources sources;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired DataSource dataSource;

  String reference;
  Task review;

  @BeforeEach
  void accessRequestAtItsReview() {
    support.setNow(LocalDate.of(2026, 3, 3), 10, 0);
    reference = access.startAccess(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        LocalDate.of(2026, 3, 3));
    support.complete("desk", reference, AccessRequestProcess.Elements.CONFIRM_SEARCH,
        Map.of("tenancyNumber", AccessTestSupport.TENANCY));
    review = support.task(reference, AccessRequestProcess.Elements.REVIEW_ITEMS);
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        AccessTestSupport.TENANCY, AccessTestSupport.NEIGHBOUR, "Lopend onderzoek naar overlast")
        .dateOfBirth(AccessTestSupport.TENANT_BORN).hits()).isEmpty();
  }

  @Test
  void eachTeamDecidesItsOwnFlaggedItemsOnItsSubtaskAndNothingElse() {
    // a subtask of the review for each team that owns a flagged item, in its candidate group, due with the review
    Task nuisanceTask = subtask("nuisance-team");
    Task adaptationTask = subtask("housing-adaptation");
    assertThat(nuisanceTask.getName()).isEqualTo("Bijzondere gegevens beoordelen (inzage)");
    assertThat(nuisanceTask.getDueDate()).isEqualTo(review.getDueDate());
    String path = "/werkbank/taken/" + nuisanceTask.getId() + "/bijzondere-gegevens";

    // the desk: sees that the items exist, not their content, and gets neither a form nor the team's screen
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    Page deskScreen = desk.get("/werkbank/taken/" + review.getId() + "/inzage-beoordeling");
    Element deskNuisance = deskScreen.document().selectFirst("section.item[id^=item-nuisance-]");
    assertThat(deskNuisance.select("form.decide")).isEmpty();
    assertThat(deskNuisance.selectFirst(".restricted").text()).contains("het overlastteam", "eigen taak");
    assertThat(deskNuisance.select("table.content")).isEmpty();
    assertThat(desk.get(path).status()).isEqualTo(404);
    assertThat(StaffBrowser.logIn(port, "adaptation").get(path).status()).isEqualTo(404);

    // the team member: the Zaak tab of the subtask links to the screen, which holds only the team's items, readable
    StaffBrowser nuisance = StaffBrowser.logIn(port, "nuisance");
    assertThat(nuisance.get("/werkbank/taken/" + review.getId() + "/inzage-beoordeling").status()).isEqualTo(404);
    assertThat(nuisance.get("/werkbank/taken/" + nuisanceTask.getId()).byId("task-screen").selectFirst("a")
        .attr("href")).isEqualTo(path);
    Page screen = nuisance.get(path);
    assertThat(screen.status()).isEqualTo(200);
    assertThat(screen.byId("team-notice").text()).contains("het overlastteam");
    List<Element> items = screen.document().select("section.item");
    long teamItems = repository.items(reference).stream().filter(row -> row.system().equals("nuisance")).count();
    assertThat(items).hasSize((int) teamItems).isNotEmpty()
        .allSatisfy(item -> assertThat(item.id()).startsWith("item-nuisance-"));
    assertThat(items).allSatisfy(item -> {
      assertThat(item.select("form.decide")).hasSize(1);
      assertThat(item.select("table.content")).hasSize(1);
    });
    assertThat(screen.byId("count-total").text()).isEqualTo(String.valueOf(teamItems));

    // bad input: a Dutch error in view, nothing stored
    Element first = items.get(0);
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page noCode = nuisance.submit(first.selectFirst("form.decide"), List.of(Map.entry("decision", "WITHHOLD"),
        Map.entry("reason", "te kort")));
    assertThat(noCode.status()).isEqualTo(400);
    assertThat(noCode.byId(first.id()).select(".field-error").eachText()).contains(
        "Kies een uitzonderingsgrond om dit gegeven te weigeren (ACC-3).");
    // forged posts: a desk item and the other team's item are not the nuisance team's to decide
    String repairs = repository.items(reference).stream().filter(row -> row.system().equals("repairs")).findFirst()
        .orElseThrow().itemId();
    String adaptationItem = repository.items(reference).stream().filter(row -> row.system().equals("adaptation"))
        .findFirst().orElseThrow().itemId();
    for (String forgedTarget : List.of("repairs/" + repairs, "adaptation/" + adaptationItem)) {
      Element forged = first.selectFirst("form.decide").clone();
      forged.attr("action", forged.attr("action").replaceFirst("/items/.*", "/items/" + forgedTarget));
      assertThat(nuisance.submit(forged, List.of(Map.entry("decision", "INCLUDE"))).status()).as(forgedTarget)
          .isEqualTo(404);
    }
    // completing before every item of the team is decided
    Page early = nuisance.submit(screen.byId("complete-form"), List.of());
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.byId("complete-error").text()).contains("van de gegevens van uw team hebben nog geen beslissing");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.personal_data_access_log")).isEmpty();
    assertThat(repository.items(reference)).allSatisfy(row -> assertThat(row.decided()).isFalse());

    // the team decides its items: the first withheld (ongoing investigation), the rest given
    Page withheld = nuisance.submit(first.selectFirst("form.decide"), List.of(Map.entry("decision", "WITHHOLD"),
        Map.entry("exemptionCode", "CRIME_PREVENTION"),
        Map.entry("reason", "Lopend onderzoek naar overlast in het complex; verstrekken schaadt het onderzoek.")));
    assertThat(withheld.status()).isEqualTo(302);
    for (Element item : items.subList(1, items.size())) {
      assertThat(nuisance.submit(item.selectFirst("form.decide"), List.of(Map.entry("decision", "INCLUDE")))
          .status()).isEqualTo(302);
    }
    Page done = nuisance.submit(nuisance.get(path).byId("complete-form"), List.of());
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(taskService.createTaskQuery().taskId(nuisanceTask.getId()).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(nuisanceTask.getId()).singleResult()
        .getAssignee()).isEqualTo("nuisance");
    assertThat(repository.items(reference)).filteredOn(row -> row.system().equals("nuisance"))
        .allSatisfy(row -> assertThat(row.decidedBy()).isEqualTo("nuisance"));
    assertThat(repository.items(reference)).filteredOn(row -> !row.system().equals("nuisance"))
        .allSatisfy(row -> assertThat(row.decided()).isFalse());
    assertThat(nuisance.get(path).status()).isEqualTo(404);

    // the review still needs the other items (a privacy officer may decide flagged items too); the adaptation team's
    // subtask, not completed, is removed when the review completes
    access.decideDemoTenantItems(reference, "desk", "officer");
    support.complete("desk", reference, AccessRequestProcess.Elements.REVIEW_ITEMS, Map.of());
    assertThat(taskService.createTaskQuery().taskId(adaptationTask.getId()).count()).as("closed with the review")
        .isZero();
    assertThat(support.eventTypes(reference)).contains("ACCESS_TEAM_REVIEW_OPENED", "ACCESS_TEAM_REVIEW_COMPLETED");
  }

  private Task subtask(String team) {
    List<Task> subtasks = taskService.createTaskQuery().taskParentTaskId(review.getId()).taskCandidateGroup(team)
        .list();
    assertThat(subtasks).as(team).hasSize(1);
    return subtasks.get(0);
  }
}
