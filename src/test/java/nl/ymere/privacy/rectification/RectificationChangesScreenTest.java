package nl.ymere.privacy.rectification;

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
 * The rectification choice screen (issue 16 item 2, REC-1, REC-2, REQ-6): the person's items by source with their
 * correctable fields in Dutch; per item a correction with the new value, or for a recorded opinion (the nuisance
 * report) only the person's statement. Bad input shows a Dutch error next to the field and changes nothing; the screen
 * completes the task as the desk user; the new values and the statement never reach the engine.
 */
@IntegrationTest
class RectificationChangesScreenTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final String NEW_PHONE = "06-44332211";
  static final String STATEMENT = "Ik was die nacht niet thuis; ik logeerde bij mijn zus in Utrecht.";

  @LocalServerPort int port;
  @Autowired RequestTestSupport support;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RectificationRepository repository;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void rectificationRequestAtItsRecording() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = RightsTestData.seed(jdbc, "Rein Rectischerm" + n, "rein" + n + "@voorbeeld.nl", "HV-3" + n);
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
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.phone(),
        tenant.tenancyNumber(), NEW_PHONE, STATEMENT).dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void theDeskRecordsACorrectionAndAStatementOnTheScreenAndBadInputChangesNothing() {
    String taskId = support.task(reference, RectificationProcess.Elements.RECORD_CHANGES).getId();
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    assertThat(desk.get("/werkbank/taken/" + taskId).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo("/werkbank/taken/" + taskId + "/wijzigingen");
    String path = "/werkbank/taken/" + taskId + "/wijzigingen";
    Page screen = desk.get(path);
    assertThat(screen.status()).isEqualTo(200);

    // completing before anything is recorded: the Dutch refusal, the task stays open
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page early = desk.submit(screen.byId("complete-form"), List.of());
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.byId("complete-error").text()).isEqualTo("Leg eerst minstens één wijziging of verklaring vast "
        + "(REC-1).");
    Page badNumber = desk.submit(screen.byId("search").selectFirst("form"),
        List.of(Map.entry("tenancyNumber", "HV 1; DROP")));
    assertThat(badNumber.status()).isEqualTo(400);
    assertThat(badNumber.byId("tenancy-error").text()).startsWith("Het huurovereenkomstnummer bestaat uit");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.personal_data_access_log"))
        .isEmpty();

    // the tenancy number finds the contract and the nuisance file kept per tenancy
    assertThat(desk.submit(screen.byId("search").selectFirst("form"),
        List.of(Map.entry("tenancyNumber", tenant.tenancyNumber()))).status()).isEqualTo(302);
    screen = desk.get(path);
    Element contract = screen.byId("item-tenancy-" + tenant.contract());
    // the correctable fields in Dutch, the form posts the field name
    assertThat(contract.selectFirst("dd.fields").text()).contains("Telefoonnummer", "E-mailadres")
        .doesNotContain("phone");
    assertThat(contract.select("select[name=field] option").eachAttr("value")).contains("phone");
    // REC-1: a recorded opinion is not rewritten: only the person's statement can be attached
    Element nuisance = screen.byId("item-nuisance-" + tenant.nuisanceReport());
    assertThat(nuisance.select("input[name=kind]").eachAttr("value")).contains("STATEMENT");
    assertThat(nuisance.selectFirst("dd.opinion").text()).contains("Inhoud", "wordt niet herschreven");
    assertThat(nuisance.select("select[name=field] option").eachAttr("value")).doesNotContain("content");
    assertThat(contract.select("dd.opinion")).isEmpty();
    assertThat(nuisance.text()).doesNotContain("Harde muziek");

    before = DatabaseFingerprint.of(dataSource);
    Page noField = desk.submit(contract.selectFirst("form.change"), List.of(Map.entry("kind", "CORRECT"),
        Map.entry("value", NEW_PHONE)));
    assertThat(noField.status()).isEqualTo(400);
    Element failed = noField.byId(contract.id());
    assertThat(failed.select(".field-error").eachText()).contains("Kies het veld dat wordt gecorrigeerd of aangevuld.");
    assertThat(failed.selectFirst("textarea[name=value]").text()).isEqualTo(NEW_PHONE);
    Page noKind = desk.submit(contract.selectFirst("form.change"), List.of(Map.entry("value", NEW_PHONE)));
    assertThat(noKind.byId(contract.id()).selectFirst(".field-error").text())
        .isEqualTo("Kies: corrigeren, aanvullen of een verklaring van de persoon toevoegen.");
    Page emptyStatement = desk.submit(nuisance.selectFirst("form.change"), List.of(Map.entry("kind", "STATEMENT")));
    assertThat(emptyStatement.byId(nuisance.id()).selectFirst(".field-error").text())
        .startsWith("Vul de nieuwe waarde in");
    // a forged correction of the witness statement itself
    Page rewrite = desk.submit(nuisance.selectFirst("form.change"), List.of(Map.entry("kind", "CORRECT"),
        Map.entry("field", "content"), Map.entry("value", "Geen muziek")));
    assertThat(rewrite.status()).isEqualTo(400);
    assertThat(rewrite.byId(nuisance.id()).selectFirst(".field-error").text())
        .startsWith("Dit veld kan niet worden gecorrigeerd");
    Page shortReason = desk.submit(contract.selectFirst("form.change"), List.of(Map.entry("kind", "CORRECT"),
        Map.entry("field", "phone"), Map.entry("value", NEW_PHONE), Map.entry("recipientsNotInformedReason", "kort")));
    assertThat(shortReason.byId(contract.id()).selectFirst(".field-error").text()).contains("REQ-6");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.personal_data_access_log"))
        .isEmpty();
    assertThat(support.task(reference, RectificationProcess.Elements.RECORD_CHANGES).getAssignee()).isNull();

    // the correction, blocked while it is checked (REC-2), and the person's statement on the nuisance report
    Page saved = desk.submit(contract.selectFirst("form.change"), List.of(Map.entry("kind", "CORRECT"),
        Map.entry("field", "phone"), Map.entry("value", NEW_PHONE), Map.entry("restrictWhileChecking", "ja")));
    assertThat(saved.status()).isEqualTo(302);
    assertThat(desk.follow(saved).byId(contract.id()).selectFirst(".saved").text()).isEqualTo("Wijziging vastgelegd.");
    assertThat(desk.submit(nuisance.selectFirst("form.change"), List.of(Map.entry("kind", "STATEMENT"),
        Map.entry("field", "phone"), Map.entry("value", STATEMENT))).status()).isEqualTo(302);
    assertThat(sources.source("tenancy").item(tenant.contract()).map(PersonalDataItem::restricted).orElseThrow())
        .isTrue();
    Page recorded = desk.get(path);
    assertThat(recorded.byId("change-count").text()).isEqualTo("2");
    assertThat(recorded.byId("changes").text()).contains("Corrigeren", "Telefoonnummer", NEW_PHONE,
        "Verklaring van de persoon toevoegen", "beperkt tijdens de controle");
    assertThat(repository.changes(reference)).extracting(RectificationChange::kind)
        .containsExactlyInAnyOrder(ChangeKind.CORRECT, ChangeKind.STATEMENT);
    assertThat(repository.changes(reference)).filteredOn(change -> change.kind() == ChangeKind.STATEMENT)
        .singleElement().satisfies(change -> assertThat(change.field()).isNull());

    Page done = desk.submit(recorded.byId("complete-form"), List.of());
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("desk");
    assertThat(support.task(reference, RectificationProcess.Elements.APPLY_CHANGES).getDescription())
        .doesNotContain(NEW_PHONE, STATEMENT);
  }

  @Test
  void otherGroupsDoNotGetTheScreen() {
    String taskId = support.task(reference, RectificationProcess.Elements.RECORD_CHANGES).getId();
    assertThat(StaffBrowser.logIn(port, "facility").get("/werkbank/taken/" + taskId + "/wijzigingen").status())
        .isEqualTo(404);
  }
}
