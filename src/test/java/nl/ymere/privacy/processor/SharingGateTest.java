package nl.ymere.privacy.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.processor.SharingDecision.Reason;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sharing gate (PRC-1, PRC-6): allowed only under an approved, unexpired agreement or active covenant whose scope
 * covers the purpose and every category; every answer logged; a refusing gate makes the calling process step send
 * nothing and hands the case to the privacy officers ({@code src/test/resources/processor/sharing-probe.bpmn}).
 */
@IntegrationTest
class SharingGateTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final LocalDate EXPIRES = LocalDate.of(2027, 6, 30);

  @Autowired ProcessEngine engine;
  @Autowired ProcessorTestSupport support;
  @Autowired RequestTestSupport clock;
  @Autowired SharingGate gate;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  String party;
  String reference;

  @BeforeEach
  void approvedAgreement() {
    ProcessAssertions.init(engine);
    clock.setNow(TODAY, 10, 0);
    party = ProcessorTestSupport.uniqueCode("GATE");
    reference = support.start(support.command(party, "NL", false, EXPIRES)).reference();
    support.approveProcessor(reference);
  }

  @AfterEach
  void resetClock() {
    clock.resetClock();
  }

  private SharingDecision check(String partyCode, String purpose, String... categories) {
    return gate.check(partyCode, purpose, List.of(categories), "desk", "AVG-2026-000123");
  }

  @Test
  void shouldAllowSharingCoveredByAnApprovedAgreement() {
    SharingDecision decision = check(party, "RENT_COLLECTION", "CONTACT_DETAILS", "RENT_ARREARS");
    assertThat(decision).isEqualTo(new SharingDecision(true, Reason.ALLOWED, reference));
    clock.setNow(EXPIRES, 23, 59);
    assertThat(check(party, "RENT_COLLECTION", "CONTACT_DETAILS").allowed()).as("the expiry day itself").isTrue();
  }

  /** PRC-1, PRC-6: a check that names no data category covers nothing, so it cannot open the gate. */
  @Test
  void shouldRefuseWhenNoDataCategoryIsNamed() {
    SharingDecision decision = check(party, "RENT_COLLECTION");
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(Reason.CATEGORY_NOT_COVERED);
  }

  @Test
  void shouldRefuseAnUnknownParty() {
    assertThat(check(party + "_X", "RENT_COLLECTION", "CONTACT_DETAILS").reason()).isEqualTo(Reason.UNKNOWN_PARTY);
  }

  @Test
  void shouldRefuseAfterTheAgreementExpired() {
    clock.setNow(EXPIRES.plusDays(1), 0, 1);
    SharingDecision decision = check(party, "RENT_COLLECTION", "CONTACT_DETAILS");
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(Reason.AGREEMENT_EXPIRED);
  }

  @Test
  void shouldRefuseAPurposeOutsideTheScope() {
    assertThat(check(party, "MARKETING", "CONTACT_DETAILS").reason()).isEqualTo(Reason.PURPOSE_NOT_COVERED);
  }

  @Test
  void shouldRefuseADataCategoryOutsideTheScope() {
    SharingDecision decision = check(party, "RENT_COLLECTION", "CONTACT_DETAILS", "HEALTH");
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(Reason.CATEGORY_NOT_COVERED);
  }

  /** PRC-1: a new draft for a party with an agreement in force must not redirect where disclosures go. */
  @Test
  void shouldKeepTheContactOfAPartyWithAnAgreementInForceWhenANewDraftArrives() {
    RegisterAgreementCommand approved = support.command(party, "NL", false, EXPIRES);
    support.start(new RegisterAgreementCommand(party, "Andere naam", "elders@kwaadwillend.example",
        approved.service(), approved.dataSubjects(), approved.purposes(), approved.dataCategories(),
        approved.processingCountry(), approved.expiresOn(), approved.actsOnInstructions(),
        approved.decidesPurposesAndMeans(), approved.jointlyDetermines(), approved.publicOrPartnerBody()));
    assertThat(jdbc.queryForObject("SELECT contact_email FROM privacy.pa_party WHERE code = ?", String.class, party))
        .isEqualTo(party.toLowerCase() + "@partner.example");
  }

  @Test
  void shouldRefuseADraftAgreement() {
    String other = ProcessorTestSupport.uniqueCode("DRAFT");
    support.start(support.command(other, "NL", false, EXPIRES));
    assertThat(check(other, "RENT_COLLECTION", "CONTACT_DETAILS").reason()).isEqualTo(Reason.NO_AGREEMENT_IN_FORCE);
  }

  /**
   * Issue 14, PRC-1, PRC-2: an agreement whose status says APPROVED opens nothing when the processor tables do not
   * hold a complete approval: the checklist incomplete, no preparer, or approved by its own preparer (what the
   * attacks of issue 14 left behind).
   */
  @Test
  void shouldRefuseUnderAnAgreementWhoseApprovalIsIncompleteInTheTables() {
    long id = support.steps.get(reference).id();
    assertThat(check(party, "RENT_COLLECTION", "CONTACT_DETAILS").allowed()).isTrue();

    jdbc.update("UPDATE privacy.pa_agreement SET approved_by = prepared_by WHERE id = ?", id);
    assertThat(check(party, "RENT_COLLECTION", "CONTACT_DETAILS"))
        .isEqualTo(new SharingDecision(false, Reason.APPROVAL_INCOMPLETE, reference));

    jdbc.update("UPDATE privacy.pa_agreement SET approved_by = 'officer', prepared_by = NULL WHERE id = ?", id);
    assertThat(check(party, "RENT_COLLECTION", "CONTACT_DETAILS").reason()).isEqualTo(Reason.APPROVAL_INCOMPLETE);

    jdbc.update("UPDATE privacy.pa_agreement SET prepared_by = 'procurement' WHERE id = ?", id);
    assertThat(check(party, "RENT_COLLECTION", "CONTACT_DETAILS").allowed()).isTrue();
    jdbc.update("UPDATE privacy.pa_checklist_item SET present = FALSE WHERE agreement_id = ? AND element = ?", id,
        ChecklistElement.D_SUB_PROCESSING.name());
    assertThat(check(party, "RENT_COLLECTION", "CONTACT_DETAILS").reason()).isEqualTo(Reason.APPROVAL_INCOMPLETE);
    assertThat(support.sharingChecks(party)).extracting(row -> row.get("REASON")).containsExactly("ALLOWED",
        "APPROVAL_INCOMPLETE", "APPROVAL_INCOMPLETE", "ALLOWED", "APPROVAL_INCOMPLETE");
  }

  @Test
  void shouldLogEveryAnswer() {
    check(party, "RENT_COLLECTION", "CONTACT_DETAILS");
    check(party, "MARKETING", "CONTACT_DETAILS");
    List<Map<String, Object>> log = support.sharingChecks(party);
    assertThat(log).extracting(row -> row.get("ALLOWED")).containsExactly(true, false);
    assertThat(log).extracting(row -> row.get("REASON")).containsExactly("ALLOWED", "PURPOSE_NOT_COVERED");
    assertThat(log.get(1)).containsEntry("PURPOSE", "MARKETING").containsEntry("DATA_CATEGORIES", "CONTACT_DETAILS")
        .containsEntry("CHECKED_BY", "desk").containsEntry("CONTEXT_REFERENCE", "AVG-2026-000123")
        .containsEntry("AGREEMENT_REFERENCE", reference);
  }

  private ProcessInstance startProbe(String businessKey, String partyCode, String categories) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("sharing-probe")
        .count() == 0) {
      engine.getRepositoryService().createDeployment().name("sharing-probe")
          .addClasspathResource("processor/sharing-probe.bpmn").deploy();
    }
    return ProductCalls.call(() -> engine.getRuntimeService().startProcessInstanceByKey("sharing-probe",
        businessKey, Map.of("sharingParty", partyCode, "sharingPurpose", "RENT_COLLECTION",
            "sharingCategories", categories)));
  }

  @Test
  void shouldSendNothingAndAskThePrivacyOfficersWhenTheGateRefuses() {
    String businessKey = "PROBE-" + party;
    ProcessInstance probe = startProbe(businessKey, party, "CONTACT_DETAILS,HEALTH");

    assertThat(probe).isWaitingAt("UserTask_HandleSharingRefusal").variables()
        .containsEntry("sharingRefusal", "CATEGORY_NOT_COVERED");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(probe.getId()).singleResult())
        .satisfies(task -> assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
            .anyMatch(link -> "privacy-officers".equals(link.getGroupId())));
    assertThat(support.outbox(businessKey)).as("nothing sent").isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(probe.getId()).count())
        .as("a task, not a technical incident").isZero();
    assertThat(support.sharingChecks(party)).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("ALLOWED", false).containsEntry("CONTEXT_REFERENCE",
            businessKey));
  }

  @Test
  void shouldSendThroughTheGateWhenAllowed() {
    String businessKey = "PROBE-OK-" + party;
    ProcessInstance probe = startProbe(businessKey, party, "CONTACT_DETAILS");

    assertThat(probe).isEnded().hasPassed("EndEvent_Sent");
    assertThat(support.outbox(businessKey)).singleElement().satisfies(mail -> assertThat(mail)
        .containsEntry("TEMPLATE", "party-disclosure").containsEntry("RECIPIENT_ROLE", "EXTERNAL_PARTY")
        .containsEntry("RECIPIENT", party.toLowerCase() + "@partner.example"));
    assertThat(support.sharingChecks(party)).extracting(row -> row.get("ALLOWED")).containsExactly(true);
  }
}
