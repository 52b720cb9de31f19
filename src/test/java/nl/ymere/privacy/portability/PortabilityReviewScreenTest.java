package nl.ymere.privacy.portability;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.personaldata.PortabilityTestData;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portability review screen (issue 16 item 2, POR-1..3): the export's record, every item in or out with its
 * reason, the file; no verdict is a Dutch error that changes nothing; the verdict completes the task as the desk.
 */
@IntegrationTest
class PortabilityReviewScreenTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @LocalServerPort int port;
  @Autowired RequestTestSupport support;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  PortabilityTestData.Tenant tenant;
  String reference;

  @BeforeEach
  void portabilityRequestAtItsReview() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = PortabilityTestData.seed(jdbc, "Pim Portscherm" + n, "pim" + n + "@voorbeeld.nl", "HV-7" + n,
        "NL91ABNA07" + String.format("%08d", n));
    reference = support.register(command(RequestRight.PORTABILITY, TODAY, tenant.name(), tenant.email()))
        .reference();
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>(Map.of("reference", reference, "dueDate", due,
        "internalTarget", due));
    support.as("demo", () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(PortabilityProcess.KEY,
        reference, variables)));
    Map<String, Object> search = new HashMap<>();
    search.put("tenancyNumber", tenant.tenancyNumber());
    search.put("exportFormat", "JSON");
    search.put("deliveryRoute", "OFFICE");
    search.put("directTransfer", false);
    support.complete("desk", reference, PortabilityProcess.Elements.CONFIRM_SEARCH, search);
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.tenancyNumber(),
        tenant.iban(), tenant.neighbourName()).hits()).isEmpty();
  }

  @Test
  void theDeskChecksTheExportOnTheScreen() {
    String taskId = support.task(reference, PortabilityProcess.Elements.REVIEW_EXPORT).getId();
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    assertThat(desk.get("/werkbank/taken/" + taskId).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo("/werkbank/taken/" + taskId + "/export-controle");

    Page screen = desk.get("/werkbank/taken/" + taskId + "/export-controle");
    assertThat(screen.byId("item-count").text()).isEqualTo("5");
    assertThat(screen.byId("items").text()).contains("nee: afgeleid of niet door de persoon verstrekt (POR-2)",
        "nee: bevat gegevens van een ander");
    // SEC-1: the export holds a medical item, so the desk sees the record and the items, not the file
    assertThat(screen.byId("content")).isNull();
    assertThat(screen.byId("download")).isNull();
    assertThat(screen.byId("record").selectFirst(".restricted").text()).contains("alleen een privacy officer");
    assertThat(screen.text()).doesNotContain(tenant.medicalIndication());

    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page noVerdict = desk.submit(screen.byId("approval").selectFirst("form"), List.of());
    assertThat(noVerdict.status()).isEqualTo(400);
    assertThat(noVerdict.byId("approval").selectFirst(".field-error").text())
        .isEqualTo("Kies: de export klopt, of de export opnieuw laten samenstellen.");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before, "privacy.personal_data_access_log")).isEmpty();

    Page done = desk.submit(screen.byId("approval").selectFirst("form"), List.of(Map.entry("approved", "ja")));
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("desk");
    assertThat(support.eventTypes(reference)).contains("PORTABILITY_EXPORT_APPROVED");
    assertThat(StaffBrowser.logIn(port, "facility").get("/werkbank/taken/" + taskId + "/export-controle").status())
        .isEqualTo(404);
  }
}
