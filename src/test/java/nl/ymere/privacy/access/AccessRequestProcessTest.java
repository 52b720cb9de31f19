package nl.ymere.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ymere.privacy.access.AccessRequestProcess.Elements;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.request.RequestQueryService;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code dsr-access} on the demo tenant Jan de Vries (rules ACC, LET-3, ID-5): per-item decisions, four eyes on
 * withheld items, the dossier PDF read back with OpenPDF's text extractor, and the letter.
 */
@IntegrationTest
class AccessRequestProcessTest {

  static final String TENANT = AccessTestSupport.TENANT;
  static final String TENANT_EMAIL = AccessTestSupport.TENANT_EMAIL;
  static final LocalDate TENANT_BORN = AccessTestSupport.TENANT_BORN;
  static final String TENANCY = AccessTestSupport.TENANCY;
  static final String NEIGHBOUR = AccessTestSupport.NEIGHBOUR;
  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
  static final DataReader OFFICER = new DataReader("officer", Set.of(Groups.PRIVACY_OFFICERS));

  @Autowired RequestTestSupport support;
  @Autowired AccessTestSupport access;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired AccessReviewService review;
  @Autowired AccessRepository repository;
  @Autowired PersonalDataSources sources;
  @Autowired RequestQueryService queries;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  @Autowired javax.sql.DataSource dataSource;

  @BeforeEach
  void setUp() {
    support.setNow(RECEIVED, 10, 0);
  }

  /** DESIGN principle 2: no name, e-mail, tenancy number or date of birth of tenant or neighbour in the engine. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(TENANT, TENANT_EMAIL, TENANCY, NEIGHBOUR)
        .dateOfBirth(TENANT_BORN).hits()).isEmpty();
  }

  @Test
  void partialAccessRedactsTheNeighbourOmitsTheWorkNoteAndNeedsASecondPerson() throws IOException {
    String reference = startAccess(TENANT_EMAIL);
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of("tenancyNumber", TENANCY));

    List<AccessItemRow> items = repository.items(reference);
    assertThat(items).extracting(AccessItemRow::system).contains("tenancy", "contacts", "nuisance", "adaptation",
        "worknotes", "marketing");
    PersonalDataItem complaint = item(items, i -> i.system().equals("contacts") && i.thirdPartyData());
    PersonalDataItem workNote = item(items, i -> i.system().equals("worknotes"));
    PersonalDataItem nuisance = item(items, PersonalDataItem::criminalLaw);

    // ACC-3: no blanket decision, the review task refuses to complete while an item is undecided
    assertThatThrownBy(() -> support.complete("deskofficer", reference, Elements.REVIEW_ITEMS, Map.of()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("nog geen beslissing");
    // SEC-1: a desk member may neither read nor decide the nuisance file
    assertThatThrownBy(() -> decide("desk", reference, nuisance, include()))
        .isInstanceOf(RestrictedItemException.class);
    // ACC-3: withholding needs a code and a case-specific reason; nothing is stored otherwise
    assertThatThrownBy(() -> decide("desk", reference, workNote,
        new AccessItemDecisionCommand("WITHHOLD", null, "nee", null, null)))
        .isInstanceOf(ApiValidationException.class).hasMessageContaining("exemptionCode").hasMessageContaining("reason");
    assertThat(repository.item(reference, workNote.ref()).orElseThrow().decided()).isFalse();

    for (AccessItemRow row : items) {
      PersonalDataItem item = review.describe(row.ref());
      String user = item.flagged() ? "deskofficer" : "desk";
      if (item.ref().equals(complaint.ref())) {
        decide(user, reference, item, new AccessItemDecisionCommand("REDACT", null, null,
            List.of("contactName", "email", "tenancyNumber"), List.of(NEIGHBOUR + " (12-1)")));
      } else if (item.ref().equals(workNote.ref())) {
        decide(user, reference, item, new AccessItemDecisionCommand("WITHHOLD", "PERSONAL_WORK_NOTE",
            "Eigen aantekening van de medewerker, niet gedeeld en geen onderdeel van het dossier.", null, null));
      } else if (sources.export(item.ref(), AccessPurpose.OVERSIGHT, OFFICER).values().stream()
          .anyMatch(value -> value.contains(NEIGHBOUR))) {
        // e.g. the witness statement in the nuisance file: the reporter is the neighbour (ACC-3: redact the name)
        decide(user, reference, item, new AccessItemDecisionCommand("REDACT", null, null, null, List.of(NEIGHBOUR)));
      } else {
        decide(user, reference, item, include());
      }
    }
    support.complete("deskofficer", reference, Elements.REVIEW_ITEMS, Map.of());

    // ACC-4: four eyes, the reviewer may not approve the exemption
    // (hidden from the reviewer, refused to them, and not even assignable to them by an administrator)
    assertThat(support.as("deskofficer", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.APPROVE_EXEMPTIONS).count())).isZero();
    assertThatThrownBy(() -> support.complete("deskofficer", reference, Elements.APPROVE_EXEMPTIONS,
        Map.of("exemptionsApproved", true))).isInstanceOf(ProcessEngineException.class);
    String approvalId = support.task(reference, Elements.APPROVE_EXEMPTIONS).getId();
    assertThatThrownBy(() -> taskService.setAssignee(approvalId, "deskofficer"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Vier ogen: deskofficer");
    assertThatThrownBy(() -> taskService.complete(approvalId, Map.of("exemptionsApproved", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Vier ogen");
    support.complete("officer", reference, Elements.APPROVE_EXEMPTIONS, Map.of("exemptionsApproved", true,
        "approvalComment", "Werkaantekening terecht achtergehouden."));

    assertThat(outcome(reference)).isEqualTo("PARTIALLY_GRANTED");
    String pdf = normalised(pdfText(repository.dossier(reference).orElseThrow()));
    for (AccessItemRow row : repository.items(reference)) {
      Map<String, String> fields = sources.export(row.ref(), AccessPurpose.OVERSIGHT, OFFICER);
      if (row.decision() == AccessDecision.INCLUDE) {
        fields.values().forEach(value -> assertThat(pdf).as("item %s", row.ref()).contains(normalised(value)));
        assertThat(pdf).contains(normalised(review.describe(row.ref()).purpose()));
      }
    }
    assertThat(pdf).contains("[afgeschermd] meldt geluidsoverlast").doesNotContain(NEIGHBOUR)
        .doesNotContain("fatma.yilmaz@example.org")
        .doesNotContain(normalised(sources.export(workNote.ref(), AccessPurpose.OVERSIGHT, OFFICER).get("note")))
        .contains("Autoriteit Persoonsgegevens").contains("Rectificatie").contains("Bezwaar");

    String letter = letter(reference);
    assertThat(letter).contains("gedeeltelijk toegewezen").contains("persoonlijke werkaantekeningen")
        .contains("Autoriteit Persoonsgegevens").contains("zes weken").contains("identiteitsbewijs")
        .contains("afgeschermd").doesNotContain("teamleider");
    assertThat(queries.find(reference).orElseThrow().documents()).extracting(d -> d.type())
        .contains("ACCESS_DOSSIER", "ACCESS_ANSWER");
    assertThat(support.eventTypes(reference)).contains("ACCESS_ITEMS_COLLECTED", "ACCESS_EXEMPTIONS_APPROVED",
        "ACCESS_DOSSIER_COMPILED", "ACCESS_ANSWERED_PARTIALLY_GRANTED");
    // SEC-1: the system's reads of flagged items are logged with their purpose
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.personal_data_access_log WHERE user_id = ? AND "
        + "purpose = 'ACCESS_REQUEST' AND source_system = 'nuisance' AND granted = TRUE", Long.class,
        AccessSubjects.SYSTEM_READER.userId())).isPositive();
    // both pairs of eyes in the task history
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.APPROVE_EXEMPTIONS).singleResult().getAssignee()).isEqualTo("officer");
    // SEC-1: the dossier holds the nuisance file, so the desk may not download it; a privacy officer may
    String dossierUrl = "/api/requests/" + reference + "/access-dossier";
    assertThat(rest.withBasicAuth("desk", "desk").getForEntity(dossierUrl, byte[].class).getStatusCode().value())
        .isEqualTo(403);
    var download = rest.withBasicAuth("officer", "officer").getForEntity(dossierUrl, byte[].class);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(download.getBody()).isEqualTo(repository.dossier(reference).orElseThrow());
    // decisions are final once the review task is done
    assertThatThrownBy(() -> decide("desk", reference, workNote, include()))
        .isInstanceOf(ApiConflictException.class);
  }

  @Test
  void everythingGivenNeedsNoApprovalAndIsGranted() {
    String reference = startAccess(TENANT_EMAIL);
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of());
    for (AccessItemRow row : repository.items(reference)) {
      PersonalDataItem item = review.describe(row.ref());
      decide(item.flagged() ? "officer" : "desk", reference, item, include());
    }
    // the reviewer is the first pair of eyes: an unauthenticated caller cannot complete the review
    String reviewId = support.task(reference, Elements.REVIEW_ITEMS).getId();
    assertThatThrownBy(() -> taskService.complete(reviewId)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ingelogde gebruiker");
    support.complete("desk", reference, Elements.REVIEW_ITEMS, Map.of());

    assertThat(support.task(reference, Elements.APPROVE_EXEMPTIONS)).isNull();
    assertThat(outcome(reference)).isEqualTo("GRANTED");
    assertThat(repository.dossier(reference)).isPresent();
    assertThat(letter(reference)).contains("toegewezen").doesNotContain("gedeeltelijk").contains("identiteitsbewijs");
  }

  @Test
  void anExemptionSentBackReturnsToTheReviewWhereTheHandlerMayChangeTheDecision() {
    String reference = startAccess(TENANT_EMAIL);
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of("tenancyNumber", TENANCY));
    access.decideDemoTenantItems(reference, "desk", "officer");
    support.complete("desk", reference, Elements.REVIEW_ITEMS, Map.of());
    support.complete("officer", reference, Elements.APPROVE_EXEMPTIONS, Map.of("exemptionsApproved", false,
        "approvalComment", "De notitie bevat feiten over de huurder: die vallen niet onder de uitzondering."));

    assertThat(support.task(reference, Elements.REVIEW_ITEMS)).isNotNull();
    assertThat(support.eventTypes(reference)).contains("ACCESS_EXEMPTIONS_SENT_BACK");
    PersonalDataItem workNote = item(repository.items(reference), i -> i.system().equals("worknotes"));
    decide("desk", reference, workNote, include());
    support.complete("desk", reference, Elements.REVIEW_ITEMS, Map.of());

    assertThat(outcome(reference)).isEqualTo("GRANTED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_note n JOIN privacy.dsr_request r ON "
        + "r.id = n.request_id WHERE r.reference = ? AND n.kind = 'ACCESS_EXEMPTION_APPROVAL'", Long.class, reference))
        .isEqualTo(1);
  }

  @Test
  void nobodyFoundEndsWithNoData() {
    String reference = startAccess("onbekend" + System.nanoTime() + "@voorbeeld.nl");
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of());

    assertThat(outcome(reference)).isEqualTo("NO_DATA");
    assertThat(repository.dossier(reference)).isEmpty();
    assertThat(letter(reference)).contains("geen persoonsgegevens van u");
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private String startAccess(String email) {
    return access.startAccess(email.equals(TENANT_EMAIL) ? TENANT : "Onbekend Persoon", email, RECEIVED);
  }

  private void decide(String user, String reference, PersonalDataItem item, AccessItemDecisionCommand command) {
    support.as(user, () -> review.decide(reference, item.ref(), command, DataReader.current(identityService)));
  }

  private static AccessItemDecisionCommand include() {
    return new AccessItemDecisionCommand("INCLUDE", null, null, null, null);
  }

  private PersonalDataItem item(List<AccessItemRow> rows, java.util.function.Predicate<PersonalDataItem> test) {
    return rows.stream().map(row -> review.describe(row.ref())).filter(test).findFirst().orElseThrow();
  }

  private String outcome(String reference) {
    var instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AccessRequestProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(instance.getEndTime()).as("dsr-access ended").isNotNull();
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("outcome").singleResult().getValue();
  }

  private String letter(String reference) {
    return support.outbox(reference).stream().filter(m -> "access-answer".equals(m.get("template")))
        .map(m -> (String) m.get("body_html")).findFirst().orElseThrow();
  }

  private static String pdfText(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString();
    } finally {
      reader.close();
    }
  }

  private static String normalised(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }
}
