package nl.ymere.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.StaffBrowser;
import nl.ymere.privacy.support.StaffBrowser.Page;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access review screens (issue 16 item 2): the desk decides every item on the review screen reached from the
 * task's case page (ACC-3: include, redact with field choice, withhold with code and reason), a privacy officer
 * decides the flagged items (SEC-1) and approves the exemptions on their own screen (ACC-4). Bad input shows a Dutch
 * error and changes nothing; users of the wrong group do not get the screens; no personal data reach the engine.
 */
@IntegrationTest
class AccessReviewScreensTest {

  @LocalServerPort int port;
  @Autowired RequestTestSupport support;
  @Autowired AccessTestSupport access;
  @Autowired AccessRepository repository;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired DataSource dataSource;

  String reference;

  @BeforeEach
  void accessRequestAtItsReview() {
    support.setNow(LocalDate.of(2026, 3, 3), 10, 0);
    reference = access.startAccess(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        LocalDate.of(2026, 3, 3));
    support.complete("desk", reference, AccessRequestProcess.Elements.CONFIRM_SEARCH,
        Map.of("tenancyNumber", AccessTestSupport.TENANCY));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        AccessTestSupport.TENANCY, AccessTestSupport.NEIGHBOUR, "geïrriteerd", "Lopende procedure")
        .dateOfBirth(AccessTestSupport.TENANT_BORN).hits()).isEmpty();
  }

  @Test
  void theDeskDecidesEveryItemOnTheScreenAndTheScreenCompletesTheTask() {
    String taskId = support.task(reference, AccessRequestProcess.Elements.REVIEW_ITEMS).getId();
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");

    // the task's case page (Tasklist's "Zaak" tab) links to the screen
    Page casePage = desk.get("/werkbank/taken/" + taskId + "?ingebed=true");
    Element link = casePage.byId("task-screen").selectFirst("a");
    assertThat(link.attr("href")).isEqualTo("/werkbank/taken/" + taskId + "/inzage-beoordeling?ingebed=true");
    Page screen = desk.get(link.attr("href"));
    assertThat(screen.status()).isEqualTo(200);
    int total = repository.items(reference).size();
    assertThat(screen.byId("count-total").text()).isEqualTo(String.valueOf(total));
    assertThat(screen.byId("count-undecided").text()).isEqualTo(String.valueOf(total));
    // SEC-1: the nuisance file is neither shown nor decidable by the desk; the screen says who decides it
    Element nuisance = screen.document().selectFirst("section.item[id^=item-nuisance-]");
    assertThat(nuisance.select("form.decide")).isEmpty();
    assertThat(nuisance.selectFirst(".restricted").text()).contains("een privacy officer of het overlastteam");
    assertThat(nuisance.text()).doesNotContain(AccessTestSupport.NEIGHBOUR);
    // the fields of an item read in Dutch; the form still posts the field name
    Element complaint = screen.document().selectFirst("section.item[id^=item-contacts-]:has(.flag.third)");
    assertThat(complaint.select("table.content th").eachText()).contains("Naam contactpersoon")
        .doesNotContain("contactName");
    assertThat(complaint.selectFirst("input[name=redactFields][value=contactName]").parent().text())
        .isEqualTo("Naam contactpersoon");

    // bad input: a Dutch error next to the field, status 400, nothing stored
    Element repair = screen.document().selectFirst("section.item[id^=item-repairs-]");
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page noCode = desk.submit(repair.selectFirst("form.decide"), List.of(Map.entry("decision", "WITHHOLD"),
        Map.entry("reason", "te kort")));
    assertThat(noCode.status()).isEqualTo(400);
    Element failed = noCode.byId(repair.id());
    assertThat(failed.select(".field-error").eachText()).contains(
        "Kies een uitzonderingsgrond om dit gegeven te weigeren (ACC-3).",
        "Geef een motivering voor deze zaak van minstens 20 tekens (ACC-3).");
    assertThat(failed.selectFirst("textarea[name=reason]").text()).isEqualTo("te kort");
    Page noDecision = desk.submit(repair.selectFirst("form.decide"), List.of());
    assertThat(noDecision.byId(repair.id()).selectFirst(".field-error").text())
        .isEqualTo("Kies verstrekken, afschermen of weigeren.");
    Page nothingToRedact = desk.submit(repair.selectFirst("form.decide"), List.of(Map.entry("decision", "REDACT")));
    assertThat(nothingToRedact.byId(repair.id()).selectFirst(".field-error").text())
        .startsWith("Kies de velden of noem de tekstpassages");
    Page foreignField = desk.submit(repair.selectFirst("form.decide"), List.of(Map.entry("decision", "REDACT"),
        Map.entry("redactFields", "geenVeld")));
    assertThat(foreignField.byId(repair.id()).selectFirst(".field-error").text())
        .isEqualTo("Dit gegeven heeft geen veld geenVeld.");
    // a forged post for the nuisance item (no form for it on the desk's screen)
    Element forged = repair.selectFirst("form.decide").clone();
    forged.attr("action", forged.attr("action").replaceFirst("/items/.*", "/items/nuisance/"
        + nuisance.id().substring("item-nuisance-".length())));
    Page refused = desk.submit(forged, List.of(Map.entry("decision", "INCLUDE")));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.byId(nuisance.id()).selectFirst(".error-summary").text())
        .contains("alleen een privacy officer of het eigen team");
    // completing with items undecided: the Dutch refusal, the task stays open and unclaimed
    Page early = desk.submit(screen.byId("complete-form"), List.of());
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.byId("complete-error").text()).contains("gegevens hebben nog geen beslissing");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();

    // the desk decides what it may read: the neighbour's complaint redacted with a field choice, the work note
    // withheld, the rest given
    for (Element item : screen.document().select("section.item:has(form.decide)")) {
      Page saved = desk.submit(item.selectFirst("form.decide"), decisionFor(item));
      assertThat(saved.status()).as(item.id()).isEqualTo(302);
      assertThat(desk.follow(saved).byId(item.id()).selectFirst(".saved").text()).isEqualTo("Beslissing opgeslagen.");
    }
    List<String> flaggedIds = screen.document().select("section.item:not(:has(form.decide))").eachAttr("id");
    Page stillOpen = desk.submit(screen.byId("complete-form"), List.of());
    assertThat(stillOpen.byId("complete-error").text()).startsWith(flaggedIds.size() + " van de " + total);

    // the officer decides the flagged items (nuisance file, home adaptation) on the request's review screen (SEC-1)
    StaffBrowser officer = StaffBrowser.logIn(port, "officer");
    Page officerScreen = officer.get("/werkbank/verzoeken/" + reference + "/inzage-beoordeling");
    assertThat(officerScreen.byId("complete-form")).as("no task: nothing to complete here").isNull();
    for (String id : flaggedIds) {
      Element flagged = officerScreen.byId(id);
      assertThat(flagged.select("form.decide")).as(id).hasSize(1);
      assertThat(officer.submit(flagged.selectFirst("form.decide"), decisionFor(flagged)).status()).isEqualTo(302);
    }

    Page counted = desk.get("/werkbank/taken/" + taskId + "/inzage-beoordeling");
    assertThat(counted.byId("count-undecided").text()).isEqualTo("0");
    assertThat(Integer.parseInt(counted.byId("count-withhold").text())).isEqualTo(1);
    assertThat(Integer.parseInt(counted.byId("count-redact").text())).isPositive();
    Page done = desk.submit(counted.byId("complete-form"), List.of());
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");

    HistoricTaskInstance completed = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    assertThat(completed.getDeleteReason()).isEqualTo("completed");
    assertThat(completed.getAssignee()).isEqualTo("desk");
    assertThat(repository.items(reference)).filteredOn(row -> row.decision() == AccessDecision.WITHHOLD)
        .singleElement().satisfies(row -> {
          assertThat(row.exemptionCode()).isEqualTo(ExemptionCode.PERSONAL_WORK_NOTE);
          assertThat(row.decidedBy()).isEqualTo("desk");
        });
    assertThat(repository.items(reference)).filteredOn(row -> row.system().equals("nuisance"))
        .allSatisfy(row -> assertThat(row.decidedBy()).isEqualTo("officer"));
    assertThat(support.task(reference, AccessRequestProcess.Elements.APPROVE_EXEMPTIONS)).isNotNull();
  }

  @Test
  void theOfficerApprovesTheExemptionsOnTheirScreenNeverTheReviewer() {
    // flagged items by deskofficer: whoever withheld or redacted an item may not approve (ACC-4)
    access.decideDemoTenantItems(reference, "desk", "deskofficer");
    support.complete("desk", reference, AccessRequestProcess.Elements.REVIEW_ITEMS, Map.of());
    Task approval = support.task(reference, AccessRequestProcess.Elements.APPROVE_EXEMPTIONS);
    String path = "/werkbank/taken/" + approval.getId() + "/uitzonderingen";

    // four eyes (ACC-4): the reviewer does not get the screen; nor does a user outside the officers
    assertThat(StaffBrowser.logIn(port, "desk").get(path).status()).isEqualTo(404);
    assertThat(StaffBrowser.logIn(port, "facility").get(path).status()).isEqualTo(404);

    StaffBrowser officer = StaffBrowser.logIn(port, "officer");
    assertThat(officer.get("/werkbank/taken/" + approval.getId()).byId("task-screen").selectFirst("a")
        .attr("href")).isEqualTo(path);
    Page screen = officer.get(path);
    assertThat(screen.status()).isEqualTo(200);
    long exempted = repository.items(reference).stream().filter(row -> row.decision() != AccessDecision.INCLUDE)
        .count();
    assertThat(screen.document().select("#exempted tbody > tr[id]")).hasSize((int) exempted);
    Element workNote = screen.document().selectFirst("#exempted tr[id^=exempted-worknotes-]");
    assertThat(workNote.text()).contains("Weigeren", "persoonlijke werkaantekeningen",
        "Eigen aantekening van de medewerker", "desk");
    assertThat(screen.byId("exempted").select("input, textarea, select")).as("read-only").isEmpty();
    // the redacted fields in Dutch, not as field names
    assertThat(screen.byId("exempted").select(".redacted-fields").eachText()).anySatisfy(text -> assertThat(text)
        .startsWith("Afgeschermde velden: ").contains("Naam contactpersoon", "E-mailadres", "Huurcontractnummer"));
    assertThat(screen.byId("exempted").text()).doesNotContain("contactName", "tenancyNumber");

    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page noChoice = officer.submit(screen.byId("approval").selectFirst("form"), List.of());
    assertThat(noChoice.status()).isEqualTo(400);
    assertThat(noChoice.byId("approval").selectFirst(".field-error").text()).startsWith("Kies: de uitzonderingen");
    Page backWithoutWhy = officer.submit(screen.byId("approval").selectFirst("form"),
        List.of(Map.entry("approved", "nee")));
    assertThat(backWithoutWhy.byId("approval").selectFirst(".field-error").text())
        .isEqualTo("Schrijf bij terugsturen wat de behandelaar moet aanpassen.");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.personal_data_access_log")).isEmpty();

    Page done = officer.submit(screen.byId("approval").selectFirst("form"), List.of(Map.entry("approved", "ja"),
        Map.entry("approvalComment", "Lopende procedure niet van toepassing; akkoord.")));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    HistoricTaskInstance completed = historyService.createHistoricTaskInstanceQuery().taskId(approval.getId())
        .singleResult();
    assertThat(completed.getAssignee()).isEqualTo("officer");
    assertThat(support.eventTypes(reference)).contains("ACCESS_EXEMPTIONS_APPROVED");
    assertThat(support.task(reference, AccessRequestProcess.Elements.APPROVE_EXEMPTIONS)).isNull();
  }

  @Test
  void usersOfOtherGroupsDoNotGetTheReviewScreen() {
    String taskId = support.task(reference, AccessRequestProcess.Elements.REVIEW_ITEMS).getId();
    StaffBrowser facility = StaffBrowser.logIn(port, "facility");
    assertThat(facility.get("/werkbank/taken/" + taskId + "/inzage-beoordeling").status()).isEqualTo(404);
    assertThat(facility.get("/werkbank/verzoeken/" + reference + "/inzage-beoordeling").status()).isEqualTo(403);
    // a posted decision by a user who cannot see the task changes nothing
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    Element form = desk.get("/werkbank/taken/" + taskId + "/inzage-beoordeling").document()
        .selectFirst("section.item[id^=item-repairs-] form.decide");
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Element foreign = form.clone();
    foreign.selectFirst("input[name=_csrf]").attr("value",
        facility.get("/login").document().select("input[name=_csrf]").attr("value"));
    assertThat(facility.submit(foreign, List.of(Map.entry("decision", "INCLUDE"))).status()).isIn(403, 404);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  /** How a handler decides the demo tenant's items (ACC-3): as {@link AccessTestSupport#decideDemoTenantItems}. */
  private static List<Map.Entry<String, String>> decisionFor(Element item) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    String content = item.select("table.content").text();
    if (item.id().startsWith("item-worknotes-")) {
      fields.add(Map.entry("decision", "WITHHOLD"));
      fields.add(Map.entry("exemptionCode", "PERSONAL_WORK_NOTE"));
      fields.add(Map.entry("reason", "Eigen aantekening van de medewerker, niet gedeeld en geen dossierstuk."));
    } else if (item.id().startsWith("item-contacts-") && !item.select(".flag.third").isEmpty()) {
      fields.add(Map.entry("decision", "REDACT"));
      for (String field : List.of("contactName", "email", "tenancyNumber")) {
        if (!item.select("input[name=redactFields][value=" + field + "]").isEmpty()) {
          fields.add(Map.entry("redactFields", field));
        }
      }
      fields.add(Map.entry("redactTexts", AccessTestSupport.NEIGHBOUR));
    } else if (content.contains(AccessTestSupport.NEIGHBOUR)) {
      fields.add(Map.entry("decision", "REDACT"));
      fields.add(Map.entry("redactTexts", AccessTestSupport.NEIGHBOUR));
    } else {
      fields.add(Map.entry("decision", "INCLUDE"));
    }
    return fields;
  }
}
