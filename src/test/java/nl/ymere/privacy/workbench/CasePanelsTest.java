package nl.ymere.privacy.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.camera.CameraProtocolProcess;
import nl.ymere.privacy.camera.CameraTestSupport;
import nl.ymere.privacy.fraud.FraudTestSupport;
import nl.ymere.privacy.fraud.RegisterFraudSignalCommand;
import nl.ymere.privacy.fraud.SignalSource;
import nl.ymere.privacy.processor.ChecklistElement;
import nl.ymere.privacy.processor.PartyRole;
import nl.ymere.privacy.processor.ProcessorAgreementProcess;
import nl.ymere.privacy.processor.ProcessorTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16 item 1 (DESIGN principle 10): the case beside a camera-protocol, processor-agreement and fraud-signal task,
 * read-only from the product's tables, to whoever may see the task and to nobody else. The camera approver sees the
 * request, location, purpose, balancing, FG advice and DPIA screening with who did each; the agreement's approver
 * the party, the checklist with its answers and the preparer; the second fraud assessor the signal and the first
 * assessment (ADM-2: the second assessor confirms or overturns it), and that read is logged (SEC-1).
 */
@IntegrationTest
class CasePanelsTest {

  static final String REASONS = "Buren melden al maanden wisselende bewoners; de meterstanden zijn laag en de "
      + "huurder staat elders ingeschreven.";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired CameraTestSupport cameras;
  @Autowired ProcessorTestSupport agreements;
  @Autowired FraudTestSupport fraud;

  final String marker = "Paneel" + Long.toString(System.nanoTime() % 100_000_000L, 36);

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private Document page(String user, String path) {
    ResponseEntity<String> answer = get(user, path);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return Jsoup.parse(answer.getBody());
  }

  @Test
  void theCameraApproverSeesTheRequestTheBalancingTheAdviceAndTheScreeningWithWhoDidThem() {
    String reference = cameras.start("facility", CameraTestSupport.overtRequest(marker));
    cameras.assess(reference, true, marker);
    cameras.fgAdvice(reference, CameraProtocolProcess.Elements.ADVISE_LEGITIMATE_INTEREST, marker);
    cameras.screen(reference, Map.of());
    String taskId = cameras.task(reference, CameraProtocolProcess.Elements.APPROVE_CAMERA).getId();

    Document page = page("manager", "/werkbank/taken/" + taskId + "?ingebed=true");

    assertThat(page.getElementById("camera-case").text()).contains(reference, "Complex De Linde " + marker,
        "Lindelaan 1-99", "bescherming eigendom", "Fatima Facilitair", "Herhaalde inbraken in de bergingen " + marker,
        "Alleen de gang van de bergingen");
    assertThat(page.getElementById("camera-dpia").text()).contains("Geen DPIA nodig", "Olga Officier");
    // the decision's inputs in the case's top facts, in words, never codes (issue 16 item 2)
    assertThat(page.getElementById("camera-fg-advice-summary").text())
        .isEqualTo("Positief onder voorwaarden (over de afweging)");
    assertThat(page.getElementById("camera-dpia-summary").text()).isEqualTo("Geen DPIA nodig");
    assertThat(page.text()).doesNotContain("PROTECT_PROPERTY", "NOT_REQUIRED", "POSITIVE_WITH_CONDITIONS",
        "FG_ADVICE");
    Element steps = page.getElementById("camera-steps");
    // staff are named by first and last name, not by login id (issue 16)
    assertThat(steps.select("tr")).anySatisfy(row -> assertThat(row.text()).contains("Belangenafweging",
        "Fatima Facilitair", "Inbraken wegen zwaarder dan de beperkte inbreuk in de gang " + marker));
    assertThat(steps.select("tr")).anySatisfy(row -> assertThat(row.text()).contains("FG-advies over de afweging",
        "Positief onder voorwaarden", "Frank Gegevensbescherming",
        "Akkoord mits beeldveld beperkt blijft tot de gang " + marker));
    assertThat(page.getElementById("case")).as("no generic panel").isNull();

    // a user who may not see the task sees no case
    assertThat(get("assessor1", "/werkbank/taken/" + taskId).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theAgreementApproverSeesThePartyTheChecklistWithItsAnswersAndThePreparer() {
    String party = ProcessorTestSupport.uniqueCode("PANEL");
    String reference = agreements.start(agreements.command(party, "NL", false, LocalDate.now().plusYears(1)))
        .reference();
    agreements.complete("procurement", reference, ProcessorAgreementProcess.Elements.COMPLETE_PROCESSOR_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.PROCESSOR));
    String taskId = jdbc.queryForObject("SELECT ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = ? AND PROC_INST_ID_ = "
        + "(SELECT process_instance_id FROM privacy.pa_agreement WHERE reference = ?)", String.class,
        ProcessorAgreementProcess.Elements.APPROVE_AGREEMENT, reference);

    Document page = page("officer", "/werkbank/taken/" + taskId);

    assertThat(page.getElementById("agreement-case").text()).contains(reference, "Partij " + party, party,
        "verwerker", ProcessorTestSupport.SERVICE, "RENT_COLLECTION", "CONTACT_DETAILS");
    assertThat(page.getElementById("agreement-preparer").text()).isEqualTo("Pieter Inkoop");
    Element checklist = page.getElementById("agreement-checklist");
    assertThat(checklist.select("tbody tr")).hasSize(ChecklistElement.requiredFor(PartyRole.PROCESSOR).size())
        .allSatisfy(row -> assertThat(row.select("td").get(1).text()).isEqualTo("ja"));
    assertThat(checklist.text()).contains(ChecklistElement.requiredFor(PartyRole.PROCESSOR).get(0).labelNl(),
        "art. 1", "24 uur", "specifieke voorafgaande toestemming");
    assertThat(page.getElementById("agreement-steps").text()).contains("Checklist volledig", "Pieter Inkoop");

    assertThat(get("facility", "/werkbank/taken/" + taskId).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theSecondAssessorSeesTheSignalAndTheFirstAssessmentAndTheReadIsLogged() {
    String tenant = "Tinus " + marker;
    String address = "Paneelstraat " + (System.nanoTime() % 100_000) + ", 1011 AB Amsterdam";
    String reference = fraud.register("assessor1", FraudTestSupport.signal(SignalSource.NEIGHBOUR_REPORT, address,
        tenant, "Melding over " + tenant, new RegisterFraudSignalCommand.Indicators(true, false, false, true, 1)));
    fraud.complete("assessor1", reference, "UserTask_FirstAssessment",
        Map.of("fraudProposal", "INVESTIGATE", "assessmentReasoning", REASONS));
    String taskId = fraud.task(reference, "UserTask_SecondAssessment").getId();

    Document page = page("assessor2", "/werkbank/taken/" + taskId);

    assertThat(page.getElementById("fraud-case").text()).contains(reference, tenant, address,
        "melding van een buurtbewoner", "Melding over " + tenant);
    assertThat(page.getElementById("fraud-assessments").select("tbody tr")).singleElement()
        .satisfies(row -> assertThat(row.text()).contains("eerste beoordeling", "Anna Beoordelaar", "onderzoek openen",
            REASONS));
    assertThat(jdbc.queryForList("SELECT read_by FROM privacy.fraud_signal_read WHERE signal_reference = ? AND "
        + "purpose = 'CASE_HANDLING'", String.class, reference)).contains("assessor2");

    // the first assessor no longer sees the second step (four eyes), so no case either
    assertThat(get("assessor1", "/werkbank/taken/" + taskId).getStatusCode().value()).isEqualTo(404);
    assertThat(get("facility", "/werkbank/taken/" + taskId).getStatusCode().value()).isEqualTo(404);
  }
}
