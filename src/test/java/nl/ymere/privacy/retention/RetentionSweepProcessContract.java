package nl.ymere.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/**
 * {@code retention-sweep.bpmn} end to end on the real engine and tables (issue 17 item 2; RET-1..RET-4), years after
 * the demo data were recorded (engine clock moved, jobs executed): items past their period are destroyed or
 * anonymised, an item one day short is untouched, a held item is skipped and named with its hold, an owner keeps an
 * item back and it reappears at its review date, a reviewer cannot approve, the certificate lists approvers and
 * counts, the statistics hold no identifier. The demo subjects are held during the test so the shared demo data
 * stay as they are. Run on H2 and PostgreSQL by the two subclasses.
 */
abstract class RetentionSweepProcessContract {

  static final LocalDate TODAY = LocalDate.of(2031, 6, 16);

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired LegalHolds legalHolds;
  @Autowired RetentionSweeps sweeps;
  @Autowired DataSource dataSource;

  String marker;
  final List<Long> holds = new ArrayList<>();
  final List<String> references = new ArrayList<>();
  /** A start-to-end process deployed by the test to give a case file engine history (left out by the guards). */
  static final String CASE_FILE_PROBE = "retention-probe-casefile";
  final List<String> probeDeployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(java.util.Date.from(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC)));
    marker = "RS" + System.nanoTime() % 1_000_000;
    // the shared demo data stay: their subjects are held while this test sweeps (RET-4)
    holds.add(legalHolds.holdSubject(null, "HV-100234", "Testbewaarplicht demo", null, "officer"));
    holds.add(legalHolds.holdSubject(null, "HV-100235", "Testbewaarplicht demo", null, "officer"));
    holds.add(legalHolds.holdSubject("jan.devries@example.org", null, "Testbewaarplicht demo", null, "officer"));
    holds.add(legalHolds.holdSubject("fatma.yilmaz@example.org", null, "Testbewaarplicht demo", null, "officer"));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    probeDeployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    holds.forEach(id -> legalHolds.release(id, "fg"));
    // sweeps left waiting at a review are ended, so no open task of this test stays behind
    for (String reference : references) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
          .forEach(i -> ProductCalls.run(() -> engine.getRuntimeService().deleteProcessInstance(i.getId(),
              "test ended")));
    }
    assertThat(PersonalDataScan.of(dataSource).text("Lekkage " + marker, "Reparateur " + marker,
        "Nog nodig voor de garantie " + marker).hits()).isEmpty();
  }

  @Test
  void aSweepDestroysAndAnonymisesWhatIsDueWithFourEyesAndKeepsWhatIsHeldOrKeptBack() throws Exception {
    String tenancy = "HV-" + marker;
    String heldTenancy = "HV-H" + marker;
    LocalDate twoYearsAgo = TODAY.minusYears(2);
    long overdue = repair(tenancy, twoYearsAgo.minusDays(1));
    long dueToday = repair(tenancy, twoYearsAgo);
    long dayShort = repair(tenancy, twoYearsAgo.plusDays(1));
    long held = repair(heldTenancy, twoYearsAgo.minusDays(30));
    long keptBack = repair(tenancy, twoYearsAgo.minusDays(10));
    long contract = contract(tenancy, TODAY.minusYears(7).minusDays(1));
    long hold = legalHolds.holdSubject(null, heldTenancy, "Procedure over de reparatie", null, "officer");
    holds.add(hold);

    String reference = start("officer");
    assertThat(reference).matches("BEW-2031-\\d{4}");
    assertThat(decision(reference, "repairs", "repair-" + overdue)).isEqualTo("DESTROY");
    assertThat(decision(reference, "repairs", "repair-" + dueToday)).isEqualTo("DESTROY");
    assertThat(decision(reference, "repairs", "repair-" + dayShort)).as("one day short").isNull();
    assertThat(decision(reference, "tenancy", "contract-" + contract)).isEqualTo("ANONYMISE");
    // the held item is on the list, named with its hold, and is not to be destroyed
    assertThat(decision(reference, "repairs", "repair-" + held)).isEqualTo("HELD");
    assertThat(jdbc.queryForObject("SELECT legal_hold_id FROM privacy.retention_sweep_item i JOIN "
        + "privacy.retention_sweep s ON s.id = i.sweep_id WHERE s.reference = ? AND i.item_id = ?", Long.class,
        reference, "repair-" + held)).isEqualTo(hold);
    // the demo tenant's items past their period are held too
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_sweep_item i JOIN privacy.retention_sweep s "
        + "ON s.id = i.sweep_id WHERE s.reference = ? AND i.decision IN ('DESTROY', 'ANONYMISE') AND i.item_id IN "
        + "(SELECT 'repair-' || CAST(id AS VARCHAR(20)) FROM privacy.repair_request WHERE tenancy_number = 'HV-100234')",
        Integer.class, reference)).isZero();

    // the owner (privacy desk) keeps one item back; another group may not
    long keptLine = line(reference, "repair-" + keptBack);
    LocalDate reviewOn = TODAY.plusMonths(3);
    String keepBody = "{\"reason\":\"Nog nodig voor de garantie " + marker + "\",\"reviewOn\":\"" + reviewOn + "\"}";
    assertThat(call("nuisance", HttpMethod.POST, "/api/retention-sweeps/" + reference + "/items/" + keptLine
        + "/keep-back", keepBody).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> kept = call("desk", HttpMethod.POST, "/api/retention-sweeps/" + reference + "/items/"
        + keptLine + "/keep-back", keepBody);
    assertThat(kept.getStatusCode().value()).as(kept.getBody()).isEqualTo(200);
    assertThat(decision(reference, "repairs", "repair-" + keptBack)).isEqualTo("KEPT_BACK");

    // every owner group reviews its part; the privacy desk's part is reviewed by demo (desk and officer)
    String instanceId = instance(reference);
    List<Task> reviews = tasks(instanceId, RetentionSweepProcess.Elements.REVIEW_PART);
    assertThat(reviews).isNotEmpty();
    for (Task task : reviews) {
      String group = candidateGroup(task);
      complete(task, group.equals(Groups.PRIVACY_DESK) ? "demo" : userOf(group), Map.of());
    }
    Task approval = tasks(instanceId, RetentionSweepProcess.Elements.APPROVE_LIST).get(0);
    // four eyes (RET-3): demo reviewed a part and is refused, on the product's rows
    assertThatThrownBy(() -> complete(approval, "demo", Map.of("destructionApproved", true)))
        .hasMessageContaining("Vier ogen");
    assertThat(sweeps.sweep(reference).status()).isEqualTo("LISTED");
    complete(approval, "officer", Map.of("destructionApproved", true));
    assertThat(sweeps.sweep(reference).status()).isEqualTo("APPROVED");

    // the destruction runs as a job (retries on failure)
    executeJobs(instanceId);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(sweeps.sweep(reference).status()).isEqualTo("DONE");
    assertThat(repairExists(overdue)).isFalse();
    assertThat(repairExists(dueToday)).isFalse();
    assertThat(repairExists(dayShort)).isTrue();
    assertThat(repairExists(held)).isTrue();
    assertThat(repairExists(keptBack)).isTrue();
    // RET-2: the anonymised contract left its table; it is only counted, by years, decade of birth and rent band
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.tenancy_contract WHERE id = ?", Integer.class,
        contract)).isZero();
    assertThat(jdbc.queryForObject("SELECT SUM(contract_count) FROM privacy.statistic_tenancy WHERE start_year = ? "
        + "AND end_year = ? AND birth_decade = 1970 AND rent_band = 700", Long.class,
        TODAY.minusYears(17).minusDays(1).getYear(), TODAY.minusYears(7).minusDays(1).getYear()))
        .isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.repair_request WHERE tenancy_number = 'HV-100234'",
        Integer.class)).isPositive();

    // the certificate names the schedule, the counts, the reviewers and the approver
    String certificate = pdfText(sweeps.certificate(reference).orElseThrow());
    assertThat(certificate).contains("Vernietigingsverklaring " + reference, "Goedgekeurd door officer",
        "Deel van privacy-desk beoordeeld door demo", "repairs / repairs, versie", "repairs / repairs DESTROY: ",
        "legal hold " + hold).doesNotContain("garantie");
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("fg", "fg").getForEntity("/api/retention-sweeps/" + reference
        + "/certificate", byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

    // RET-2: anonymous statistics: counts only, no column that could identify anyone
    assertThat(jdbc.queryForObject("SELECT SUM(item_count) FROM privacy.retention_statistic WHERE source_system = "
        + "'repairs' AND end_action = 'DESTROY' AND trigger_year = ?", Long.class, twoYearsAgo.getYear()))
        .isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForList("SELECT * FROM privacy.retention_statistic").get(0).keySet())
        .map(String::toLowerCase).containsExactlyInAnyOrder("id", "source_system", "category", "end_action",
            "trigger_year", "recorded_year", "item_count");
    for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM privacy.retention_statistic")) {
      assertThat(row.values()).extracting(String::valueOf).noneMatch(v -> v.contains(marker) || v.contains("repair-")
          || v.contains("contract-") || v.matches("\\d{4}-\\d{2}-\\d{2}.*"));
    }

    // the kept-back item stays off the list until its review date, then comes back
    ClockUtil.setCurrentTime(java.util.Date.from(reviewOn.minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC)));
    String before = start("officer");
    assertThat(decision(before, "repairs", "repair-" + keptBack)).isNull();
    ClockUtil.setCurrentTime(java.util.Date.from(reviewOn.atTime(10, 0).toInstant(ZoneOffset.UTC)));
    String onReview = start("officer");
    assertThat(decision(onReview, "repairs", "repair-" + keptBack)).isEqualTo("DESTROY");
    // the day-short item is due by now too
    assertThat(decision(onReview, "repairs", "repair-" + dayShort)).isEqualTo("DESTROY");
  }

  /**
   * RET-4 (issue 17 item 4): a hold on a person placed after the list was approved still keeps their items: the
   * destruction step reads the running holds per batch; the line becomes HELD with the hold, the item stays.
   */
  @Test
  void aHoldOnAPersonPlacedAfterTheApprovalStillKeepsTheirItems() throws Exception {
    String tenancy = "HV-L" + marker;
    long lateHeld = repair(tenancy, TODAY.minusYears(3));
    long free = repair("HV-F" + marker, TODAY.minusYears(3));
    String reference = start("officer");
    assertThat(decision(reference, "repairs", "repair-" + lateHeld)).isEqualTo("DESTROY");
    String instanceId = instance(reference);
    for (Task task : tasks(instanceId, RetentionSweepProcess.Elements.REVIEW_PART)) {
      String group = candidateGroup(task);
      complete(task, group.equals(Groups.PRIVACY_DESK) ? "demo" : userOf(group), Map.of());
    }
    complete(tasks(instanceId, RetentionSweepProcess.Elements.APPROVE_LIST).get(0), "officer",
        Map.of("destructionApproved", true));
    long hold = legalHolds.holdSubject(null, tenancy, "Procedure na de goedkeuring", null, "officer");
    holds.add(hold);

    executeJobs(instanceId);
    assertThat(sweeps.sweep(reference).status()).isEqualTo("DONE");
    assertThat(repairExists(lateHeld)).isTrue();
    assertThat(repairExists(free)).isFalse();
    assertThat(decision(reference, "repairs", "repair-" + lateHeld)).isEqualTo("HELD");
    assertThat(jdbc.queryForObject("SELECT legal_hold_id FROM privacy.retention_sweep_item i JOIN "
        + "privacy.retention_sweep s ON s.id = i.sweep_id WHERE s.reference = ? AND i.item_id = ?", Long.class,
        reference, "repair-" + lateHeld)).isEqualTo(hold);
  }

  /**
   * RET-5 (issue 17 item 5): closed complaint and breach files are destroyed by the same sweep once two years have
   * passed since closure, their engine history included; a file one day short is untouched, a held file is kept.
   */
  @Test
  void closedCaseFilesPastTheirPeriodAreDestroyedWithTheirEngineHistory() throws Exception {
    LocalDate twoYearsAgo = TODAY.minusYears(2);
    String pastComplaint = complaint(twoYearsAgo);
    String shortComplaint = complaint(twoYearsAgo.plusDays(1));
    String heldComplaint = complaint(twoYearsAgo.minusDays(3));
    String pastBreach = breach(twoYearsAgo.minusDays(1));
    String shortBreach = breach(twoYearsAgo.plusDays(1));
    String pastInquiry = apInquiry(twoYearsAgo);
    String shortInquiry = apInquiry(twoYearsAgo.plusDays(1));
    long hold = legalHolds.holdItem(new nl.ymere.privacy.personaldata.ItemRef(
        nl.ymere.privacy.legalhold.LegalHolds.COMPLAINT_FILES, heldComplaint), "Klacht ligt bij de AP", null,
        "officer");
    holds.add(hold);
    for (String file : List.of(pastComplaint, shortComplaint, heldComplaint, pastBreach, shortBreach, pastInquiry,
        shortInquiry)) {
      finishedHistory(file);
      letter(file, "SENT");
    }

    String reference = start("officer");
    assertThat(decision(reference, "complaint", pastComplaint)).isEqualTo("DESTROY");
    assertThat(decision(reference, "complaint", shortComplaint)).as("one day short").isNull();
    assertThat(decision(reference, "complaint", heldComplaint)).isEqualTo("HELD");
    assertThat(decision(reference, "breach", pastBreach)).isEqualTo("DESTROY");
    assertThat(decision(reference, "breach", shortBreach)).as("one day short").isNull();
    assertThat(decision(reference, "ap-inquiry", pastInquiry)).isEqualTo("DESTROY");
    assertThat(decision(reference, "ap-inquiry", shortInquiry)).as("one day short").isNull();
    String instanceId = instance(reference);
    for (Task task : tasks(instanceId, RetentionSweepProcess.Elements.REVIEW_PART)) {
      String group = candidateGroup(task);
      complete(task, group.equals(Groups.PRIVACY_DESK) ? "demo" : userOf(group), Map.of());
    }
    complete(tasks(instanceId, RetentionSweepProcess.Elements.APPROVE_LIST).get(0), "officer",
        Map.of("destructionApproved", true));
    executeJobs(instanceId);
    assertThat(sweeps.sweep(reference).status()).isEqualTo("DONE");

    assertThat(fileRows("complaint", pastComplaint)).isZero();
    assertThat(fileRows("breach", pastBreach)).isZero();
    assertThat(historicInstances(pastComplaint)).isZero();
    assertThat(historicInstances(pastBreach)).isZero();
    assertThat(fileRows("complaint", shortComplaint)).isOne();
    assertThat(fileRows("complaint", heldComplaint)).isOne();
    assertThat(fileRows("breach", shortBreach)).isOne();
    assertThat(historicInstances(shortComplaint)).isOne();
    assertThat(historicInstances(heldComplaint)).isOne();
    assertThat(historicInstances(shortBreach)).isOne();
    assertThat(fileRows("ap_inquiry", pastInquiry)).isZero();
    assertThat(historicInstances(pastInquiry)).isZero();
    assertThat(fileRows("ap_inquiry", shortInquiry)).isOne();
    assertThat(historicInstances(shortInquiry)).isOne();
    assertThat(letters(pastComplaint, "SENT") + letters(pastBreach, "SENT")).as("destroyed files' letters").isZero();
    assertThat(letters(shortComplaint, "SENT") + letters(heldComplaint, "SENT") + letters(shortBreach, "SENT"))
        .isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.complaint_event e JOIN privacy.complaint c "
        + "ON c.id = e.complaint_id WHERE c.reference = ?", Integer.class, pastComplaint)).isZero();
  }

  /**
   * RET-5 (issue 17 item 5): closed data-subject request files are destroyed by the same sweep two years after
   * closure with every row of their handling and sub-cases and their engine history, the called processes (which
   * share the request's reference as business key) included; a file one day short is untouched, a file held by
   * itself or through its requester's e-mail address is kept (RET-4), a closed file whose process still runs and an
   * open request are never listed.
   */
  @Test
  void closedRequestFilesPastTheirPeriodAreDestroyedWithTheirSubCasesAndEngineHistory() throws Exception {
    LocalDate twoYearsAgo = TODAY.minusYears(2);
    String heldEmail = "verzoeker." + marker.toLowerCase(java.util.Locale.ROOT) + "@example.org";
    String past = request(twoYearsAgo, null);
    String dayShort = request(twoYearsAgo.plusDays(1), null);
    String held = request(twoYearsAgo.minusDays(3), null);
    String heldPerson = request(twoYearsAgo.minusDays(4), heldEmail);
    String running = request(twoYearsAgo.minusDays(5), null);
    String open = request(null, null);
    holds.add(legalHolds.holdItem(new nl.ymere.privacy.personaldata.ItemRef(LegalHolds.REQUEST_FILES, held),
        "Verzoek ligt bij de rechter", null, "officer"));
    holds.add(legalHolds.holdSubject(heldEmail, null, "Procedure van de verzoeker", null, "officer"));
    for (String file : List.of(past, dayShort, held, heldPerson)) {
      requestHistory(file);
      letter(file, "SENT");
    }
    letter(past, "PRINT_PENDING");
    waitingInstance(running);

    String reference = start("officer");
    assertThat(decision(reference, "request", past)).isEqualTo("DESTROY");
    assertThat(decision(reference, "request", dayShort)).as("one day short").isNull();
    assertThat(decision(reference, "request", held)).isEqualTo("HELD");
    assertThat(decision(reference, "request", heldPerson)).isEqualTo("HELD");
    assertThat(decision(reference, "request", running)).as("its process still runs").isNull();
    assertThat(decision(reference, "request", open)).as("not closed").isNull();
    String instanceId = instance(reference);
    for (Task task : tasks(instanceId, RetentionSweepProcess.Elements.REVIEW_PART)) {
      String group = candidateGroup(task);
      complete(task, group.equals(Groups.PRIVACY_DESK) ? "demo" : userOf(group), Map.of());
    }
    complete(tasks(instanceId, RetentionSweepProcess.Elements.APPROVE_LIST).get(0), "officer",
        Map.of("destructionApproved", true));
    executeJobs(instanceId);
    assertThat(sweeps.sweep(reference).status()).isEqualTo("DONE");

    assertThat(requestRows(past)).as("the file and every child row").isZero();
    assertThat(historicInstances(past)).as("the request's process and its called process").isZero();
    for (String kept : List.of(dayShort, held, heldPerson)) {
      assertThat(requestRows(kept)).as(kept).isEqualTo(REQUEST_ROWS);
      assertThat(historicInstances(kept)).as(kept).isEqualTo(2);
    }
    assertThat(letters(past, "SENT")).as("the destroyed file's sent letter").isZero();
    assertThat(letters(past, "PRINT_PENDING")).as("a letter still to be printed is never lost").isOne();
    for (String kept : List.of(dayShort, held, heldPerson)) {
      assertThat(letters(kept, "SENT")).as(kept).isOne();
    }
    assertThat(requestRows(running)).isEqualTo(REQUEST_ROWS);
    assertThat(requestRows(open)).isEqualTo(REQUEST_ROWS);
  }

  @Test
  void theDestructionStepRefusesAListWithoutFourEyesApproval() throws Exception {
    repair("HV-" + marker, TODAY.minusYears(3));
    String reference = start("officer");
    // started at the destruction step by someone (engine API): the product's rows say LISTED, so nothing happens
    assertThatThrownBy(() -> sweeps.execute(reference)).hasMessageContaining("vier ogen");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_sweep_item i JOIN privacy.retention_sweep s "
        + "ON s.id = i.sweep_id WHERE s.reference = ? AND i.executed_at IS NOT NULL", Integer.class, reference))
        .isZero();
    assertThat(call("officer", HttpMethod.GET, "/api/retention-sweeps/BEW-1999-0001", null).getStatusCode().value())
        .isEqualTo(404);
  }

  private String start(String user) throws IOException {
    ResponseEntity<String> started = call(user, HttpMethod.POST, "/api/retention-sweeps", null);
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
    String reference = json.readTree(started.getBody()).get("sweep").get("reference").asText();
    references.add(reference);
    return reference;
  }

  private long repair(String tenancy, LocalDate completedOn) {
    jdbc.update("INSERT INTO privacy.repair_request (tenancy_number, reporter_name, contact_phone, address, "
            + "description, reported_on, completed_on, contractor) VALUES (?,?,?,?,?,?,?,?)", tenancy,
        "Reparateur " + marker, "06-99999999", "Teststraat 1", "Lekkage " + marker,
        Date.valueOf(completedOn.minusDays(5)), Date.valueOf(completedOn), "Aannemer");
    return jdbc.queryForObject("SELECT MAX(id) FROM privacy.repair_request WHERE tenancy_number = ?", Long.class,
        tenancy);
  }

  private long contract(String tenancy, LocalDate endedOn) {
    jdbc.update("INSERT INTO privacy.tenancy_contract (tenancy_number, tenant_name, date_of_birth, email, phone, "
            + "address, start_date, end_date, monthly_rent) VALUES (?,?,?,?,?,?,?,?,?)", tenancy,
        "Reparateur " + marker, Date.valueOf(LocalDate.of(1970, 1, 1)), null, null, "Teststraat 1",
        Date.valueOf(endedOn.minusYears(10)), Date.valueOf(endedOn), new java.math.BigDecimal("700.00"));
    return jdbc.queryForObject("SELECT MAX(id) FROM privacy.tenancy_contract WHERE tenancy_number = ?", Long.class,
        tenancy);
  }

  private String complaint(LocalDate answeredOn) {
    String reference = "KL-T" + (System.nanoTime() % 100_000_000L);
    java.sql.Timestamp answered = java.sql.Timestamp.from(answeredOn.atTime(12, 0).toInstant(ZoneOffset.UTC));
    jdbc.update("INSERT INTO privacy.complaint (reference, channel, received_on, due_date, complainant_name, "
            + "description, status, registered_by, registered_at, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        reference, "EMAIL", Date.valueOf(answeredOn.minusMonths(1)), Date.valueOf(answeredOn),
        "Reparateur " + marker, "Lekkage " + marker, "ANSWERED", "desk", answered, answered);
    long id = jdbc.queryForObject("SELECT id FROM privacy.complaint WHERE reference = ?", Long.class, reference);
    jdbc.update("INSERT INTO privacy.complaint_event (complaint_id, event_type, by_user, at_time) VALUES (?,?,?,?)",
        id, "ANSWERED", "desk", answered);
    return reference;
  }

  private String breach(LocalDate closedOn) {
    String reference = "DL-T" + (System.nanoTime() % 100_000_000L);
    java.sql.Timestamp closed = java.sql.Timestamp.from(closedOn.atTime(12, 0).toInstant(ZoneOffset.UTC));
    jdbc.update("INSERT INTO privacy.breach (reference, channel, status, description, data_categories, "
            + "persons_estimate, contained, detected_at, reported_by, reported_at, closed_at) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", reference, "INTERNAL", "CLOSED", "Lekkage " + marker, "CONTACT", 3,
        true, closed, "officer", closed, closed);
    return reference;
  }

  /** An AP inquiry file whose case the AP closed on {@code closedOn}, its holds released (RET-5, CMP-4). */
  private String apInquiry(LocalDate closedOn) {
    String reference = "AP-T" + (System.nanoTime() % 100_000_000L);
    java.sql.Timestamp at = java.sql.Timestamp.from(closedOn.atTime(12, 0).toInstant(ZoneOffset.UTC));
    jdbc.update("INSERT INTO privacy.ap_inquiry (reference, inquiry_kind, ap_case_number, received_on, ap_deadline, "
            + "topic, status, ap_closed_on, registered_by, registered_at) VALUES (?,?,?,?,?,?,?,?,?,?)", reference,
        "INQUIRY", "z-" + reference, closedOn.minusMonths(2), closedOn.minusMonths(1), "Vraag " + marker,
        "HOLDS_RELEASED", closedOn, "officer", at);
    long id = jdbc.queryForObject("SELECT id FROM privacy.ap_inquiry WHERE reference = ?", Long.class, reference);
    jdbc.update("INSERT INTO privacy.ap_inquiry_event (inquiry_id, event_type, by_user, at_time) VALUES (?,?,?,?)",
        id, "REGISTERED", "officer", at);
    return reference;
  }

  /** Rows {@link #request} writes for one file: the request and one row in each of eight child tables. */
  static final int REQUEST_ROWS = 9;

  /** A request file closed on {@code closedOn} (null: still in progress) with rows of its handling and sub-cases. */
  private String request(LocalDate closedOn, String requesterEmail) {
    String reference = "VZ-T" + (System.nanoTime() % 100_000_000L);
    LocalDate receivedOn = (closedOn == null ? TODAY : closedOn).minusMonths(1);
    java.sql.Timestamp at = java.sql.Timestamp.from(receivedOn.atTime(12, 0).toInstant(ZoneOffset.UTC));
    jdbc.update("INSERT INTO privacy.dsr_request (reference, right_code, channel, received_on, due_date, status, "
            + "identity_status, representation, requester_name, requester_email, description, created_at, closed_at) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", reference, "ACCESS", "EMAIL", Date.valueOf(receivedOn),
        Date.valueOf(receivedOn.plusMonths(1)), closedOn == null ? "IN_PROGRESS" : "CLOSED", "VERIFIED", "SELF",
        "Reparateur " + marker, requesterEmail, "Lekkage " + marker, at,
        closedOn == null ? null : java.sql.Timestamp.from(closedOn.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    long id = jdbc.queryForObject("SELECT id FROM privacy.dsr_request WHERE reference = ?", Long.class, reference);
    jdbc.update("INSERT INTO privacy.dsr_event (request_id, at, type, by_user) VALUES (?,?,?,?)", id, at, "REGISTERED",
        "desk");
    jdbc.update("INSERT INTO privacy.dsr_note (request_id, kind, text, written_by, written_at) VALUES (?,?,?,?,?)", id,
        "DOUBT", "Lekkage " + marker, "desk", at);
    jdbc.update("INSERT INTO privacy.identity_check (request_id, method, created_at) VALUES (?,?,?)", id, "EMAIL", at);
    jdbc.update("INSERT INTO privacy.access_item (request_reference, source_system, item_id) VALUES (?,?,?)",
        reference, "repairs", "repair-0");
    jdbc.update("INSERT INTO privacy.access_download_link (request_reference, token_hash, code_hash, status, "
            + "expires_at, max_downloads, downloads, max_attempts, failed_attempts, created_at) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?)", reference, "t" + reference, "c" + reference, "EXPIRED", at, 3, 0, 5, 0,
        at);
    long link = jdbc.queryForObject("SELECT id FROM privacy.access_download_link WHERE request_reference = ?",
        Long.class, reference);
    jdbc.update("INSERT INTO privacy.access_download_log (link_id, attempted_at, result) VALUES (?,?,?)", link, at,
        "EXPIRED");
    jdbc.update("INSERT INTO privacy.erasure_case (reference, proposed_by) VALUES (?,?)", reference, "desk");
    jdbc.update("INSERT INTO privacy.human_review (reference, signal_reference, linked_by, linked_at) VALUES (?,?,?,?)",
        reference, "FS-0", "desk", at);
    return reference;
  }

  /** A letter of the file in the outbox (RET-5: a destroyed file's finished letters go with it). */
  private void letter(String reference, String status) {
    jdbc.update("INSERT INTO privacy.outbox_message (message_id, reference, template, template_version, language, "
            + "channel, recipient_role, recipient, subject, body_html, status, created_at) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", "<" + java.util.UUID.randomUUID() + "@test>", reference,
        "request-closed", "1", "nl", "LETTER", "REQUESTER", "Teststraat 1", "Uw verzoek", "<p>Lekkage " + marker
            + "</p>", status, java.sql.Timestamp.from(TODAY.minusYears(3).atStartOfDay().toInstant(ZoneOffset.UTC)));
  }

  private int letters(String reference, String status) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.outbox_message WHERE reference = ? AND status = ?",
        Integer.class, reference, status);
  }

  /** The file's rows: the request and its child rows (by request id and by reference). */
  private int requestRows(String reference) {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM privacy.dsr_request WHERE reference = ?) "
        + "+ (SELECT COUNT(*) FROM privacy.dsr_event e JOIN privacy.dsr_request r ON r.id = e.request_id "
        + "WHERE r.reference = ?) + (SELECT COUNT(*) FROM privacy.dsr_note n JOIN privacy.dsr_request r "
        + "ON r.id = n.request_id WHERE r.reference = ?) + (SELECT COUNT(*) FROM privacy.identity_check c "
        + "JOIN privacy.dsr_request r ON r.id = c.request_id WHERE r.reference = ?) "
        + "+ (SELECT COUNT(*) FROM privacy.access_item WHERE request_reference = ?) "
        + "+ (SELECT COUNT(*) FROM privacy.access_download_link WHERE request_reference = ?) "
        + "+ (SELECT COUNT(*) FROM privacy.access_download_log WHERE link_id IN (SELECT id FROM "
        + "privacy.access_download_link WHERE request_reference = ?)) "
        + "+ (SELECT COUNT(*) FROM privacy.erasure_case WHERE reference = ?) "
        + "+ (SELECT COUNT(*) FROM privacy.human_review WHERE reference = ?)", Integer.class, reference, reference,
        reference, reference, reference, reference, reference, reference, reference);
  }

  static final String REQUEST_PROBE = "retention-probe-request";
  static final String REQUEST_PART_PROBE = "retention-probe-request-part";
  static final String WAITING_PROBE = "retention-probe-waiting";

  /**
   * Finished engine history of a request file: a process that calls another with its business key, as the request
   * process calls identity verification and the right's dsr-* process (two historic instances, one business key).
   */
  private void requestHistory(String businessKey) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(REQUEST_PROBE)
        .count() == 0) {
      probeDeployments.add(engine.getRepositoryService().createDeployment()
          .addModelInstance(REQUEST_PART_PROBE + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn
              .createExecutableProcess(REQUEST_PART_PROBE).camundaHistoryTimeToLive(3650).startEvent().endEvent()
              .done())
          .addModelInstance(REQUEST_PROBE + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn
              .createExecutableProcess(REQUEST_PROBE).camundaHistoryTimeToLive(3650).startEvent().callActivity()
              .calledElement(REQUEST_PART_PROBE).camundaInBusinessKey("#{execution.processBusinessKey}").endEvent()
              .done())
          .deploy().getId());
    }
    ProductCalls.call(() -> engine.getRuntimeService().startProcessInstanceByKey(REQUEST_PROBE, businessKey));
    assertThat(historicInstances(businessKey)).isEqualTo(2);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(REQUEST_PART_PROBE).count()).isOne();
  }

  /** A process instance that still waits, with the file's reference as business key. */
  private void waitingInstance(String businessKey) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(WAITING_PROBE)
        .count() == 0) {
      probeDeployments.add(engine.getRepositoryService().createDeployment().addModelInstance(WAITING_PROBE + ".bpmn",
          org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(WAITING_PROBE).camundaHistoryTimeToLive(3650)
              .startEvent().receiveTask().endEvent().done()).deploy().getId());
    }
    ProductCalls.call(() -> engine.getRuntimeService().startProcessInstanceByKey(WAITING_PROBE, businessKey));
  }

  /** A finished process instance with the file's reference as business key (engine history of the file). */
  private void finishedHistory(String businessKey) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CASE_FILE_PROBE)
        .count() == 0) {
      probeDeployments.add(engine.getRepositoryService().createDeployment().addModelInstance(CASE_FILE_PROBE + ".bpmn",
          org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(CASE_FILE_PROBE).camundaHistoryTimeToLive(3650)
              .startEvent().endEvent().done()).deploy().getId());
    }
    ProductCalls.call(() -> engine.getRuntimeService().startProcessInstanceByKey(CASE_FILE_PROBE, businessKey));
    assertThat(historicInstances(businessKey)).isOne();
  }

  private long historicInstances(String businessKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .count();
  }

  private int fileRows(String table, String reference) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy." + table + " WHERE reference = ?", Integer.class,
        reference);
  }

  private boolean repairExists(long id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.repair_request WHERE id = ?", Integer.class, id) == 1;
  }

  private String decision(String reference, String system, String itemId) {
    return jdbc.queryForList("SELECT i.decision FROM privacy.retention_sweep_item i JOIN privacy.retention_sweep s "
        + "ON s.id = i.sweep_id WHERE s.reference = ? AND i.source_system = ? AND i.item_id = ?", String.class,
        reference, system, itemId).stream().findFirst().orElse(null);
  }

  private long line(String reference, String itemId) {
    return jdbc.queryForObject("SELECT i.id FROM privacy.retention_sweep_item i JOIN privacy.retention_sweep s "
        + "ON s.id = i.sweep_id WHERE s.reference = ? AND i.item_id = ?", Long.class, reference, itemId);
  }

  private String instance(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(RetentionSweepProcess.KEY).singleResult().getId();
  }

  private List<Task> tasks(String instanceId, String element) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(element).list();
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
  }

  private static String userOf(String group) {
    return switch (group) {
      case Groups.NUISANCE_TEAM -> "nuisance";
      case Groups.HOUSING_ADAPTATION -> "adaptation";
      case Groups.FACILITY -> "facility";
      case Groups.PRIVACY_OFFICERS -> "officer";
      default -> "desk";
    };
  }

  private static List<String> groupsOf(String user) {
    return switch (user) {
      case "demo" -> List.of(Groups.ADMIN, Groups.PRIVACY_DESK, Groups.PRIVACY_OFFICERS);
      case "officer" -> List.of(Groups.PRIVACY_OFFICERS);
      case "nuisance" -> List.of(Groups.NUISANCE_TEAM);
      case "adaptation" -> List.of(Groups.HOUSING_ADAPTATION);
      case "facility" -> List.of(Groups.FACILITY);
      default -> List.of(Groups.PRIVACY_DESK);
    };
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void executeJobs(String instanceId) {
    for (int round = 0; round < 5; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instanceId).executable()
          .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  static String pdfText(byte[] pdf) throws IOException {
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

}
