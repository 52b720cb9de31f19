package nl.ymere.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.ymere.privacy.disclosure.DemandLegalBasis.RequesterKind;
import nl.ymere.privacy.disclosure.DisclosureDemandProcess.Elements;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.RightsTestData;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.processor.PartyRole;
import nl.ymere.privacy.processor.ProcessorAgreementProcess;
import nl.ymere.privacy.processor.ProcessorTestSupport;
import nl.ymere.privacy.processor.RegisterAgreementCommand;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code disclosure-demand.bpmn} (issue 19 item 3; PRC-7, UAVG art 41) on the real engine and tables, as
 * named users, with the engine clock moved for the deferral review: a demand without a valid basis is refused with a
 * letter; a police demand with basis discloses only the selected item through the sharing gate, is logged in the
 * register and defers the person's notice with a review timer; the selector cannot approve.
 */
@IntegrationTest
class DisclosureDemandProcessTest {

  static final String DEMAND = "Vordering ex art. 126nd Sv in onderzoek 26-0815: huurovereenkomst van de huurder.";
  static final String GROUND = "Lopend strafrechtelijk onderzoek; informeren schaadt de opsporing.";
  static final String VERIFIED = "Teruggebeld via het bekende algemene nummer van de politie, rechercheur bevestigde.";

  @Autowired ProcessEngine engine;
  @Autowired RequestTestSupport requests;
  @Autowired ProcessorTestSupport agreements;
  @Autowired DisclosureRegistration registration;
  @Autowired DisclosureService demands;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired nl.ymere.privacy.support.DeliveredMail delivered;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  String name;
  String email;
  String tenancy;
  RightsTestData.Tenant tenant;
  final Map<String, ProcessInstance> instances = new HashMap<>();

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    long n = System.nanoTime() % 1_000_000;
    name = "Vera Vordering" + n;
    email = "vera.vordering" + n + "@example.org";
    tenancy = "HC-VD" + n;
    tenant = RightsTestData.seed(jdbc, name, email, tenancy);
  }

  @AfterEach
  void noDemandDataInTheEngine() {
    requests.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(name, email, DEMAND, GROUND, VERIFIED).hits()).isEmpty();
  }

  private ProcessInstance instance(String reference) {
    return instances.computeIfAbsent(reference, r -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(r).processDefinitionKey(DisclosureDemandProcess.KEY).singleResult());
  }

  private RegisterDemandCommand demand(RequesterKind kind, String party, DemandLegalBasis basis, List<String> asked) {
    return new RegisterDemandCommand(LocalDate.now(ZoneId.of("Europe/Amsterdam")), kind, party, "Rechercheur Jansen",
        "recherche@politie.example", basis, basis == null ? null : basis.citation(),
        new RegisterDemandCommand.Subject(email, tenancy), asked, DEMAND);
  }

  private String register(RegisterDemandCommand command) {
    String reference = requests.as("officer", () -> registration.register(command, "officer")).reference();
    assertThat(instance(reference)).isWaitingAt(Elements.CHECK_DEMAND);
    return reference;
  }

  private PersonalDataItem item(String itemId) {
    return requests.as("officer", () -> sources.findAll(SubjectKey.ofTenancy(tenancy), AccessPurpose.OVERSIGHT,
        new DataReader("officer", Set.of("privacy-officers")))).stream().filter(i -> i.itemId().equals(itemId))
        .findFirst().orElseThrow();
  }

  /** The police party registered with a covenant in force for compelled disclosures of these categories (PRC-1). */
  private String policeParty(List<String> categories) {
    String party = ProcessorTestSupport.uniqueCode("POLITIE");
    String reference = agreements.start(new RegisterAgreementCommand(party, "Politie " + party,
        party.toLowerCase() + "@politie.example", "Vorderingen met wettelijke grondslag", "Huurders",
        List.of(DisclosureDemandProcess.PURPOSE), categories, "NL", LocalDate.now().plusYears(1), false, false,
        false, true)).reference();
    agreements.complete("procurement", reference, ProcessorAgreementProcess.Elements.COMPLETE_COVENANT_CHECKLIST,
        ProcessorTestSupport.completeChecklist(PartyRole.COVENANT_PARTNER));
    agreements.complete("officer", reference, ProcessorAgreementProcess.Elements.APPROVE_AGREEMENT,
        Map.of("agreementApproved", true));
    return party;
  }

  @Test
  void aDemandWithoutALegalBasisIsRefusedWithALetterAndDisclosesNothing() {
    String reference = register(demand(RequesterKind.POLICE, "POLITIE_ONBEKEND", null, List.of("CONTRACT")));

    requests.complete("officer", reference, Elements.CHECK_DEMAND, Map.of("requesterVerified", true,
        "verificationNote", VERIFIED, "basisObliges", false, "withinBasis", false));

    assertThat(instance(reference)).isEnded().hasPassed(Elements.SEND_REFUSAL);
    DisclosureDemand refused = demands.find(reference).orElseThrow();
    assertThat(refused.status()).isEqualTo("REFUSED");
    assertThat(refused.basisValid()).isFalse();
    assertThat(requests.outbox(reference)).singleElement().satisfies(letter -> {
      assertThat(letter.get("TEMPLATE")).isEqualTo(DisclosureService.REFUSAL_TEMPLATE);
      assertThat(letter.get("RECIPIENT")).isEqualTo("recherche@politie.example");
      assertThat((String) letter.get("BODY_HTML")).contains("Wij verstrekken geen gegevens")
          .contains("geen wettelijke grondslag").doesNotContain(name).doesNotContain(tenancy);
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.disclosure_register r JOIN privacy.disclosure_demand "
        + "d ON d.id = r.demand_id WHERE d.reference = ?", Long.class, reference)).isZero();
    // GreenMail: the refusal really reaches the requester with why, and nothing about the person
    var mail = delivered.last(reference, "Geen verstrekking op uw vordering " + reference);
    assertThat(mail.recipients()).containsExactly("recherche@politie.example");
    assertThat(mail.html()).contains("Wij verstrekken geen gegevens").contains("geen wettelijke grondslag")
        .doesNotContain(name).doesNotContain(tenancy);
  }

  @Test
  void aMunicipalityInvokingACriminalProcedureBasisIsRefusedEvenWhenTheCheckerTicksEverything() {
    String reference = register(demand(RequesterKind.MUNICIPALITY, "GEMEENTE_X", DemandLegalBasis.SV_126ND,
        List.of("CONTRACT")));
    requests.complete("officer", reference, Elements.CHECK_DEMAND, Map.of("requesterVerified", true,
        "verificationNote", VERIFIED, "basisObliges", true, "withinBasis", true));
    assertThat(instance(reference)).isEnded().hasPassed(Elements.SEND_REFUSAL);
    assertThat(demands.find(reference).orElseThrow().basisValid()).isFalse();
  }

  @Test
  void aPoliceDemandWithBasisDisclosesOnlyTheSelectedItemThroughTheGateAndDefersTheNotice() {
    PersonalDataItem contract = item(tenant.contract());
    String category = DisclosureService.categoryCode(contract);
    String party = policeParty(List.of(category));
    String reference = register(demand(RequesterKind.POLICE, party, DemandLegalBasis.SV_126ND, List.of(category)));

    requests.complete("officer", reference, Elements.CHECK_DEMAND, Map.of("requesterVerified", true,
        "verificationNote", VERIFIED, "basisObliges", true, "withinBasis", true));
    assertThat(instance(reference)).isWaitingAt(Elements.SELECT_ITEMS);
    // UAVG art 41: the deferral needs its ground and a review date chosen with it, at most 12 months ahead
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    LocalDate chosen = today.plusMonths(5);
    assertThatThrownBy(() -> requests.complete("officer", reference, Elements.SELECT_ITEMS, Map.of("selectedItems",
        contract.system() + ":" + contract.itemId(), "noticeDeferred", true, "deferralGround", GROUND)))
        .hasMessageContaining("opnieuw wordt beoordeeld");
    assertThatThrownBy(() -> requests.complete("officer", reference, Elements.SELECT_ITEMS, Map.of("selectedItems",
        contract.system() + ":" + contract.itemId(), "noticeDeferred", true, "deferralGround", GROUND,
        "deferralReviewOn", today.plusMonths(12).plusDays(1).toString()))).hasMessageContaining("12 maanden");
    assertThat(instance(reference)).isWaitingAt(Elements.SELECT_ITEMS);
    requests.complete("officer", reference, Elements.SELECT_ITEMS, Map.of("selectedItems",
        contract.system() + ":" + contract.itemId(), "noticeDeferred", true, "deferralGround", GROUND,
        "deferralReviewOn", chosen.toString()));
    assertThat(instance(reference)).isWaitingAt(Elements.APPROVE_DISCLOSURE);

    // DESIGN principle 10: the approver sees the demand, the selection and who selected it beside the task
    String approveTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.APPROVE_DISCLOSURE).singleResult().getId();
    var panel = rest.withBasicAuth("deskofficer", "deskofficer").getForEntity("/werkbank/taken/" + approveTask,
        String.class);
    assertThat(panel.getStatusCode().value()).as(panel.getBody()).isEqualTo(200);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(panel.getBody());
    assertThat(page.getElementById("disclosure-case").text()).contains(reference, "SV_126ND", DEMAND, "Olga Officier");
    assertThat(page.getElementById("disclosure-items").text()).contains(contract.itemId(), category);
    assertThat(rest.withBasicAuth("facility", "facility").getForEntity("/werkbank/taken/" + approveTask,
        String.class).getStatusCode().value()).isEqualTo(404);

    // four eyes: the selector can neither complete the approval nor approve through the service
    assertThatThrownBy(() -> requests.complete("officer", reference, Elements.APPROVE_DISCLOSURE,
        Map.of("disclosureApproved", true))).isNotNull();
    assertThatThrownBy(() -> requests.as("officer", () -> {
      demands.decideApproval(reference, true, "officer");
      return null;
    })).isInstanceOf(RefusedStepException.class).hasMessageContaining("Vier ogen");
    assertThatThrownBy(() -> requests.as("officer", () -> {
      demands.disclose(reference);
      return null;
    })).isInstanceOf(RefusedStepException.class);
    assertThat(requests.outbox(reference)).isEmpty();

    requests.complete("deskofficer", reference, Elements.APPROVE_DISCLOSURE, Map.of("disclosureApproved", true));

    DisclosureDemand disclosed = demands.find(reference).orElseThrow();
    assertThat(disclosed.status()).isEqualTo("DISCLOSED");
    assertThat(disclosed.selectedBy()).isEqualTo("officer");
    assertThat(disclosed.approvedBy()).isEqualTo("deskofficer");
    // only the selected item went out, to the registered party, after the gate allowed it
    List<Map<String, Object>> sent = requests.outbox(reference);
    assertThat(sent).singleElement().satisfies(m -> {
      assertThat(m.get("TEMPLATE")).isEqualTo(DisclosureService.DISCLOSURE_TEMPLATE);
      assertThat(m.get("RECIPIENT_ROLE")).isEqualTo("EXTERNAL_PARTY");
      assertThat((String) m.get("RECIPIENT")).isEqualTo(party.toLowerCase() + "@politie.example");
      assertThat((String) m.get("BODY_HTML")).contains(category)
          .doesNotContain("Harde muziek na middernacht").doesNotContain("Vraag over de servicekosten");
    });
    assertThat(agreements.sharingChecks(party)).singleElement().satisfies(check -> {
      assertThat(check.get("ALLOWED")).isEqualTo(true);
      assertThat(check.get("PURPOSE")).isEqualTo(DisclosureDemandProcess.PURPOSE);
      assertThat(check.get("CONTEXT_REFERENCE")).isEqualTo(reference);
    });
    // the disclosure register: recipient, basis, categories, date, both approvers
    assertThat(demands.register()).filteredOn(r -> reference.equals(r.get("REFERENCE"))).singleElement()
        .satisfies(row -> {
          assertThat(row.get("RECIPIENT_PARTY")).isEqualTo(party);
          assertThat(row.get("LEGAL_BASIS")).isEqualTo("SV_126ND");
          assertThat(row.get("CATEGORIES")).isEqualTo(category);
          assertThat(((Number) row.get("ITEM_COUNT")).intValue()).isEqualTo(1);
          assertThat(row.get("SELECTED_BY")).isEqualTo("officer");
          assertThat(row.get("APPROVED_BY")).isEqualTo("deskofficer");
        });

    // UAVG art 41: the notice is deferred with its ground; the timer has the ground re-checked
    assertThat(disclosed.noticeDeferred()).isTrue();
    assertThat(instance(reference)).isWaitingAt(Elements.TIMER_DEFERRAL_REVIEW);
    LocalDate reviewOn = disclosed.deferralReviewOn();
    assertThat(reviewOn).isEqualTo(chosen);
    requests.setNow(reviewOn, 7, 59);
    requests.executeDueTimers(reference);
    assertThat(instance(reference)).isWaitingAt(Elements.TIMER_DEFERRAL_REVIEW);
    requests.setNow(reviewOn, 8, 0);
    requests.executeDueTimers(reference);
    assertThat(instance(reference)).isWaitingAt(Elements.REVIEW_DEFERRAL);
    // the ground still applies: the next review date is chosen again (bounded), the person is not told yet
    assertThatThrownBy(() -> requests.complete("officer", reference, Elements.REVIEW_DEFERRAL,
        Map.of("groundStillApplies", true))).hasMessageContaining("opnieuw wordt beoordeeld");
    LocalDate next = reviewOn.plusMonths(2);
    requests.complete("officer", reference, Elements.REVIEW_DEFERRAL, Map.of("groundStillApplies", true,
        "nextDeferralReviewOn", next.toString()));
    assertThat(demands.find(reference).orElseThrow().deferralReviewOn()).isEqualTo(next);
    assertThat(requests.outbox(reference)).extracting(m -> m.get("TEMPLATE"))
        .doesNotContain(DisclosureService.PERSON_NOTICE_TEMPLATE);
    requests.setNow(next, 7, 59);
    requests.executeDueTimers(reference);
    assertThat(instance(reference)).isWaitingAt(Elements.TIMER_DEFERRAL_REVIEW);
    requests.setNow(next, 8, 0);
    requests.executeDueTimers(reference);
    requests.complete("officer", reference, Elements.REVIEW_DEFERRAL, Map.of("groundStillApplies", false));

    assertThat(instance(reference)).isEnded();
    assertThat(requests.outbox(reference)).filteredOn(m -> DisclosureService.PERSON_NOTICE_TEMPLATE.equals(
        m.get("TEMPLATE"))).singleElement().satisfies(m -> assertThat(m.get("RECIPIENT")).isEqualTo(email));
    assertThat(demands.find(reference).orElseThrow().personNotifiedAt()).isNotNull();
    // GreenMail: the person is told of the disclosure with the right to complain to the AP
    var notice = delivered.last(reference, "Verstrekking van uw gegevens " + reference);
    assertThat(notice.recipients()).containsExactly(email);
    assertThat(notice.html()).contains("Autoriteit Persoonsgegevens").contains(category);
    assertThat(delivered.last(reference, "Verstrekking op uw vordering " + reference).recipients())
        .containsExactly(party.toLowerCase() + "@politie.example");
  }

  /** Issue 19 item 3: a demand that came by letter is registered by a privacy officer from the Tasklist start form. */
  @Test
  void aDemandRegisteredThroughTheTasklistStartFormKeepsOnlyItsReference() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DisclosureDemandProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of("receivedOn", LocalDate.now(ZoneId.of("Europe/Amsterdam"))
        .toString(), "requesterKind", "POLICE", "partyCode", "POLITIE-BRIEF", "replyEmail", "recherche@politie.example",
        "legalBasis", "SV_126ND", "subjectEmail", email, "subjectTenancyNumber", tenancy, "requestedCategories",
        "TENANCY_CONTRACT\nCONTACTS", "demandText", DEMAND));
    String pid = requests.as("officer", () -> engine.getFormService().submitStartForm(definitionId, form)).getId();
    String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey();
    assertThat(reference).matches("VS-\\d{4}-\\d{6}");
    DisclosureDemand demand = demands.find(reference).orElseThrow();
    assertThat(demand.requesterKind()).isEqualTo("POLICE");
    assertThat(demand.legalBasis()).isEqualTo("SV_126ND");
    assertThat(demand.subjectTenancy()).isEqualTo(tenancy);
    assertThat(demand.requestedCategories()).contains("TENANCY_CONTRACT").contains("CONTACTS");
    assertThat(engine.getRuntimeService().getVariables(pid).keySet()).containsExactly("demandReference");
    assertThat(instance(reference)).isWaitingAt(Elements.CHECK_DEMAND);

    // bad input is refused and stores nothing; the desk may not start it (privacy officers only)
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.disclosure_demand", Long.class);
    Map<String, Object> noReply = new HashMap<>(form);
    noReply.remove("replyEmail");
    assertThatThrownBy(() -> requests.as("officer", () -> engine.getFormService().submitStartForm(definitionId,
        noReply))).hasMessageContaining("replyEmail");
    assertThatThrownBy(() -> requests.as("desk", () -> engine.getFormService().submitStartForm(definitionId, form)))
        .isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.disclosure_demand", Long.class)).isEqualTo(rows);
  }
}
