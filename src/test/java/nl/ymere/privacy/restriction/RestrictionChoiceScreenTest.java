package nl.ymere.privacy.restriction;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.RightsTestData;
import nl.ymere.privacy.personaldata.RightsTestData.Tenant;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.StaffBrowser;
import nl.ymere.privacy.support.StaffBrowser.Page;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The restriction choice screen (issue 16 item 2, RES-1, REQ-6): the person's items by source (descriptions, never
 * content), a tick per item with the reason when its recipients cannot be told, the RES-1 ground, or a refusal with
 * reasons (LET-3). Bad input shows a Dutch error and changes nothing; the accepted choice completes the task as the
 * desk user through the same listener and service as Tasklist; no personal data reach the engine.
 */
@IntegrationTest
class RestrictionChoiceScreenTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final String NOT_TOLD = "mailingdienst is failliet en opgeheven";
  static final String REFUSAL = "U betwist de juistheid niet en de gegevens worden rechtmatig verwerkt voor uw "
      + "huurovereenkomst.";

  @LocalServerPort int port;
  @Autowired RequestTestSupport support;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RestrictionService restriction;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void restrictionRequestAtItsChoice() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = RightsTestData.seed(jdbc, "Bea Beperkscherm" + n, "bea" + n + "@voorbeeld.nl", "HV-4" + n);
    reference = support.register(command(RequestRight.RESTRICTION, TODAY, tenant.name(), tenant.email()))
        .reference();
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    support.as("demo", () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(RestrictionProcess.KEY,
        reference, variables)));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.phone(),
        tenant.tenancyNumber(), NOT_TOLD, REFUSAL).dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void theDeskChoosesItemsAndGroundOnTheScreenAndBadInputChangesNothing() {
    String taskId = support.task(reference, RestrictionProcess.Elements.CHOOSE_ITEMS).getId();
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    assertThat(desk.get("/werkbank/taken/" + taskId).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo("/werkbank/taken/" + taskId + "/beperking");

    Page screen = desk.get("/werkbank/taken/" + taskId + "/beperking");
    assertThat(screen.status()).isEqualTo(200);
    // the items by source: descriptions, never content (SEC-1); the contract only by tenancy number
    assertThat(screen.byId("restriction-marketing-" + tenant.preference())).isNotNull();
    assertThat(screen.byId("items").select("h3")).isNotEmpty();
    Page badNumber = desk.submit(screen.byId("search").selectFirst("form"),
        List.of(Map.entry("tenancyNumber", "HV 1; DROP")));
    assertThat(badNumber.status()).isEqualTo(400);
    assertThat(badNumber.byId("tenancy-error").text()).startsWith("Het huurovereenkomstnummer bestaat uit");
    Page searched = desk.submit(screen.byId("search").selectFirst("form"),
        List.of(Map.entry("tenancyNumber", tenant.tenancyNumber())));
    assertThat(searched.status()).isEqualTo(200);
    assertThat(searched.byId("restriction-tenancy-" + tenant.contract())).isNotNull();
    assertThat(searched.byId("restriction-nuisance-" + tenant.nuisanceReport()).text())
        .contains("strafrechtelijk gegeven").doesNotContain("Harde muziek");
    Element choice = searched.byId("choice");
    assertThat(choice.selectFirst("input[name=tenancyNumber]").val()).isEqualTo(tenant.tenancyNumber());

    // bad input: a Dutch error in view, status 400, nothing stored, the task still open and unclaimed
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page noDecision = desk.submit(choice, List.of(Map.entry("item", "marketing/" + tenant.preference())));
    assertThat(noDecision.status()).isEqualTo(400);
    assertThat(noDecision.byId("decision-error").text()).isEqualTo("Kies: beperken (een grond van RES-1 geldt) of "
        + "weigeren.");
    assertThat(noDecision.byId("restriction-marketing-" + tenant.preference()).selectFirst("input[name=item]")
        .hasAttr("checked")).isTrue();
    Page noGround = desk.submit(choice, List.of(Map.entry("decision", "RESTRICT"),
        Map.entry("item", "marketing/" + tenant.preference())));
    assertThat(noGround.status()).isEqualTo(400);
    assertThat(noGround.byId("choice-error").text()).contains("Kies de grond van de beperking");
    Page nothingChosen = desk.submit(choice, List.of(Map.entry("decision", "RESTRICT"), Map.entry("ground", "A")));
    assertThat(nothingChosen.byId("choice-error").text()).contains("Kies minstens één item");
    Page shortReason = desk.submit(choice, List.of(Map.entry("decision", "RESTRICT"), Map.entry("ground", "C"),
        Map.entry("item", "marketing/" + tenant.preference()),
        Map.entry("exception.marketing/" + tenant.preference(), "kort")));
    assertThat(shortReason.byId("choice-error").text()).contains("REQ-6");
    Page foreign = desk.submit(choice, List.of(Map.entry("decision", "RESTRICT"), Map.entry("ground", "A"),
        Map.entry("item", "tenancy/contract-999999")));
    assertThat(foreign.byId("choice-error").text()).contains("geen gegeven van deze persoon");
    Page refusalTooShort = desk.submit(choice, List.of(Map.entry("decision", "REFUSE"),
        Map.entry("refusalReasons", "nee")));
    assertThat(refusalTooShort.byId("choice-error").text()).startsWith("Motiveer de weigering");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertThat(support.task(reference, RestrictionProcess.Elements.CHOOSE_ITEMS).getAssignee()).isNull();

    // the accepted choice: the contract (found by tenancy number) and the newsletter, whose mailing service is gone
    Page done = desk.submit(choice, List.of(Map.entry("decision", "RESTRICT"), Map.entry("ground", "C"),
        Map.entry("item", "tenancy/" + tenant.contract()), Map.entry("item", "marketing/" + tenant.preference()),
        Map.entry("exception.marketing/" + tenant.preference(), NOT_TOLD)));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(restriction.items(reference)).extracting(item -> item.ref().toString())
        .containsExactlyInAnyOrder("tenancy/" + tenant.contract(), "marketing/" + tenant.preference());
    assertThat(restriction.items(reference)).filteredOn(item -> item.ref().system().equals("marketing"))
        .singleElement().satisfies(item -> assertThat(item.recipientsException()).isEqualTo(NOT_TOLD));
    assertThat(restricted("tenancy", tenant.contract())).isTrue();
    assertThat(restricted("marketing", tenant.preference())).isTrue();
    assertThat(restricted("contacts", tenant.contact())).isFalse();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(RestrictionProcess.Elements.CHOOSE_ITEMS).singleResult().getAssignee()).isEqualTo("desk");
    assertThat(support.eventTypes(reference)).contains("RESTRICTION_ITEMS_CHOSEN_C", "RESTRICTION_APPLIED");
  }

  @Test
  void aRefusalProposedOnTheScreenGoesToAnOfficer() {
    String taskId = support.task(reference, RestrictionProcess.Elements.CHOOSE_ITEMS).getId();
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    Page screen = desk.get("/werkbank/taken/" + taskId + "/beperking");
    // ticks left from an earlier choice do not count for a refusal
    Page done = desk.submit(screen.byId("choice"), List.of(Map.entry("decision", "REFUSE"),
        Map.entry("item", "marketing/" + tenant.preference()), Map.entry("refusalReasons", REFUSAL)));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.text()).contains("privacy officer");
    assertThat(support.task(reference, RestrictionProcess.Elements.CONFIRM_REFUSAL)).isNotNull();
    assertThat(restriction.items(reference)).isEmpty();
    assertThat(restricted("marketing", tenant.preference())).isFalse();
  }

  /**
   * The privacy officer's "confirm refusal" step on its own screen (issue 16, RES-1, LET-3): the proposed refusal
   * with its reasons and proposer (by name); no choice and the proposer's own confirmation are refused in Dutch and
   * store nothing; another officer's confirmation completes the task and the refusal letter follows.
   */
  @Test
  void anotherOfficerConfirmsTheRefusalOnItsScreen() {
    String chooseTaskId = support.task(reference, RestrictionProcess.Elements.CHOOSE_ITEMS).getId();
    StaffBrowser proposer = StaffBrowser.logIn(port, "deskofficer");
    Page proposed = proposer.submit(proposer.get("/werkbank/taken/" + chooseTaskId + "/beperking").byId("choice"),
        List.of(Map.entry("decision", "REFUSE"), Map.entry("refusalReasons", REFUSAL)));
    assertThat(proposed.status()).isEqualTo(200);

    String taskId = support.task(reference, RestrictionProcess.Elements.CONFIRM_REFUSAL).getId();
    String path = "/werkbank/taken/" + taskId + "/beperking-weigering";
    StaffBrowser officer = StaffBrowser.logIn(port, "officer");
    assertThat(officer.get("/werkbank/taken/" + taskId).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo(path);
    Page screen = officer.get(path);
    assertThat(screen.status()).isEqualTo(200);
    assertThat(screen.byId("refusal-1").text()).contains(REFUSAL, "Dewi Dubbelrol", "10-03-2026");

    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page noChoice = officer.submit(screen.byId("decision-form"), List.of(Map.entry("decision", "misschien")));
    assertThat(noChoice.status()).isEqualTo(400);
    assertThat(noChoice.byId("decision-error").text())
        .isEqualTo("Kies: de weigering bevestigen of terugsturen naar de behandelaar.");
    // four eyes: the engine hides the task from the first step's user, so the screen does not exist for them and a
    // post with their own session changes nothing (the service's own check is in the process tests)
    assertThat(proposer.get(path).status()).isEqualTo(404);
    Element ownForm = screen.byId("decision-form").clone();
    String ownToken = proposer.get("/login").document().selectFirst("input[name=_csrf]").val();
    ownForm.selectFirst("input[name=_csrf]").val(ownToken);
    assertThat(proposer.submit(ownForm, List.of(Map.entry("decision", "bevestigen"))).status()).isEqualTo(404);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    assertThat(support.task(reference, RestrictionProcess.Elements.CONFIRM_REFUSAL).getAssignee()).isNull();

    Page done = officer.submit(screen.byId("decision-form"), List.of(Map.entry("decision", "bevestigen")));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(support.eventTypes(reference)).contains("RESTRICTION_REFUSAL_CONFIRMED",
        "RESTRICTION_LETTER_QUEUED_REFUSED");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("officer");
  }

  @Test
  void otherGroupsDoNotGetTheScreen() {
    String taskId = support.task(reference, RestrictionProcess.Elements.CHOOSE_ITEMS).getId();
    assertThat(StaffBrowser.logIn(port, "facility").get("/werkbank/taken/" + taskId + "/beperking").status())
        .isEqualTo(404);
  }

  private boolean restricted(String system, String itemId) {
    return sources.source(system).item(itemId).map(PersonalDataItem::restricted).orElseThrow();
  }
}
