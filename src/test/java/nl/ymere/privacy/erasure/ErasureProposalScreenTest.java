package nl.ymere.privacy.erasure;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
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
 * The erasure proposal screen (issue 16 item 2, ERA-2, ERA-4): every item found for the person with its retention
 * rule, a decision per item; a refused proposal (erasing an item under fiscal retention) shows the Dutch reason and
 * changes nothing; the accepted proposal completes the task as the desk user, through the same service.
 */
@IntegrationTest
class ErasureProposalScreenTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @LocalServerPort int port;
  @Autowired RequestTestSupport support;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ErasureService erasure;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void erasureRequestAtItsProposal() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Wieteke Wisscherm" + n, "wieteke" + n + "@voorbeeld.nl", "HV-8" + n,
        "NL91ABNA04" + String.format("%08d", n));
    reference = support.register(command(RequestRight.ERASURE, TODAY, tenant.name(), tenant.email())).reference();
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    variables.put("dueDate", due);
    variables.put("internalTarget", due);
    support.as("demo", () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(ErasureProcess.KEY,
        reference, variables)));
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(tenant.name(), tenant.email(), tenant.tenancyNumber(),
        tenant.iban()).hits()).isEmpty();
  }

  @Test
  void theDeskProposesTheListOnTheScreenAndARefusedProposalChangesNothing() {
    String taskId = support.task(reference, ErasureProcess.Elements.PROPOSE_ERASURE_LIST).getId();
    StaffBrowser desk = StaffBrowser.logIn(port, "desk");
    assertThat(desk.get("/werkbank/taken/" + taskId).byId("task-screen").selectFirst("a").attr("href"))
        .isEqualTo("/werkbank/taken/" + taskId + "/wislijst");

    Page screen = desk.get("/werkbank/taken/" + taskId + "/wislijst");
    assertThat(screen.byId("search").text()).contains(tenant.name(), tenant.email());
    // the tenancy number adds the items found by it (search, not a decision)
    Page badNumber = desk.submit(screen.byId("search").selectFirst("form"),
        List.of(Map.entry("tenancyNumber", "HV 1; DROP")));
    assertThat(badNumber.status()).isEqualTo(400);
    assertThat(badNumber.byId("tenancy-error").text()).startsWith("Het huurovereenkomstnummer bestaat uit");
    assertThat(desk.submit(screen.byId("search").selectFirst("form"),
        List.of(Map.entry("tenancyNumber", tenant.tenancyNumber()))).status()).isEqualTo(302);
    screen = desk.get("/werkbank/taken/" + taskId + "/wislijst");
    Element payment = screen.byId("erasure-tenancy-" + tenant.recentPayment());
    assertThat(payment.text()).contains("Bewaren", "31-12-2032");
    assertThat(screen.document().select("#items tbody tr")).hasSize(erasure.items(reference).size());

    // ERA-2: erasing the payment under fiscal retention is refused with the Dutch reason; nothing changes
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    Page refused = desk.submit(screen.byId("proposal"), List.of(
        Map.entry("decision.tenancy/" + tenant.recentPayment(), "ERASE")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.byId("proposal-error").text()).contains("tenancy/" + tenant.recentPayment(), "2032-12-31",
        "ERA-2");
    assertThat(refused.byId("erasure-tenancy-" + tenant.recentPayment()).selectFirst("option[selected]").val())
        .isEqualTo("ERASE");
    Page noGround = desk.submit(screen.byId("proposal"), List.of(
        Map.entry("decision.marketing/" + tenant.preference(), "KEEP")));
    assertThat(noGround.byId("proposal-error").text()).contains("uitzonderingsgrond");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();

    // the accepted proposal: the marketing preference kept for a legal claim until a date, the rest as proposed
    Page done = desk.submit(screen.byId("proposal"), List.of(
        Map.entry("decision.marketing/" + tenant.preference(), "KEEP"),
        Map.entry("ground.marketing/" + tenant.preference(), "LEGAL_CLAIMS"),
        Map.entry("until.marketing/" + tenant.preference(), "2027-06-30")));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.byId("done").text()).contains("is afgerond");
    assertThat(erasure.items(reference)).filteredOn(item -> item.ref().itemId().equals(tenant.preference()))
        .singleElement().satisfies(item -> {
          assertThat(item.decision()).isEqualTo(ErasureDecision.KEEP);
          assertThat(item.keepException()).isEqualTo(KeepException.LEGAL_CLAIMS);
          assertThat(item.keepUntil()).isEqualTo(LocalDate.of(2027, 6, 30));
        });
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("desk");
    assertThat(support.task(reference, ErasureProcess.Elements.CONFIRM_ERASURE_LIST)).isNotNull();
  }

  @Test
  void otherGroupsDoNotGetTheScreen() {
    String taskId = support.task(reference, ErasureProcess.Elements.PROPOSE_ERASURE_LIST).getId();
    assertThat(StaffBrowser.logIn(port, "facility").get("/werkbank/taken/" + taskId + "/wislijst").status())
        .isEqualTo(404);
  }
}
