package nl.ymere.privacy.objection;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.objection.ObjectionProcess.Elements;
import nl.ymere.privacy.personaldata.ErasureTestData;
import nl.ymere.privacy.personaldata.ErasureTestData.Tenant;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** dsr-objection on PostgreSQL: direct marketing at once, and the balanced path upheld with four eyes. */
@PostgresIntegrationTest
class ObjectionProcessPostgresTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;
  String reference;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Bea Bezwaar" + n, "bea" + n + "@voorbeeld.nl", "HV-6" + n,
        "NL91ABNA07" + String.format("%08d", n));
    reference = support.register(command(RequestRight.OBJECTION, TODAY, tenant.name(), tenant.email()))
        .reference();
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource)
        .text(tenant.name(), tenant.email(), tenant.tenancyNumber(), tenant.iban())
        .dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldStopDirectMarketingAtOnceOnPostgres() {
    ProcessInstance instance = start("DIRECT_MARKETING");

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(sources.source("marketing").item(tenant.preference()).orElseThrow().restricted()).isTrue();
  }

  @Test
  void shouldUpholdTheObjectionFourEyesOnPostgres() {
    ProcessInstance instance = start("LEGITIMATE_INTEREST");
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenant.tenancyNumber());
    form.put("compellingGrounds", false);
    form.put("balancingReasons", "Geen dwingende gronden: het werkdossier is niet meer nodig.");
    support.complete("desk", reference, Elements.WEIGH_OBJECTION, form);
    support.complete("officer", reference, Elements.CONFIRM_BALANCE, Map.of("objectionBalanceConfirmed", true));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.KEEP_STOPPED);
    assertThat(sources.source("worknotes").item(tenant.workNote()).orElseThrow().restricted()).isTrue();
  }

  private ProcessInstance start(String scope) {
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>(Map.of("reference", reference, "dueDate", due,
        "internalTarget", due, "objectionScope", scope));
    return support.as("demo",
        () -> runtimeService.startProcessInstanceByKey(ObjectionProcess.KEY, reference, variables));
  }
}
