package nl.ymere.privacy.erasure;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.erasure.ErasureProcess.Elements;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** dsr-erasure's happy path with fiscal records kept, on PostgreSQL. */
@PostgresIntegrationTest
class ErasureProcessPostgresTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  Tenant tenant;

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource)
        .text(tenant.name(), tenant.email(), tenant.tenancyNumber(), tenant.iban())
        .dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldEraseAndKeepFiscalRecordsOnPostgres() {
    BpmnAwareTests.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = ErasureTestData.seed(jdbc, "Pieter Wisverzoek" + n, "pieter" + n + "@voorbeeld.nl", "HV-8" + n,
        "NL91ABNA05" + String.format("%08d", n));
    String reference = support.register(command(RequestRight.ERASURE, TODAY, tenant.name(), tenant.email()))
        .reference();
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>(Map.of("reference", reference, "dueDate", due,
        "internalTarget", due));
    ProcessInstance instance = support.as("demo",
        () -> runtimeService.startProcessInstanceByKey(ErasureProcess.KEY, reference, variables));

    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenant.tenancyNumber());
    form.put("itemDecisions", null);
    support.complete("desk", reference, Elements.PROPOSE_ERASURE_LIST, form);
    support.complete("officer", reference, Elements.CONFIRM_ERASURE_LIST, Map.of("erasureListConfirmed", true));

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(sources.source("marketing").item(tenant.preference())).isEmpty();
    assertThat(sources.source("worknotes").item(tenant.workNote())).isEmpty();
    assertThat(sources.source("tenancy").item(tenant.recentPayment())).isPresent();
    assertThat(support.outbox(reference).stream().filter(m -> "request-erasure-result".equals(m.get("template")))
        .map(m -> (String) m.get("body_html")).findFirst().orElseThrow()).contains("31 december 2032",
        "Autoriteit Persoonsgegevens");
  }
}
