package nl.ymere.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.ymere.privacy.access.AccessRequestProcess.Elements;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
import nl.ymere.privacy.request.RequestQueryService;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every path of {@code dsr-access} on the demo tenant Jan de Vries (rules ACC, ID-5, LET-3), written once and run on
 * H2 ({@link AccessRequestProcessTest}) and PostgreSQL ({@link AccessRequestProcessPostgresTest}): per-item
 * decisions, four eyes on withheld items, review dates of temporary grounds, the dossier PDF read back with OpenPDF's
 * text extractor, the letter, and the delivery: appointment with the ID checked again, or a download link with a
 * one-time code over a second channel. Bad input on the review page, the appointment form and the download page
 * changes nothing; the personal-data scan runs after every test.
 */
abstract class AccessProcessContract {

  static final String TENANT = AccessTestSupport.TENANT;
  static final String TENANT_EMAIL = AccessTestSupport.TENANT_EMAIL;
  static final String TENANCY = AccessTestSupport.TENANCY;
  static final String NEIGHBOUR = AccessTestSupport.NEIGHBOUR;
  /** A Monday. */
  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
  static final String CODE_ADDRESS = "Kerkstraat 12-1, 1017 GM Amsterdam";
  static final String PLACE = "Kantoor Jarfijnstraat 2, balie 3";
  static final DataReader OFFICER = AccessTestSupport.OFFICER;
  private static final Pattern LINK = Pattern.compile("/inzage/([A-Za-z0-9_-]{43})");
  private static final Pattern CODE = Pattern.compile("<strong>(\\d{6})</strong>");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @Autowired RequestTestSupport support;
  @Autowired AccessTestSupport access;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired AccessReviewService review;
  @Autowired AccessRepository repository;
  @Autowired AccessDeliveryRepository deliveries;
  @Autowired AccessDownloadService downloads;
  @Autowired PersonalDataSources sources;
  @Autowired RequestQueryService queries;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;

  @BeforeEach
  void setUp() {
    support.setNow(RECEIVED, 10, 0);
  }

  /** SEC-3: no name, e-mail, tenancy number, date of birth, code address or appointment place in the engine. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(TENANT, TENANT_EMAIL, TENANCY, NEIGHBOUR, CODE_ADDRESS, PLACE)
        .dateOfBirth(AccessTestSupport.TENANT_BORN).hits()).isEmpty();
  }

  // ---- review, four eyes, dossier and letter -------------------------------------------------------------------

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
    // ACC-4: a personal work note is no temporary ground: no review date
    assertThat(repository.item(reference, workNote.ref()).orElseThrow().reviewOn()).isNull();
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
        // issue 16 item 5: Dutch labels and local values, not field names
        DossierFields.shown(fields).forEach((label, value) -> assertThat(pdf).as("item %s", row.ref())
            .contains(normalised(label + ": " + value)));
        fields.keySet().stream().filter(name -> !DossierFields.label(name).equals(name))
            .forEach(name -> assertThat(pdf).doesNotContain(" " + name + ": "));
        assertThat(pdf).contains(normalised(review.describe(row.ref()).purpose()));
      }
    }
    assertThat(pdf).contains("[afgeschermd] meldt geluidsoverlast").doesNotContain(NEIGHBOUR)
        .doesNotContain("fatma.yilmaz@example.org")
        .doesNotContain(normalised(sources.export(workNote.ref(), AccessPurpose.OVERSIGHT, OFFICER).get("note")))
        .contains("Autoriteit Persoonsgegevens").contains("Rectificatie").contains("Bezwaar");

    // ACC-5, LET-3: the partial refusal names the ground, never the content, with AP complaint and court route;
    // ACC-2: both ways of delivery are offered
    String letter = letter(reference, "access-answer");
    assertThat(letter).contains("gedeeltelijk toegewezen").contains("persoonlijke werkaantekeningen")
        .contains("Autoriteit Persoonsgegevens").contains("zes weken").contains("identiteitsbewijs")
        .contains("afgeschermd").contains("Veilig elektronisch").contains("code per post")
        .doesNotContain("opnieuw of de grond nog").doesNotContain("teamleider");
    // LET-3, ACC-4: "two people assessed" rests on the approval by another user in the product's table
    assertThat(letter).contains("Dit besluit is door twee medewerkers beoordeeld");
    assertThat(jdbc.queryForList("SELECT verdict, decided_by FROM privacy.access_exemption_approval WHERE "
        + "request_reference = ?", reference)).singleElement()
        .satisfies(row -> assertThat(row.values()).containsExactly("APPROVED", "officer"));
    assertThat(queries.find(reference).orElseThrow().documents()).extracting(d -> d.type())
        .contains("ACCESS_DOSSIER", "ACCESS_ANSWER");
    // the dossier is listed with the link of the endpoint that serves it, not the letters' endpoint
    assertThat(queries.find(reference).orElseThrow().documents()).filteredOn(d -> d.type().equals("ACCESS_DOSSIER"))
        .extracting(d -> d.href()).containsExactly("/api/requests/" + reference + "/access-dossier");
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
    // SEC-5: stored encrypted: the table holds no PDF
    byte[] stored = jdbc.queryForObject("SELECT pdf FROM privacy.access_dossier WHERE request_reference = ?",
        byte[].class, reference);
    assertThat(new String(stored, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isNotEqualTo("%PDF-");
    assertThat(new String(repository.dossier(reference).orElseThrow(), 0, 5,
        java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    var download = rest.withBasicAuth("officer", "officer").getForEntity(dossierUrl, byte[].class);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(download.getBody()).isEqualTo(repository.dossier(reference).orElseThrow());
    // decisions are final once the review task is done
    assertThatThrownBy(() -> decide("desk", reference, workNote, include()))
        .isInstanceOf(ApiConflictException.class);
    // ACC-2: after the letter the desk records how the person wants the dossier
    assertThat(support.task(reference, Elements.CHOOSE_DELIVERY)).isNotNull();
  }

  @Test
  void anExemptionSentBackReturnsToTheReviewWhereTheHandlerMayChangeTheDecision() {
    String reference = startAccess(TENANT_EMAIL);
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of("tenancyNumber", TENANCY));
    // flagged items by deskofficer: whoever decides a withheld or redacted item may not approve (ACC-4, issue 14)
    access.decideDemoTenantItems(reference, "desk", "deskofficer");
    support.complete("desk", reference, Elements.REVIEW_ITEMS, Map.of());
    support.complete("officer", reference, Elements.APPROVE_EXEMPTIONS, Map.of("exemptionsApproved", false,
        "approvalComment", "De notitie bevat feiten over de huurder: die vallen niet onder de uitzondering."));

    assertThat(support.task(reference, Elements.REVIEW_ITEMS)).isNotNull();
    assertThat(support.eventTypes(reference)).contains("ACCESS_EXEMPTIONS_SENT_BACK");
    PersonalDataItem workNote = item(repository.items(reference), i -> i.system().equals("worknotes"));
    decide("desk", reference, workNote, include());
    support.complete("desk", reference, Elements.REVIEW_ITEMS, Map.of());

    // issue 15 item 8, LET-3: nothing withheld any more, but the neighbour's data are still redacted: a partial
    // refusal that says what was blacked out and why, with the remedies, never the redacted content
    assertThat(outcome(reference)).isEqualTo("PARTIALLY_GRANTED");
    assertThat(letter(reference, "access-answer")).contains("gedeeltelijk toegewezen")
        .contains("Wat wij hebben afgeschermd, en waarom").contains("Naam contactpersoon").contains("tekstpassage")
        .contains("artikel 15 lid 4 AVG").contains("Autoriteit Persoonsgegevens").contains("zes weken")
        .doesNotContain("Wat wij niet verstrekken").doesNotContain(NEIGHBOUR);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.dsr_note n JOIN privacy.dsr_request r ON "
        + "r.id = n.request_id WHERE r.reference = ? AND n.kind = 'ACCESS_EXEMPTION_APPROVAL'", Long.class, reference))
        .isEqualTo(1);
  }

  @Test
  void aTemporaryGroundGetsAReviewDateThatTheLetterNamesAndTheFollowUpListShows() throws IOException {
    String reference = startAccess(TENANT_EMAIL);
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of("tenancyNumber", TENANCY));
    // flagged items by deskofficer: whoever decides a withheld or redacted item may not approve (ACC-4, issue 14)
    access.decideDemoTenantItems(reference, "desk", "deskofficer");
    PersonalDataItem nuisance = item(repository.items(reference), PersonalDataItem::criminalLaw);
    decide("deskofficer", reference, nuisance, new AccessItemDecisionCommand("WITHHOLD", "CRIME_PREVENTION",
        "Lopend onderzoek naar de overlastmeldingen; inzage nu zou het onderzoek schaden.", null, null));

    // ACC-4: default 3 months after the decision
    LocalDate reviewOn = RECEIVED.plusMonths(3);
    assertThat(repository.item(reference, nuisance.ref()).orElseThrow().reviewOn()).isEqualTo(reviewOn);
    support.complete("desk", reference, Elements.REVIEW_ITEMS, Map.of());
    support.complete("officer", reference, Elements.APPROVE_EXEMPTIONS, Map.of("exemptionsApproved", true));

    assertThat(outcome(reference)).isEqualTo("PARTIALLY_GRANTED");
    assertThat(letter(reference, "access-answer")).contains("opnieuw of de grond nog geldt").contains("2 juni 2026")
        .contains("het voorkomen en opsporen van strafbare feiten").doesNotContain("overlastmeldingen");
    assertThat(normalised(pdfText(repository.dossier(reference).orElseThrow())))
        .doesNotContain(normalised(sources.export(nuisance.ref(), AccessPurpose.OVERSIGHT, OFFICER).values()
            .stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow()));

    // the listed follow-up: not due the day before, due on the review date
    String url = "/api/requests/access-exemption-reviews?dueBy=";
    assertThat(reviewsOf(reference, url + reviewOn.minusDays(1))).isEmpty();
    JsonNode due = reviewsOf(reference, url + reviewOn);
    assertThat(due).hasSize(1);
    assertThat(due.get(0).get("exemptionCode").asText()).isEqualTo("CRIME_PREVENTION");
    assertThat(due.get(0).get("itemId").asText()).isEqualTo(nuisance.ref().itemId());
    var bad = rest.withBasicAuth("desk", "desk").getForEntity(url + "2026-13-45", String.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(bad.getBody()).contains("dueBy");
  }

  @Test
  void nobodyFoundEndsWithNoDataAndNothingToDeliver() {
    String reference = startAccess("onbekend" + System.nanoTime() + "@voorbeeld.nl");
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of());

    assertThat(outcome(reference)).isEqualTo("NO_DATA");
    assertEndedAt(reference, Elements.ANSWERED);
    assertThat(repository.dossier(reference)).isEmpty();
    assertThat(letter(reference, "access-answer")).contains("geen persoonsgegevens van u")
        .doesNotContain("Veilig elektronisch");
  }

  // ---- delivery at the office (ACC-2, ID-5) ---------------------------------------------------------------------

  @Test
  void atTheAppointmentTheIdIsCheckedAgainBeforeHandingOverAndANoShowLeadsToANewChoice() {
    String reference = grantedAccess();
    // an invalid choice is refused and changes nothing
    assertRefusedAndUnchanged(reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "PIGEON"),
        "Kies hoe het dossier wordt geleverd");
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "APPOINTMENT"));

    // bad input on the appointment form: clear error, nothing stored, no invitation, no variable left
    assertRefusedAndUnchanged(reference, Elements.PLAN_APPOINTMENT, appointment("2026-03-01", "10:00", PLACE),
        "verleden");
    assertRefusedAndUnchanged(reference, Elements.PLAN_APPOINTMENT, appointment("2026-03-07", "10:00", PLACE),
        "werkdag");
    assertRefusedAndUnchanged(reference, Elements.PLAN_APPOINTMENT, appointment("2026-03-05", "18:00", PLACE),
        "openingstijden");
    assertRefusedAndUnchanged(reference, Elements.PLAN_APPOINTMENT, appointment("5 maart", "10:00", " "),
        "geldige datum", "plaats");
    assertThat(deliveries.appointments(reference)).isEmpty();

    support.complete("desk", reference, Elements.PLAN_APPOINTMENT, appointment("2026-03-05", "10:00", PLACE));
    String invitation = letter(reference, "access-appointment");
    assertThat(invitation).contains("5 maart 2026").contains("10:00").contains(PLACE).contains("identiteitsbewijs")
        .contains("paspoort, identiteitskaart, rijbewijs of verblijfsdocument").contains("5 March 2026");

    // ID-5: no hand-over without the ID checked again; a no-show only once the appointment has begun
    assertRefusedAndUnchanged(reference, Elements.HAND_OVER, Map.of("appointmentResult", "HANDED_OVER"),
        "identiteitsbewijs opnieuw");
    assertRefusedAndUnchanged(reference, Elements.HAND_OVER, Map.of("appointmentResult", "HANDED_OVER",
        "idDocumentType", "LIBRARY_CARD"), "identiteitsbewijs opnieuw");
    assertRefusedAndUnchanged(reference, Elements.HAND_OVER, Map.of("appointmentResult", "NO_SHOW"),
        "afspraak is begonnen");
    support.setNow(LocalDate.of(2026, 3, 5), 10, 30);
    support.complete("desk", reference, Elements.HAND_OVER, Map.of("appointmentResult", "NO_SHOW"));

    // no-show: the desk agrees a new delivery with the person; a new appointment, then the hand-over
    assertThat(support.task(reference, Elements.CHOOSE_DELIVERY)).isNotNull();
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "APPOINTMENT"));
    support.complete("desk", reference, Elements.PLAN_APPOINTMENT, appointment("2026-03-09", "14:15", PLACE));
    support.setNow(LocalDate.of(2026, 3, 9), 14, 20);
    support.complete("desk", reference, Elements.HAND_OVER, Map.of("appointmentResult", "HANDED_OVER",
        "idDocumentType", "ID_CARD"));

    assertEndedAt(reference, Elements.HANDED_OVER);
    assertThat(deliveries.appointments(reference)).extracting(AccessDeliveryRepository.Appointment::result,
        AccessDeliveryRepository.Appointment::idDocumentType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NO_SHOW", null),
            org.assertj.core.groups.Tuple.tuple("HANDED_OVER", "ID_CARD"));
    assertThat(support.outbox(reference).stream().filter(m -> "access-appointment".equals(m.get("template"))))
        .hasSize(2);
    assertThat(support.eventTypes(reference)).contains("ACCESS_DELIVERY_APPOINTMENT", "ACCESS_APPOINTMENT_PLANNED",
        "ACCESS_APPOINTMENT_INVITATION_SENT", "ACCESS_APPOINTMENT_NO_SHOW", "ACCESS_DOSSIER_HANDED_OVER");
  }

  @Test
  void onceAnsweredTheDeliveryMayOutlastTheDueDateWithoutRemindersOrOverdueMark() {
    String reference = grantedAccess();
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "APPOINTMENT"));
    assertThat(support.eventTypes(reference)).contains("ANSWER_SENT");

    // DL-10: the answer went out in time; the request's deadline watch stays silent while the delivery waits
    support.setNow(RECEIVED.plusMonths(1).plusDays(1), 10, 0);
    for (String timer : List.of(DataSubjectRequestProcess.Elements.TIMER_REMINDER,
        DataSubjectRequestProcess.Elements.TIMER_ESCALATION_BEFORE,
        DataSubjectRequestProcess.Elements.TIMER_ESCALATION_ON_DUE, DataSubjectRequestProcess.Elements.TIMER_OVERDUE)) {
      support.execute(support.timer(reference, timer));
    }
    assertThat(support.eventTypes(reference)).doesNotContain("OVERDUE")
        .noneMatch(type -> type.startsWith("REMINDER_") || type.startsWith("ESCALATION_"));
    assertThat(support.outbox(reference)).extracting(m -> m.get("template"))
        .doesNotContain("deadline-reminder", "deadline-escalation");
    assertThat(support.task(reference, Elements.PLAN_APPOINTMENT)).isNotNull();
  }

  // ---- secure electronic delivery (ACC-2, ID-5) ------------------------------------------------------------------

  @Test
  void theLinkGoesByEmailTheCodeByPostAndTheDownloadPageChecksTheCodeAndTheLimit() {
    String reference = grantedAccess();
    // the code needs a second channel: without a postal address on file or in the form, nothing happens
    assertRefusedAndUnchanged(reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "ELECTRONIC"),
        "postadres");
    assertThat(deliveries.delivery(reference)).isEmpty();
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "ELECTRONIC",
        "codePostalAddress", CODE_ADDRESS));

    Map<String, Object> linkMail = message(reference, "access-download-link");
    Map<String, Object> codeLetter = message(reference, "access-download-code");
    assertThat(linkMail.get("channel")).isEqualTo("EMAIL");
    assertThat(linkMail.get("recipient")).isEqualTo(TENANT_EMAIL);
    assertThat(codeLetter.get("channel")).isEqualTo("LETTER");
    assertThat(codeLetter.get("recipient")).isEqualTo(CODE_ADDRESS);
    String token = group(LINK, (String) linkMail.get("body_html"));
    String code = group(CODE, (String) codeLetter.get("body_html"));
    // neither channel carries the other's secret
    assertThat((String) linkMail.get("body_html")).doesNotContain(code).contains("16 maart 2026");
    assertThat((String) codeLetter.get("body_html")).doesNotContain(token);
    assertThat(queries.find(reference).orElseThrow().documents()).extracting(d -> d.type())
        .contains("ACCESS_DOWNLOAD_LINK", "ACCESS_DOWNLOAD_CODE");
    // only hashes are stored
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.access_download_link WHERE token_hash = ? OR "
        + "code_hash = ?", Long.class, token, code)).isZero();

    // the page asks for the code; bad input changes nothing; a wrong code counts
    ResponseEntity<String> page = rest.getForEntity("/inzage/" + token, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("code van 6 cijfers");
    assertThat(rest.getForEntity("/inzage/" + "x".repeat(43), String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(downloads.download(token, "12ab").result()).isEqualTo(DownloadResult.MALFORMED_CODE);
    assertThat(deliveries.logResults(reference)).isEmpty();
    assertThat(downloads.view(token).attemptsLeft()).isEqualTo(5);
    AccessDownloadService.Attempt wrong = downloads.download(token, wrongCode(code));
    assertThat(wrong.result()).isEqualTo(DownloadResult.WRONG_CODE);
    assertThat(wrong.attemptsLeft()).isEqualTo(4);
    assertThat(wrong.pdf()).isNull();

    // the right code, through the public page (CSRF token of its session): the PDF; the process ends delivered
    ResponseEntity<byte[]> pdf = postCode(token, code);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getBody()).isEqualTo(repository.dossier(reference).orElseThrow());
    assertEndedAt(reference, Elements.DOWNLOADED);

    // at most 3 downloads per link; every attempt is logged
    assertThat(downloads.download(token, code).result()).isEqualTo(DownloadResult.DOWNLOADED);
    assertThat(downloads.download(token, code).result()).isEqualTo(DownloadResult.DOWNLOADED);
    assertThat(downloads.download(token, code).result()).isEqualTo(DownloadResult.USED_UP);
    assertThat(rest.getForEntity("/inzage/" + token, String.class).getStatusCode().value()).isEqualTo(410);
    assertThat(deliveries.logResults(reference)).containsExactly("WRONG_CODE", "DOWNLOADED", "DOWNLOADED",
        "DOWNLOADED", "USED_UP");
    assertThat(support.eventTypes(reference)).contains("ACCESS_DELIVERY_ELECTRONIC", "ACCESS_DOWNLOAD_LINK_SENT",
        "ACCESS_DOSSIER_DOWNLOADED");
  }

  @Test
  void tooManyWrongCodesBlockTheLinkAndTheDeskChoosesAgain() {
    String reference = grantedAccess();
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "ELECTRONIC",
        "codePostalAddress", CODE_ADDRESS));
    String token = group(LINK, (String) message(reference, "access-download-link").get("body_html"));
    String code = group(CODE, (String) message(reference, "access-download-code").get("body_html"));

    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(downloads.download(token, wrongCode(code)).result()).isEqualTo(DownloadResult.WRONG_CODE);
    }
    assertThat(downloads.download(token, wrongCode(code)).result()).isEqualTo(DownloadResult.BLOCKED);
    // blocked for good, even with the right code; the process is back at the desk
    assertThat(downloads.download(token, code).result()).isEqualTo(DownloadResult.BLOCKED);
    assertThat(rest.getForEntity("/inzage/" + token, String.class).getStatusCode().value()).isEqualTo(410);
    assertThat(support.task(reference, Elements.CHOOSE_DELIVERY)).isNotNull();
    assertThat(support.eventTypes(reference)).contains("ACCESS_DOWNLOAD_LINK_BLOCKED");

    // the person no longer wants the dossier: the process ends without delivery
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "DECLINED"));
    assertEndedAt(reference, Elements.DECLINED);
  }

  @Test
  void anExpiredLinkStopsWorkingAndANewLinkReplacesIt() {
    String reference = grantedAccess();
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "ELECTRONIC",
        "codePostalAddress", CODE_ADDRESS));
    String token = group(LINK, (String) message(reference, "access-download-link").get("body_html"));
    String code = group(CODE, (String) message(reference, "access-download-code").get("body_html"));

    // the link works 14 days (configurable); then the timer brings the case back to the desk
    var timer = support.timer(reference, Elements.LINK_EXPIRED);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(RequestTestSupport.at(RECEIVED.plusDays(14), 10, 0, 0));
    support.setNow(RECEIVED.plusDays(14), 10, 1);
    support.execute(timer);
    assertThat(support.task(reference, Elements.CHOOSE_DELIVERY)).isNotNull();
    assertThat(downloads.download(token, code).result()).isEqualTo(DownloadResult.EXPIRED);

    // a new electronic delivery: a new link and code; the old link stays dead
    support.complete("desk", reference, Elements.CHOOSE_DELIVERY, Map.of("deliveryMethod", "ELECTRONIC",
        "codePostalAddress", CODE_ADDRESS));
    List<Map<String, Object>> links = support.outbox(reference).stream()
        .filter(m -> "access-download-link".equals(m.get("template"))).toList();
    List<Map<String, Object>> codes = support.outbox(reference).stream()
        .filter(m -> "access-download-code".equals(m.get("template"))).toList();
    assertThat(links).hasSize(2);
    String newToken = group(LINK, (String) links.get(1).get("body_html"));
    String newCode = group(CODE, (String) codes.get(1).get("body_html"));
    assertThat(newToken).isNotEqualTo(token);
    assertThat(downloads.download(newToken, newCode).result()).isEqualTo(DownloadResult.DOWNLOADED);
    assertEndedAt(reference, Elements.DOWNLOADED);
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /** An access request of the demo tenant answered GRANTED (everything given), waiting for the delivery choice. */
  private String grantedAccess() {
    String reference = startAccess(TENANT_EMAIL);
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of("tenancyNumber", TENANCY));
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
    assertThat(letter(reference, "access-answer")).contains("toegewezen").doesNotContain("gedeeltelijk")
        .contains("identiteitsbewijs");
    assertThat(support.task(reference, Elements.CHOOSE_DELIVERY)).isNotNull();
    return reference;
  }

  /**
   * Completing the task with these variables is refused with a message naming each problem, and nothing changed:
   * the same task is open, no delivery row, appointment, link or letter was added and no form field was kept.
   */
  private void assertRefusedAndUnchanged(String reference, String taskKey, Map<String, Object> variables,
      String... messages) {
    Task before = support.task(reference, taskKey);
    int outbox = support.outbox(reference).size();
    int events = support.eventTypes(reference).size();
    var delivery = deliveries.delivery(reference);
    int appointments = deliveries.appointments(reference).size();
    var appointment = deliveries.latestAppointment(reference);
    var thrown = assertThatThrownBy(() -> support.complete("desk", reference, taskKey, variables))
        .isInstanceOf(ProcessEngineException.class);
    for (String message : messages) {
      thrown.hasMessageContaining(message);
    }
    assertThat(support.task(reference, taskKey).getId()).isEqualTo(before.getId());
    assertThat(support.outbox(reference)).hasSize(outbox);
    assertThat(support.eventTypes(reference)).hasSize(events);
    assertThat(deliveries.delivery(reference)).isEqualTo(delivery);
    assertThat(deliveries.appointments(reference)).hasSize(appointments);
    assertThat(deliveries.latestAppointment(reference)).isEqualTo(appointment);
    var execution = runtimeService.getVariables(before.getExecutionId());
    assertThat(execution).doesNotContainKeys("codePostalAddress", "appointmentDate", "appointmentTime",
        "appointmentPlace", "idDocumentType");
  }

  private static Map<String, Object> appointment(String date, String time, String place) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("appointmentDate", date);
    variables.put("appointmentTime", time);
    variables.put("appointmentPlace", place);
    return variables;
  }

  /** The right code through the public page, as a browser does: GET for the session and CSRF token, then POST. */
  private ResponseEntity<byte[]> postCode(String token, String code) {
    ResponseEntity<String> page = rest.getForEntity("/inzage/" + token, String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.put(HttpHeaders.COOKIE, page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", group(CSRF, page.getBody()));
    form.add("code", code);
    return rest.exchange("/inzage/" + token, HttpMethod.POST, new HttpEntity<>(form, headers), byte[].class);
  }

  private JsonNode reviewsOf(String reference, String url) throws IOException {
    JsonNode all = json.readTree(rest.withBasicAuth("desk", "desk").getForObject(url, String.class));
    List<JsonNode> mine = new java.util.ArrayList<>();
    all.forEach(node -> {
      if (node.get("reference").asText().equals(reference)) {
        mine.add(node);
      }
    });
    return json.valueToTree(mine);
  }

  private static String wrongCode(String code) {
    return code.equals("000000") ? "000001" : "000000";
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in the text", pattern).isTrue();
    return matcher.group(1);
  }

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

  private String instanceId(String reference) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AccessRequestProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult().getId();
  }

  /** The outcome the letter step set (the process goes on with the delivery). */
  private String outcome(String reference) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId(reference))
        .variableName("outcome").singleResult().getValue();
  }

  private void assertEndedAt(String reference, String endEventId) {
    var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId(reference))
        .singleResult();
    assertThat(instance.getEndTime()).as("dsr-access ended").isNotNull();
    assertThat(instance.getEndActivityId()).isEqualTo(endEventId);
  }

  private Map<String, Object> message(String reference, String template) {
    return support.outbox(reference).stream().filter(m -> template.equals(m.get("template"))).findFirst()
        .orElseThrow();
  }

  /** The HTML of the first message from this template, whitespace normalised. */
  private String letter(String reference, String template) {
    return normalised((String) message(reference, template).get("body_html"));
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
