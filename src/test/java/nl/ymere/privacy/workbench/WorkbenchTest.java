package nl.ymere.privacy.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javax.sql.DataSource;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.TaskService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The staff's workbench (issue 16): the overview colours requests by their legal due date with the clock moved, finds
 * them by reference or name, exports them, and shows a task's case to whoever may see the task — never to others.
 */
@IntegrationTest
class WorkbenchTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
  /** Each test's own names, so the search finds only this test's requests in the shared database. */
  final String marker = "Werkbank" + Long.toString(System.nanoTime() % 100_000_000L, 36);
  final String OVERDUE_NAME = marker + " Telaat";
  final String AMBER_NAME = marker + " Bijna";
  final String GREEN_NAME = marker + " Ruim";

  @Autowired TestRestTemplate rest;
  @Autowired RequestTestSupport requests;
  @Autowired TaskService taskService;
  @Autowired DataSource dataSource;

  RequestRecord overdue;
  RequestRecord amber;
  RequestRecord green;

  @BeforeEach
  void registerThreeRequests() {
    requests.setNow(TODAY, 10, 0);
    // due 10-03-2026 (passed), 25-03-2026 (5 days: amber, 2 working days before is 23-03), 20-04-2026 (green)
    overdue = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.of(2026, 2, 10),
        OVERDUE_NAME, "telaat@example.test"));
    amber = requests.register(RequestTestSupport.command(RequestRight.ERASURE, LocalDate.of(2026, 2, 25),
        AMBER_NAME, "bijna@example.test"));
    green = requests.register(RequestTestSupport.command(RequestRight.ACCESS, LocalDate.of(2026, 3, 19),
        GREEN_NAME, "ruim@example.test"));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    requests.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(OVERDUE_NAME, AMBER_NAME, GREEN_NAME).hits()).isEmpty();
  }

  private Document page(String user, String path) {
    ResponseEntity<String> answer = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return Jsoup.parse(answer.getBody());
  }

  @Test
  void theOverviewColoursByDueDateAndFindsByReferenceOrName() {
    Document overview = page("desk", "/werkbank?q=" + marker);

    Element late = overview.getElementById("row-" + overdue.reference());
    Element soon = overview.getElementById("row-" + amber.reference());
    Element later = overview.getElementById("row-" + green.reference());
    assertThat(late.selectFirst(".urgency").classNames()).contains("urgency-overdue");
    assertThat(late.selectFirst(".urgency").text()).isEqualTo("10 dagen te laat");
    assertThat(soon.selectFirst(".urgency").classNames()).contains("urgency-amber");
    assertThat(soon.selectFirst(".urgency").text()).isEqualTo("nog 5 dagen");
    assertThat(later.selectFirst(".urgency").classNames()).contains("urgency-green");
    assertThat(late.text()).contains(OVERDUE_NAME, "inzage", "10-03-2026");

    Document byReference = page("desk", "/werkbank?q=" + amber.reference());
    assertThat(byReference.select("#requests tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + amber.reference());

    Document lateOnly = page("officer", "/werkbank?q=" + marker + "&termijn=te-laat");
    assertThat(lateOnly.select("#requests tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + overdue.reference());
    Document withinWeek = page("officer", "/werkbank?q=" + marker + "&termijn=binnen-7-dagen");
    assertThat(withinWeek.select("#requests tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + amber.reference());
  }

  @Test
  void theRedColourStartsTwoWorkingDaysBeforeTheDueDate() {
    requests.setNow(LocalDate.of(2026, 3, 23), 9, 0); // Monday; due Wednesday 25-03
    Document overview = page("desk", "/werkbank?q=" + amber.reference());
    assertThat(overview.getElementById("row-" + amber.reference()).selectFirst(".urgency").classNames())
        .contains("urgency-red");
  }

  @Test
  void theExportHasTheSameRowsAsCsv() {
    ResponseEntity<String> csv = rest.withBasicAuth("desk", "desk").getForEntity("/werkbank/export.csv?q=" + marker,
        String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).contains("kenmerk;recht;aanvrager")
        .contains(overdue.reference() + ";inzage;" + OVERDUE_NAME + ";10-02-2026;10-03-2026;10 dagen te laat;te laat");
  }

  @Test
  void onlyTheDeskAndOfficersSeeTheOverview() {
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/werkbank", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("assessor1", "assessor1").getForEntity("/werkbank/verzoeken/"
        + overdue.reference(), String.class).getStatusCode().value()).isEqualTo(403);
    // a browser without a session is sent to the login page
    assertThat(rest.getForEntity("/werkbank", String.class).getBody()).contains("name=\"password\"")
        .doesNotContain("id=\"requests\"");
  }

  @Test
  void theRequestPageShowsPersonTimelineAndOpenTaskWithALinkIntoTasklist() {
    Document request = page("desk", "/werkbank/verzoeken/" + green.reference());

    assertThat(request.getElementById("request-facts").text()).contains(GREEN_NAME, "ruim@example.test",
        "17-05-1980", "Ik wil graag weten welke gegevens u van mij heeft.", "19-03-2026", "20-04-2026");
    assertThat(request.getElementById("timeline").text()).contains("Verzoek geregistreerd");
    Element task = request.getElementById("open-tasks");
    assertThat(task.text()).contains("nog niemand");
    assertThat(task.selectFirst("a").attr("href")).startsWith("/camunda/app/tasklist/default/#/?task=");
  }

  /** Staff are named by their first and last name (Camunda identity), not by login id (issue 16). */
  @Test
  void anAssigneeIsNamedOnTheRequestPageTheOverviewAndTheExport() {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(green.reference()).active().list()
        .get(0).getId();
    taskService.claim(taskId, "desk");

    Element claimed = page("officer", "/werkbank/verzoeken/" + green.reference()).getElementById("open-tasks")
        .select("tr").stream().filter(tr -> tr.selectFirst("a[href$='task=" + taskId + "']") != null).findFirst()
        .orElseThrow();
    assertThat(claimed.select("td").get(1).text()).isEqualTo("Daan Balie");
    Element row = page("officer", "/werkbank?q=" + green.reference()).getElementById("row-" + green.reference());
    assertThat(row.select("td").last().text()).isEqualTo("Daan Balie");
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity("/werkbank/export.csv?q=" + green.reference(),
        String.class).getBody()).contains(";Daan Balie\r\n");
  }

  @Test
  void aTaskShowsItsCaseToWhoeverMaySeeTheTaskAndToNobodyElse() {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(green.reference()).active().list()
        .get(0).getId();

    Document embedded = page("desk", "/werkbank/taken/" + taskId + "?ingebed=true");
    assertThat(embedded.body().hasClass("embedded")).isTrue();
    assertThat(embedded.select("header.site-header")).isEmpty();
    assertThat(embedded.getElementById("request-facts").text()).contains(green.reference(), GREEN_NAME,
        "ruim@example.test", "inzage");

    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/werkbank/taken/" + taskId, String.class)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity("/werkbank/taken/no-such-task", String.class)
        .getStatusCode().value()).isEqualTo(404);
  }
}
