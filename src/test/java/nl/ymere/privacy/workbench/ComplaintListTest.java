package nl.ymere.privacy.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javax.sql.DataSource;
import nl.ymere.privacy.complaint.Complaint;
import nl.ymere.privacy.complaint.ComplaintTestSupport;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
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
 * The workbench's privacy complaints (issue 16 item 3): with the clock moved, the list colours complaints by the due
 * date of their written answer (CMP-1 with DL-1..DL-3, stored by ComplaintService.dueDateOf) as the request overview
 * does, finds them by reference or name, exports them, shows one complaint with its timeline and open task, tells
 * bad filter input in Dutch, and is only for the desk, the officers and the FG (as {@code /api/complaints}).
 */
@IntegrationTest
class ComplaintListTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
  /** Each test's own names, so the search finds only this test's complaints in the shared database. */
  final String marker = "Klachtlijst" + Long.toString(System.nanoTime() % 100_000_000L, 36);
  final String OVERDUE_NAME = marker + " Telaat";
  final String AMBER_NAME = marker + " Bijna";
  final String GREEN_NAME = marker + " Ruim";
  final String TEXT = "Mijn gegevens zijn zonder reden aan de aannemer gegeven " + marker + ".";

  @Autowired TestRestTemplate rest;
  @Autowired RequestTestSupport requests;
  @Autowired ComplaintTestSupport complaints;
  @Autowired DataSource dataSource;

  Complaint overdue;
  Complaint amber;
  Complaint green;

  @BeforeEach
  void registerThreeComplaints() {
    requests.setNow(TODAY, 10, 0);
    // CMP-1: one month (DL-2), rolled forward (DL-3): due Tuesday 10-03-2026 (passed), Wednesday 25-03-2026 (5 days:
    // amber; red from Monday 23-03, 2 working days before) and Monday 20-04-2026 (19-04 is a Sunday: green)
    overdue = complaints.register("desk", ComplaintTestSupport.complaint(LocalDate.of(2026, 2, 10), OVERDUE_NAME,
        "telaat@example.test", TEXT));
    amber = complaints.register("desk", ComplaintTestSupport.complaint(LocalDate.of(2026, 2, 25), AMBER_NAME,
        "bijna@example.test", TEXT));
    green = complaints.register("officer", ComplaintTestSupport.complaint(LocalDate.of(2026, 3, 19), GREEN_NAME,
        "ruim@example.test", TEXT));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    requests.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(OVERDUE_NAME, AMBER_NAME, GREEN_NAME, TEXT).hits()).isEmpty();
  }

  private Document page(String user, String path) {
    ResponseEntity<String> answer = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return Jsoup.parse(answer.getBody());
  }

  private int status(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode().value();
  }

  @Test
  void theListColoursByTheAnswersDueDateAndFindsByReferenceOrName() {
    Document list = page("desk", "/werkbank/klachten?q=" + marker);

    Element late = list.getElementById("row-" + overdue.reference());
    Element soon = list.getElementById("row-" + amber.reference());
    Element later = list.getElementById("row-" + green.reference());
    assertThat(late.selectFirst(".urgency").classNames()).contains("urgency-overdue");
    assertThat(late.selectFirst(".urgency").text()).isEqualTo("10 dagen te laat");
    assertThat(late.text()).contains(OVERDUE_NAME, "10-02-2026", "10-03-2026", "geregistreerd");
    assertThat(soon.selectFirst(".urgency").classNames()).contains("urgency-amber");
    assertThat(soon.selectFirst(".urgency").text()).isEqualTo("nog 5 dagen");
    assertThat(later.selectFirst(".urgency").classNames()).contains("urgency-green");
    assertThat(later.text()).contains("20-04-2026");
    // sorted by due date: the overdue one first
    assertThat(list.select("#complaints tbody tr[id]")).extracting(Element::id).containsExactly(
        "row-" + overdue.reference(), "row-" + amber.reference(), "row-" + green.reference());

    Document byReference = page("fg", "/werkbank/klachten?q=" + amber.reference().toLowerCase());
    assertThat(byReference.select("#complaints tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + amber.reference());
    Document byName = page("officer", "/werkbank/klachten?q=" + GREEN_NAME.toUpperCase());
    assertThat(byName.select("#complaints tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + green.reference());

    Document lateOnly = page("officer", "/werkbank/klachten?q=" + marker + "&termijn=te-laat");
    assertThat(lateOnly.select("#complaints tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + overdue.reference());
    Document withinWeek = page("officer", "/werkbank/klachten?q=" + marker + "&termijn=binnen-7-dagen");
    assertThat(withinWeek.select("#complaints tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + amber.reference());
  }

  @Test
  void theRedColourStartsTwoWorkingDaysBeforeTheDueDate() {
    requests.setNow(LocalDate.of(2026, 3, 23), 9, 0); // Monday; due Wednesday 25-03
    Element row = page("desk", "/werkbank/klachten?q=" + amber.reference()).getElementById("row-" + amber.reference());
    assertThat(row.selectFirst(".urgency").classNames()).contains("urgency-red");
  }

  @Test
  void theExportHasAHeaderAndTheRows() {
    ResponseEntity<String> csv = rest.withBasicAuth("desk", "desk")
        .getForEntity("/werkbank/klachten/export.csv?q=" + marker + "&termijn=te-laat", String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).contains("kenmerk;kanaal;klager;ontvangen;uiterste datum;dagen;urgentie;status")
        .contains(overdue.reference() + ";e-mail;" + OVERDUE_NAME + ";10-02-2026;10-03-2026;10 dagen te laat;te laat;"
            + "geregistreerd;")
        .doesNotContain(amber.reference());
  }

  @Test
  void theComplaintPageShowsFactsTimelineAndOpenTaskWithALinkIntoTasklist() {
    Document complaint = page("desk", "/werkbank/klachten/" + green.reference());

    assertThat(complaint.getElementById("complaint-facts").text()).contains(GREEN_NAME, "ruim@example.test", TEXT,
        "19-03-2026", "20-04-2026", "geregistreerd", "e-mail");
    assertThat(complaint.getElementById("timeline").text()).contains("Klacht geregistreerd");
    Element tasks = complaint.getElementById("open-tasks");
    assertThat(tasks.select("a")).isNotEmpty();
    assertThat(tasks.selectFirst("a").attr("href")).startsWith("/camunda/app/tasklist/default/#/?task=");
    assertThat(complaint.select("a[href='/werkbank/klachten']")).isNotEmpty();

    assertThat(status("desk", "/werkbank/klachten/KL-1999-999999")).isEqualTo(404);
  }

  @Test
  void badFilterInputIsToldInDutchAndNeverFails() {
    ResponseEntity<String> answer = rest.withBasicAuth("desk", "desk")
        .getForEntity("/werkbank/klachten?q=" + marker + "&status=OPEN&termijn=gisteren", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    Document list = Jsoup.parse(answer.getBody());
    assertThat(list.getElementById("filter-problems").text()).contains("Onbekende status 'OPEN'",
        "Onbekende termijn 'gisteren'");
    assertThat(status("desk", "/werkbank/klachten/export.csv?status=OPEN")).isEqualTo(400);
  }

  @Test
  void onlyTheDeskTheOfficersAndTheFgSeeComplaints() {
    assertThat(status("fg", "/werkbank/klachten")).isEqualTo(200);
    assertThat(status("facility", "/werkbank/klachten")).isEqualTo(403);
    assertThat(status("manager", "/werkbank/klachten/" + green.reference())).isEqualTo(403);
    assertThat(status("assessor1", "/werkbank/klachten/export.csv")).isEqualTo(403);
    // the tabs: the desk sees requests and complaints, not breaches; the FG complaints and breaches
    assertThat(page("desk", "/werkbank/klachten").select("nav.tabs a")).extracting(Element::text)
        .containsExactly("Verzoeken", "Klachten");
    assertThat(page("fg", "/werkbank/klachten").select("nav.tabs a")).extracting(Element::text)
        .containsExactly("Klachten", "Datalekken");
    assertThat(page("officer", "/werkbank").select("nav.tabs a")).extracting(Element::text)
        .containsExactly("Verzoeken", "Klachten", "Datalekken");
  }
}
