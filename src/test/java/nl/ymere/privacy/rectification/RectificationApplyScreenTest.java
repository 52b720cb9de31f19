package nl.ymere.privacy.rectification;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.RightsTestData;
import nl.ymere.privacy.personaldata.RightsTestData.Tenant;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.security.Groups;
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
 * The owning department's rectification screen (issue 16 item 2, REC-1, LET-3): each proposed change with its new
 * value, a refusal with a case-specific reason per change, and completing the task applies the rest; a refusal goes to
 * a privacy officer. Bad input shows a Dutch error and changes nothing; no personal data reach the engine.
 */
@IntegrationTest
class RectificationApplyScreenTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final String NEW_PHONE = "06-33221100";
  static final String NEW_EMAIL = "nieuw-adres-scherm@voorbeeld.nl";
  static final String REASON = "Het opgegeven adres is niet bevestigd via de bevestigingsmail van de nieuwsbrief.";

  @LocalServerPort int port;
  @Autowired RequestTestSupport support;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RectificationPageService page;
  @Autowired RectificationRepository repository;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void rectificationRequestAtItsApplyStep() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = RightsTestData.seed(jdbc, "Anna Toepasscherm" + n, "anna" + n + "@voorbeeld.nl", "HV-2" + n);
    reference = support.register(command(RequestRight.RECTIFICATION, TODAY, tenant.name(), tenant.email()))
        .reference();
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    support.as("demo", () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(
        RectificationProcess.KEY, reference, variables)));
    DataReader desk = new DataReader("desk", java.util.Set.of(Groups.PRIVACY_DESK));
    support.as("desk", () -> {
      page.record(reference, new RecordChangeCommand("tenancy", tenant.contract(), "CORRECT", "phone", NEW_PHONE,
          tenant.tenancyNumber(), false, null), desk);
      page.record(reference, new RecordChangeCommand("marketing", tenant.preference(), "CORRECT", "email", NEW_EMAIL,
          null, false, null), desk);
      return null;
    });
    support.complete("desk", reference, RectificationProcess.Elements.RECORD_CHANGES, Map.of());
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.phone(),
        tenant.tenancyNumber(), NEW_PHONE, NEW_EMAIL, REASON).dateOfBirth(LocalDate.of(1980, 5, 17)).hits())
        .isEmpty();
  }

  @Test
  void theDepartmentRefusesOneChangeWithAReasonAndAppliesTheRest() {
    String taskId = support.task(reference, RectificationProcess.Elements.APPLY_CHANGES).getId();
    String path = "/werkbank/taken/" + taskId + "/wijzigingen-beoordelen";
    StaffBrowser officer = StaffBrowser.logIn(port, "deskofficer");
    assertThat(officer.get("/werkbank/taken/" + taskId).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo(path);
    Page screen = officer.get(path);
    assertThat(screen.status()).isEqualTo(200);
    assertThat(screen.byId("proposed-count").text()).isEqualTo("2");
    long marketing = repository.changes(reference).stream().filter(c -> c.ref().system().equals("marketing"))
        .findFirst().orElseThrow().id();
    Element change = screen.byId("change-" + marketing);
    assertThat(change.text()).contains("Corrigeren", "E-mailadres", NEW_EMAIL, "voorgesteld");

    // bad input: Dutch errors in view, nothing stored
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page shortReason = officer.submit(change.selectFirst("form.refuse"), List.of(Map.entry("reason", "nee")));
    assertThat(shortReason.status()).isEqualTo(400);
    assertThat(shortReason.byId("change-" + marketing).selectFirst(".error-summary").text())
        .startsWith("Geef een reden voor deze persoon en deze wijziging van minstens 20 tekens");
    Page unchecked = officer.submit(screen.byId("complete-form"), List.of());
    assertThat(unchecked.status()).isEqualTo(400);
    assertThat(unchecked.byId("complete-error").text()).isEqualTo("Bevestig dat u elke voorgestelde wijziging heeft "
        + "beoordeeld.");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.personal_data_access_log")).isEmpty();

    Page refused = officer.submit(change.selectFirst("form.refuse"), List.of(Map.entry("reason", REASON)));
    assertThat(refused.status()).isEqualTo(302);
    Page after = officer.follow(refused);
    assertThat(after.byId("change-" + marketing).text()).contains("geweigerd", REASON, "Weigering vastgelegd.");
    assertThat(after.byId("change-" + marketing).select("form.refuse")).isEmpty();

    Page done = officer.submit(after.byId("complete-form"), List.of(Map.entry("changesChecked", "ja")));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(sources.source("tenancy").export(tenant.contract())).containsEntry("phone", NEW_PHONE);
    assertThat(sources.source("marketing").export(tenant.preference())).doesNotContainEntry("email", NEW_EMAIL);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("deskofficer");
    assertThat(support.task(reference, RectificationProcess.Elements.CONFIRM_REFUSAL)).isNotNull();
  }

  /**
   * The privacy officer's "confirm refusal" step on its own screen (issue 16, LET-3): the refused change with its
   * reason and who refused it (by name), no choice and the refuser's own confirmation are refused in Dutch and store
   * nothing, another officer's confirmation completes the task.
   */
  @Test
  void anotherOfficerConfirmsTheRefusalOnItsScreen() {
    String applyTaskId = support.task(reference, RectificationProcess.Elements.APPLY_CHANGES).getId();
    StaffBrowser refuser = StaffBrowser.logIn(port, "deskofficer");
    Page apply = refuser.get("/werkbank/taken/" + applyTaskId + "/wijzigingen-beoordelen");
    long marketing = repository.changes(reference).stream().filter(c -> c.ref().system().equals("marketing"))
        .findFirst().orElseThrow().id();
    refuser.submit(apply.byId("change-" + marketing).selectFirst("form.refuse"), List.of(Map.entry("reason", REASON)));
    Page applied = refuser.submit(refuser.get("/werkbank/taken/" + applyTaskId + "/wijzigingen-beoordelen")
        .byId("complete-form"), List.of(Map.entry("changesChecked", "ja")));
    assertThat(applied.status()).isEqualTo(200);

    String taskId = support.task(reference, RectificationProcess.Elements.CONFIRM_REFUSAL).getId();
    String path = "/werkbank/taken/" + taskId + "/correctie-weigering";
    StaffBrowser officer = StaffBrowser.logIn(port, "officer");
    assertThat(officer.get("/werkbank/taken/" + taskId).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo(path);
    Page screen = officer.get(path);
    assertThat(screen.status()).isEqualTo(200);
    assertThat(screen.byId("refusal-count").text()).isEqualTo("1");
    assertThat(screen.byId("refusal-1").text()).contains("E-mailadres", REASON, "Dewi Dubbelrol");

    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page noChoice = officer.submit(screen.byId("decision-form"), List.of());
    assertThat(noChoice.status()).isEqualTo(400);
    assertThat(noChoice.byId("decision-error").text())
        .isEqualTo("Kies: de weigering bevestigen of terugsturen naar de behandelaar.");
    // four eyes: the engine hides the task from the first step's user, so the screen does not exist for them and a
    // post with their own session changes nothing (the service's own check is in the process tests)
    assertThat(refuser.get(path).status()).isEqualTo(404);
    Element ownForm = screen.byId("decision-form").clone();
    String ownToken = refuser.get("/login").document().selectFirst("input[name=_csrf]").val();
    ownForm.selectFirst("input[name=_csrf]").val(ownToken);
    assertThat(refuser.submit(ownForm, List.of(Map.entry("decision", "bevestigen"))).status()).isEqualTo(404);
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.personal_data_access_log")).isEmpty();
    assertThat(support.task(reference, RectificationProcess.Elements.CONFIRM_REFUSAL).getAssignee()).isNull();

    Page done = officer.submit(screen.byId("decision-form"), List.of(Map.entry("decision", "bevestigen")));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(support.eventTypes(reference)).contains("RECTIFICATION_REFUSAL_CONFIRMED");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("officer");
    assertThat(support.task(reference, RectificationProcess.Elements.CONFIRM_REFUSAL)).isNull();
  }

  @Test
  void otherGroupsDoNotGetTheScreen() {
    String taskId = support.task(reference, RectificationProcess.Elements.APPLY_CHANGES).getId();
    assertThat(StaffBrowser.logIn(port, "facility").get("/werkbank/taken/" + taskId + "/wijzigingen-beoordelen")
        .status()).isEqualTo(404);
  }
}
