package nl.ymere.privacy.portability;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.access.AccessRequestProcess;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.PortabilityTestData;
import nl.ymere.privacy.personaldata.PortabilityTestData.NothingPortable;
import nl.ymere.privacy.personaldata.PortabilityTestData.Tenant;
import nl.ymere.privacy.portability.PortabilityProcess.Elements;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.request.DataSubjectRequestProcess;
import nl.ymere.privacy.request.Outcome;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * dsr-portability (issue 5 build item 7), run on H2 and PostgreSQL by its subclasses: only items the person provided
 * on consent or contract are exported (POR-1, POR-2), derived and third-party data are left out (Art 20(4)), JSON and
 * CSV with the recorded SHA-256 (POR-3), the staff download (SEC-1), the direct transfer, the letter (LET-1), the
 * answer as access when nothing qualifies (POR-1), and bad form input that changes nothing. Nothing is erased.
 */
abstract class PortabilityProcessContract {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final String ORGANISATION = "Woonstichting Voorbeeld";
  static final String ORGANISATION_ADDRESS = "overdracht@woonstichting-voorbeeld.nl";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RequestTestSupport support;
  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RequestRecords requests;

  Tenant tenant;
  String reference;
  final List<String> personalData = new ArrayList<>();

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    tenant = PortabilityTestData.seed(jdbc, "Petra Porteur" + n, "petra" + n + "@voorbeeld.nl", "HV-8" + n,
        "NL91ABNA08" + String.format("%08d", n));
    personalData.addAll(List.of(tenant.name(), tenant.email(), tenant.tenancyNumber(), tenant.iban(),
        tenant.neighbourName(), tenant.medicalIndication(), ORGANISATION, ORGANISATION_ADDRESS));
    reference = support.register(command(RequestRight.PORTABILITY, TODAY, tenant.name(), tenant.email()))
        .reference();
  }

  @AfterEach
  void noPersonalDataInTheEngine() {
    support.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text(personalData.toArray(String[]::new))
        .dateOfBirth(LocalDate.of(1980, 5, 17)).hits()).isEmpty();
  }

  @Test
  void shouldExportOnlyProvidedConsentOrContractItemsAsJsonWithItsChecksumAndLetter() throws Exception {
    ProcessInstance instance = start();
    search("desk", "JSON", "OFFICE", false);

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.REVIEW_EXPORT);
    assertThat(variable(instance, PortabilityProcess.Variables.PORTABLE_COUNT)).isEqualTo(5);
    assertThat(variable(instance, PortabilityProcess.Variables.EXCLUDED_COUNT)).isEqualTo(4);
    assertThat(support.task(reference, Elements.REVIEW_EXPORT).getDescription())
        .contains("5 gegevens in de export, 4 weggelaten", "UIT paymentrisk/" + tenant.paymentRisk()
            + " (Inschatting betalingsrisico: risicoklasse en waarop die berust) NOT_PROVIDED_BY_PERSON")
        .doesNotContain(tenant.name(), tenant.neighbourName());

    // POR-1, POR-2, Art 20(4): provided items on consent or contract in; legal obligation, legitimate interest,
    // derived and third-party data out
    byte[] file = download("officer").getBody();
    JsonNode export = json.readTree(file);
    assertThat(export.get("$schema").asText()).isEqualTo(PortabilityFileWriter.SCHEMA_ID);
    assertThat(export.get("reference").asText()).isEqualTo(reference);
    assertThat(export.get("items").findValuesAsText("itemId")).containsExactlyInAnyOrder(tenant.contract(),
        tenant.preference(), tenant.contact(), tenant.repair(), tenant.adaptation());
    assertThat(export.get("items").findValuesAsText("legalBasis")).containsOnly("CONSENT", "CONTRACT");
    // the documented schema (resources/portability/export.schema.json) names exactly the keys the file has
    JsonNode schema = json.readTree(new org.springframework.core.io.ClassPathResource(
        "portability/export.schema.json").getInputStream());
    assertThat(export.get("$schema").asText()).isEqualTo(schema.get("$id").asText());
    assertThat(fieldNames(export)).containsExactlyElementsOf(fieldNames(schema.get("properties")))
        .containsAll(textValues(schema.get("required")));
    JsonNode itemSchema = schema.get("properties").get("items").get("items");
    for (JsonNode item : export.get("items")) {
      assertThat(fieldNames(item)).containsExactlyElementsOf(fieldNames(itemSchema.get("properties")))
          .containsAll(textValues(itemSchema.get("required")));
      item.get("fields").forEach(value -> assertThat(value.isTextual()).isTrue());
    }
    JsonNode contract = item(export, tenant.contract());
    assertThat(contract.get("system").asText()).isEqualTo("tenancy");
    assertThat(contract.get("fields").get("name").asText()).isEqualTo(tenant.name());
    assertThat(contract.get("fields").get("monthlyRent").asText()).isEqualTo("742.50");
    assertThat(item(export, tenant.contact()).get("fields").get("summary").asText())
        .isEqualTo("Vraag over de \"servicekosten\", 2025");
    String text = new String(file, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(tenant.neighbourName(), tenant.complaintText(), "VERHOOGD", tenant.iban(),
        "Belde over de sleutel", tenant.payment(), tenant.workNote(), tenant.neighbourComplaint());

    // POR-3: the record with the SHA-256 of the exact bytes, listed with the request
    Map<String, Object> record = jdbc.queryForMap("SELECT export_format, item_count, recipient, sha256, datasets "
        + "FROM privacy.portability_export WHERE reference = ?", reference);
    assertThat(record.get("export_format")).isEqualTo("JSON");
    assertThat(((Number) record.get("item_count")).intValue()).isEqualTo(5);
    assertThat(record.get("recipient")).isEqualTo(PortabilityService.RECIPIENT_PERSON);
    assertThat(record.get("sha256")).isEqualTo(PortabilityFileWriter.sha256(file))
        .isEqualTo(download("officer").getHeaders().getFirst(PortabilityExportController.CHECKSUM_HEADER));
    assertThat((String) record.get("datasets")).contains("Huuradministratie: Huurovereenkomst")
        .doesNotContain("betalingsrisico");
    JsonNode view = json.readTree(rest.withBasicAuth("desk", "desk").getForObject("/api/requests/" + reference,
        String.class));
    assertThat(view.get("documents").findValuesAsText("type")).contains(PortabilityService.DOCUMENT_TYPE);
    // the listed link is the endpoint that serves the export
    String href = null;
    for (JsonNode document : view.get("documents")) {
      if (PortabilityService.DOCUMENT_TYPE.equals(document.get("type").asText())) {
        href = document.get("href").asText();
      }
    }
    assertThat(href).isEqualTo("/api/requests/" + reference + "/portability-export");
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity(href, byte[].class).getStatusCode().value())
        .isEqualTo(200);

    support.complete("desk", reference, Elements.REVIEW_EXPORT, Map.of("exportApproved", true));

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.SEND_LETTER)
        .hasNotPassed(Elements.TRANSFER_EXPORT);
    assertThat(variable(instance, "outcome")).isEqualTo("GRANTED");
    String letter = letter("request-portability-result");
    assertThat(letter).contains("overdraagbaarheid", "5 gegevens", "Huuradministratie: Huurovereenkomst",
        "JSON", (String) record.get("sha256"), "identiteitsbewijs", "Jarfijnstraat 2",
        "Inschatting betalingsrisico", "artikel 20 lid 4", "wettelijke plicht", "niets verwijderd",
        "Autoriteit Persoonsgegevens", "rechtbank", "zes weken", "data portability", "identity document")
        .doesNotContain(tenant.neighbourName(), tenant.complaintText(), "rechtstreeks overgedragen");
    // nothing is erased (POR-3)
    assertThat(sources.source("tenancy").item(tenant.contract())).isPresent();
    assertThat(sources.source("marketing").item(tenant.preference())).isPresent();
    assertThat(support.eventTypes(reference)).contains("PORTABILITY_SEARCH_CONFIRMED", "PORTABILITY_ITEMS_SELECTED",
        "PORTABILITY_EXPORT_COMPILED_JSON", "PORTABILITY_EXPORT_APPROVED", "PORTABILITY_LETTER_QUEUED");
    assertThat(jdbc.queryForObject("SELECT reviewed_by FROM privacy.portability_case WHERE reference = ?",
        String.class, reference)).isEqualTo("desk");
    // SEC-1: the compiling step's read of the medical item is logged
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.personal_data_access_log WHERE item_id = ? "
        + "AND purpose = 'PORTABILITY_REQUEST' AND user_id = ?", Long.class, tenant.adaptation(),
        PortabilityService.SYSTEM_READER.userId())).isPositive();
  }

  @Test
  void shouldExportCsvAndRecordTheDirectTransferToTheChosenOrganisation() {
    ProcessInstance instance = start();
    search("desk", "CSV", "SECURE_ELECTRONIC", true);

    byte[] file = download("officer").getBody();
    String csv = new String(file, StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo(
        "\"system\",\"systemName\",\"itemId\",\"category\",\"legalBasis\",\"origin\",\"field\",\"value\"");
    assertThat(csv).contains("\"tenancy\",\"Huuradministratie\",\"" + tenant.contract() + "\"")
        .contains("\"name\",\"" + tenant.name() + "\"\r\n")
        .contains("\"summary\",\"Vraag over de \"\"servicekosten\"\", 2025\"\r\n")
        .contains("\"" + tenant.repair() + "\"", "\"" + tenant.preference() + "\"")
        .doesNotContain(tenant.neighbourName(), "VERHOOGD", tenant.iban(), "Belde over de sleutel");
    assertThat(List.of(lines).subList(1, lines.length)).allSatisfy(line -> assertThat(line).startsWith("\"")
        .endsWith("\""));
    assertThat(jdbc.queryForObject("SELECT sha256 FROM privacy.portability_export WHERE reference = ?",
        String.class, reference)).isEqualTo(PortabilityFileWriter.sha256(file));
    assertThat(download("officer").getHeaders().getContentType().toString()).startsWith("text/csv");

    support.complete("desk", reference, Elements.REVIEW_EXPORT, Map.of("exportApproved", true));
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.TRANSFER_EXPORT);
    support.complete("desk", reference, Elements.TRANSFER_EXPORT, transferForm(true, true));

    ProcessAssertions.assertThat(instance).isEnded().hasPassed(Elements.TRANSFER_EXPORT, Elements.SEND_LETTER);
    Map<String, Object> transfer = jdbc.queryForMap("SELECT organisation, address, address_verified, feasible, "
        + "sha256, recorded_by FROM privacy.portability_transfer WHERE reference = ?", reference);
    assertThat(transfer.get("organisation")).isEqualTo(ORGANISATION);
    assertThat(transfer.get("address")).isEqualTo(ORGANISATION_ADDRESS);
    assertThat(transfer.get("feasible")).isEqualTo(true);
    assertThat(transfer.get("sha256")).isEqualTo(PortabilityFileWriter.sha256(file));
    assertThat(transfer.get("recorded_by")).isEqualTo("desk");
    assertThat(jdbc.queryForObject("SELECT recipient FROM privacy.portability_export WHERE reference = ?",
        String.class, reference)).isEqualTo(ORGANISATION);
    assertThat(letter("request-portability-result")).contains("CSV", "beveiligde elektronische weg",
        "rechtstreeks", ORGANISATION, "secure electronic delivery").doesNotContain("identiteitsbewijs");
    assertThat(support.eventTypes(reference)).contains("PORTABILITY_EXPORT_COMPILED_CSV", "PORTABILITY_TRANSFERRED");
  }

  @Test
  void shouldAnswerAsAccessWithAnExplanationWhenNothingQualifies() {
    long n = System.nanoTime() % 1_000_000;
    NothingPortable person = PortabilityTestData.seedNothingPortable(jdbc, "Niels Nietdraagbaar" + n,
        "niels" + n + "@voorbeeld.nl", "HV-9" + n);
    personalData.addAll(List.of(person.name(), person.email(), person.tenancyNumber(), person.neighbourName()));
    reference = support.register(command(RequestRight.PORTABILITY, TODAY, person.name(), person.email()))
        .reference();
    ProcessInstance instance = start();
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", person.tenancyNumber());
    form.put("exportFormat", "JSON");
    form.put("deliveryRoute", "OFFICE");
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, form);

    // POR-1: explained, then answered as access by dsr-access (its first task waits for the desk)
    ProcessAssertions.assertThat(instance).hasPassed(Elements.EXPLAIN_AS_ACCESS).isWaitingAt(Elements.ANSWER_AS_ACCESS);
    assertThat(support.task(reference, AccessRequestProcess.Elements.CONFIRM_SEARCH)).isNotNull();
    assertThat(variable(instance, PortabilityProcess.Variables.PORTABLE_COUNT)).isEqualTo(0);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.portability_export WHERE reference = ?",
        Long.class, reference)).isZero();
    assertThat(letter("request-portability-as-access")).contains("geen gegevens van u gevonden waarvoor dit recht",
        "verzoek om inzage", "Inschatting betalingsrisico", "artikel 20 lid 4", "Autoriteit Persoonsgegevens",
        "rechtbank", "zes weken", "request for access").doesNotContain(person.neighbourName());
    assertThat(support.eventTypes(reference)).contains("PORTABILITY_NOTHING_PORTABLE",
        "PORTABILITY_ANSWERED_AS_ACCESS");
  }

  @Test
  void shouldRefuseBadSearchInputAndChangeNothing() {
    ProcessInstance instance = start();
    Map<String, Object> badFormat = searchForm("XML", "OFFICE", false);
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.CONFIRM_SEARCH, badFormat))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("JSON of CSV");
    Map<String, Object> noRoute = searchForm("JSON", null, false);
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.CONFIRM_SEARCH, noRoute))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("OFFICE");
    Map<String, Object> badTenancy = searchForm("JSON", "OFFICE", false);
    badTenancy.put("tenancyNumber", "HV 1; DROP");
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.CONFIRM_SEARCH, badTenancy))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("huurcontractnummer");

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_SEARCH);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.portability_case WHERE reference = ?", Long.class,
        reference)).isZero();
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("tenancyNumber", "exportFormat");
    assertThat(support.eventTypes(reference)).doesNotContain("PORTABILITY_SEARCH_CONFIRMED");
  }

  @Test
  void shouldRefuseATransferWithoutAVerifiedAddressAndChangeNothing() {
    ProcessInstance instance = start();
    search("desk", "JSON", "OFFICE", true);
    support.complete("desk", reference, Elements.REVIEW_EXPORT, Map.of("exportApproved", true));

    assertThatThrownBy(() -> support.complete("desk", reference, Elements.TRANSFER_EXPORT,
        transferForm(false, true))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("gecontroleerd");
    Map<String, Object> noOrganisation = transferForm(true, true);
    noOrganisation.remove("organisationName");
    assertThatThrownBy(() -> support.complete("desk", reference, Elements.TRANSFER_EXPORT, noOrganisation))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("organisatie");

    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.TRANSFER_EXPORT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.portability_transfer WHERE reference = ?",
        Long.class, reference)).isZero();
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("organisationName",
        "organisationAddress");

    // not technically feasible: recorded, the person gets the file and the letter says why
    support.complete("desk", reference, Elements.TRANSFER_EXPORT, transferForm(true, false));
    ProcessAssertions.assertThat(instance).isEnded();
    assertThat(jdbc.queryForObject("SELECT recipient FROM privacy.portability_export WHERE reference = ?",
        String.class, reference)).isEqualTo(PortabilityService.RECIPIENT_PERSON);
    assertThat(letter("request-portability-result")).contains("technisch niet mogelijk", ORGANISATION);
  }

  @Test
  void shouldSearchAgainWhenTheReviewerSendsTheExportBack() {
    ProcessInstance instance = start();
    Map<String, Object> withoutTenancy = searchForm("JSON", "OFFICE", false);
    withoutTenancy.remove("tenancyNumber");
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, withoutTenancy);
    // without the tenancy number only the items on e-mail or name and date of birth are found
    assertThat(variable(instance, PortabilityProcess.Variables.PORTABLE_COUNT)).isEqualTo(3);

    support.complete("desk", reference, Elements.REVIEW_EXPORT, Map.of("exportApproved", false));
    ProcessAssertions.assertThat(instance).isWaitingAt(Elements.CONFIRM_SEARCH);
    search("desk", "JSON", "OFFICE", false);

    assertThat(variable(instance, PortabilityProcess.Variables.PORTABLE_COUNT)).isEqualTo(5);
    assertThat(json(download("officer").getBody()).get("items")).hasSize(5);
    assertThat(support.eventTypes(reference)).contains("PORTABILITY_EXPORT_SENT_BACK");
  }

  @Test
  void shouldServeTheDownloadOnlyToWhoMayReadIt() throws Exception {
    start();
    search("desk", "JSON", "OFFICE", false);
    String url = "/api/requests/" + reference + "/portability-export";

    // outside the privacy desk and privacy officers: refused by the security chain
    ResponseEntity<String> facility = rest.withBasicAuth("facility", "facility").getForEntity(url, String.class);
    assertThat(facility.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(facility.getBody()).doesNotContain(tenant.name());
    assertThat(rest.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // SEC-1: the export holds a medical item, so the desk is refused it (and the refusal is logged)
    ResponseEntity<String> desk = rest.withBasicAuth("desk", "desk").getForEntity(url, String.class);
    assertThat(desk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(desk.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(desk.getBody()).doesNotContain(tenant.medicalIndication());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.personal_data_access_log WHERE item_id = ? "
        + "AND user_id = 'desk' AND granted = FALSE", Long.class, tenant.adaptation())).isPositive();
    ResponseEntity<byte[]> officer = download("officer");
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(officer.getHeaders().getFirst("Content-Disposition")).contains("gegevens-" + reference + ".json");
    assertThat(new String(officer.getBody(), StandardCharsets.UTF_8)).contains(tenant.medicalIndication());
    // unknown request, or a request without an export: 404 problem
    ResponseEntity<String> unknown = rest.withBasicAuth("officer", "officer")
        .getForEntity("/api/requests/AVG-0000-00000/portability-export", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
    String other = support.register(command(RequestRight.PORTABILITY, TODAY, tenant.name(), tenant.email()))
        .reference();
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity("/api/requests/" + other
        + "/portability-export", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldFulfilAPortabilityRequestThroughTheMainProcessAndCloseItGranted() {
    support.complete("desk", reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD,
        Map.of("identityMethod", "KNOWN_CONTACT", "identityBasis", "KNOWN_EMAIL", "identityResult", "VERIFIED"));
    ProcessInstance main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(DataSubjectRequestProcess.KEY).singleResult();
    ProcessAssertions.assertThat(main).isWaitingAt(DataSubjectRequestProcess.Elements.FULFIL_RIGHT);

    search("desk", "JSON", "OFFICE", false);
    support.complete("desk", reference, Elements.REVIEW_EXPORT, Map.of("exportApproved", true));

    ProcessAssertions.assertThat(main).isEnded();
    RequestRecord closed = requests.getByReference(reference);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).contains("request-portability-result")
        .doesNotContain("request-answer");
  }

  private ProcessInstance start() {
    support.identityVerified(reference); // ID-1: the fulfilment steps check it (IdentityGate)
    Date due = Date.from(RequestTestSupport.at(TODAY.plusMonths(1), 23, 59, 59));
    Map<String, Object> variables = new HashMap<>(Map.of("reference", reference, "dueDate", due,
        "internalTarget", due));
    return support.as("demo",
        () -> ProductCalls.call(() -> runtimeService.startProcessInstanceByKey(PortabilityProcess.KEY, reference,
            variables)));
  }

  private void search(String user, String format, String route, boolean directTransfer) {
    support.complete(user, reference, Elements.CONFIRM_SEARCH, searchForm(format, route, directTransfer));
  }

  private Map<String, Object> searchForm(String format, String route, boolean directTransfer) {
    Map<String, Object> form = new HashMap<>();
    form.put("tenancyNumber", tenant.tenancyNumber());
    form.put("exportFormat", format);
    form.put("deliveryRoute", route);
    form.put("directTransfer", directTransfer);
    return form;
  }

  private Map<String, Object> transferForm(boolean verified, boolean feasible) {
    Map<String, Object> form = new HashMap<>();
    form.put("organisationName", ORGANISATION);
    form.put("organisationAddress", ORGANISATION_ADDRESS);
    form.put("addressVerified", verified);
    form.put("transferFeasible", feasible);
    return form;
  }

  private ResponseEntity<byte[]> download(String user) {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, user)
        .getForEntity("/api/requests/" + reference + "/portability-export", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response;
  }

  private JsonNode json(byte[] content) {
    try {
      return json.readTree(content);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> textValues(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static JsonNode item(JsonNode export, String itemId) {
    for (JsonNode item : export.get("items")) {
      if (item.get("itemId").asText().equals(itemId)) {
        return item;
      }
    }
    throw new AssertionError("no item " + itemId + " in the export");
  }

  private Object variable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private String letter(String template) {
    List<Map<String, Object>> letters = support.outbox(reference).stream()
        .filter(m -> template.equals(m.get("template"))).toList();
    assertThat(letters).hasSize(1);
    return (String) letters.get(0).get("body_html");
  }
}
