package nl.ymere.privacy.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static nl.ymere.privacy.support.ProcessAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import nl.ymere.privacy.breach.BreachProcess.Elements;
import nl.ymere.privacy.mail.OutboxDispatcher;
import nl.ymere.privacy.support.PersonalDataScan;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import nl.ymere.privacy.support.ProcessAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code data-breach.bpmn} (issue 18; BRE-1..BRE-4) on the real engine and tables, as named users, with
 * the engine clock moved: the 72-clock-hour deadline over a holiday weekend and across the end of summer time, the
 * alerts and the escalation at their instants with their recipients, the deadline as due date of every open task,
 * four eyes and the FG who never decides, late notification, letters and the encryption exemption. Every test ends
 * with the personal-data scan. Shared by the H2 test and its PostgreSQL variant.
 */
abstract class BreachProcessContract {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Good Friday 2026, 16:00 summer time: Saturday, Easter Sunday and Easter Monday follow. */
  static final OffsetDateTime GOOD_FRIDAY_1600 = OffsetDateTime.parse("2026-04-03T16:00+02:00");

  @Autowired ProcessEngine engine;
  @Autowired BreachTestSupport support;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired BreachService breachService;
  @Autowired BreachPersons breachPersons;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired GreenMail smtp;

  String marker;

  @BeforeEach
  void setUp() {
    ProcessAssertions.init(engine);
    marker = "M" + System.nanoTime() % 1_000_000;
    BreachTestSupport.setNow(GOOD_FRIDAY_1600.plusMinutes(30));
  }

  /** DESIGN principle 2: none of the free text reaches the engine's tables. */
  @AfterEach
  void noPersonalDataInTheEngine() {
    ClockUtil.reset();
    assertThat(PersonalDataScan.of(dataSource).text("Laptop van een wijkbeheerder gestolen uit de auto " + marker,
        "Laptop met lokale kopie huuradministratie " + marker, "Pas na controle van de back-up", "ongewenst benaderd",
        "Laptop op afstand gewist", "de schatting is onzeker", "Herleidbare huurgegevens bij onbekende dief",
        "Brand in het archief", "Huurder " + marker, "breach." + marker, "Wijkstraat " + marker,
        "HV-" + marker).hits()).isEmpty();
  }

  private void assertEnded(String reference) {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).finished()
        .count()).isEqualTo(1);
  }

  private static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  @Test
  void shouldRegisterAReportFromTheTasklistStartFormWithOnlyTheReferenceInTheProcess() {
    String reference = support.report("facility", BreachTestSupport.report(marker,
        GOOD_FRIDAY_1600.minusHours(1)));

    assertThat(reference).matches("DL-2026-\\d{6}");
    assertThat(support.instance(reference)).isWaitingAt(Elements.RECORD_AWARENESS);
    assertThat(engine.getRuntimeService().getVariables(support.instance(reference).getId()))
        .containsOnlyKeys("reference");
    Breach breach = support.breach(reference);
    assertThat(breach.channel()).isEqualTo("TASKLIST");
    assertThat(breach.reportedBy()).isEqualTo("facility");
    assertThat(breach.dataCategories()).containsExactly("CONTACT", "TENANCY");
    assertThat(breach.personsEstimate()).isEqualTo(40);
    assertThat(breach.detectedAt()).isEqualTo(instant("2026-04-03T15:00+02:00"));
  }

  @Test
  void shouldRefuseAStartFormWithoutCategoryOrWithANegativeCountAndCreateNothing() {
    long breaches = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach", Long.class);
    Map<String, Object> noCategory = BreachTestSupport.report(marker, GOOD_FRIDAY_1600);
    noCategory.remove("dataContact");
    noCategory.remove("dataTenancy");
    Map<String, Object> negative = BreachTestSupport.report(marker, GOOD_FRIDAY_1600);
    negative.put("personsEstimate", -3L);

    assertThatThrownBy(() -> support.report("desk", noCategory)).hasMessageContaining("dataCategories");
    assertThatThrownBy(() -> support.report("desk", negative)).hasMessageContaining("personsEstimate");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach", Long.class)).isEqualTo(breaches);
  }

  @Test
  void shouldGiveMonday1600AsDeadlineForAwarenessOnGoodFriday1600AndPutItOnEveryOpenTask() {
    String reference = support.report("manager", BreachTestSupport.report(marker, GOOD_FRIDAY_1600.minusHours(1)));
    support.recordAwareness(reference, GOOD_FRIDAY_1600, "Pas na controle van de back-up " + marker);

    // 72 clock hours through Saturday, Easter Sunday and Easter Monday: no roll forward (BRE-1, no DL-3)
    Instant deadline = support.deadline(reference);
    assertThat(deadline).isEqualTo(instant("2026-04-06T16:00+02:00"));
    assertThat(deadline.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(16, 0));
    Breach breach = support.breach(reference);
    assertThat(breach.awarenessBy()).isEqualTo("fg");
    assertThat(breach.awarenessZone()).isEqualTo("+02:00");

    List<Task> open = support.openTasks(reference);
    assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(Elements.ASSESS_RISK);
    assertThat(open).allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(Date.from(deadline)));
    support.assess(reference, Map.of(), marker);
    assertThat(support.task(reference, Elements.ADVISE_RISK).getDueDate()).isEqualTo(Date.from(deadline));
    support.adviseFg(reference, marker);
    assertThat(support.task(reference, Elements.DECIDE_RISK).getDueDate()).isEqualTo(Date.from(deadline));
    support.decide("officer", reference, "RISK", marker);
    assertThat(support.task(reference, Elements.CONFIRM_RISK).getDueDate()).isEqualTo(Date.from(deadline));
  }

  @Test
  void shouldCountSeventyTwoRealHoursAcrossTheEndOfSummerTime() {
    // Friday 23 October 2026 12:00 summer time; the clocks go back on Sunday 25 October at 03:00
    OffsetDateTime awareness = OffsetDateTime.parse("2026-10-23T12:00+02:00");
    BreachTestSupport.setNow(awareness.plusMinutes(10));
    String reference = support.report("desk", BreachTestSupport.report(marker, awareness));
    support.recordAwareness(reference, awareness, null);

    Instant deadline = support.deadline(reference);
    assertThat(Duration.between(awareness.toInstant(), deadline)).isEqualTo(Duration.ofHours(72));
    assertThat(deadline).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
    // Monday 11:00 winter time on the wall clock, not 12:00 (which would be 73 hours)
    assertThat(deadline.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(11, 0));
    assertThat(support.timers(reference).get(Elements.TIMER_DEADLINE).getDuedate()).isEqualTo(Date.from(deadline));
  }

  @Test
  void shouldAlertAt24And48And66HoursAndEscalateToManagementAtTheDeadline() {
    String reference = support.report("facility", BreachTestSupport.report(marker, GOOD_FRIDAY_1600.minusHours(1)));
    support.recordAwareness(reference, GOOD_FRIDAY_1600, "Pas na controle van de back-up " + marker);

    Map<String, Job> timers = support.timers(reference);
    assertThat(timers.get(Elements.TIMER_ALERT_24H).getDuedate()).isEqualTo(Date.from(instant("2026-04-04T16:00+02:00")));
    assertThat(timers.get(Elements.TIMER_ALERT_48H).getDuedate()).isEqualTo(Date.from(instant("2026-04-05T16:00+02:00")));
    assertThat(timers.get(Elements.TIMER_ALERT_66H).getDuedate()).isEqualTo(Date.from(instant("2026-04-06T10:00+02:00")));
    assertThat(timers.get(Elements.TIMER_DEADLINE).getDuedate()).isEqualTo(Date.from(instant("2026-04-06T16:00+02:00")));

    // one minute before the first alert nothing is due
    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-04T15:59+02:00"));
    support.executeDueJobs(reference);
    assertThat(support.outbox(reference, "breach-alert")).isEmpty();

    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-04T16:00+02:00"));
    support.executeDueJobs(reference);
    List<Map<String, Object>> first = support.outbox(reference, "breach-alert");
    assertThat(first).extracting(m -> m.get("RECIPIENT")).containsExactlyInAnyOrder("demo@ymere.example",
        "officer@ymere.example", "deskofficer@ymere.example", "fg@ymere.example");
    assertThat(first).extracting(m -> ((OffsetDateTime) jdbc.queryForObject("SELECT created_at FROM "
        + "privacy.outbox_message WHERE reference = ? AND recipient = ? AND template = 'breach-alert'",
        OffsetDateTime.class, reference, m.get("RECIPIENT"))).toInstant())
        .containsOnly(instant("2026-04-04T16:00+02:00"));
    assertThat(support.outbox(reference, "breach-deadline-escalation")).isEmpty();

    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-06T10:00+02:00"));
    support.executeDueJobs(reference);
    assertThat(support.outbox(reference, "breach-alert")).hasSize(12);
    assertThat(support.outbox(reference, "breach-deadline-escalation")).isEmpty();
    assertThat(support.breach(reference).escalatedAt()).isNull();

    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-06T16:00+02:00"));
    support.executeDueJobs(reference);
    List<Map<String, Object>> escalation = support.outbox(reference, "breach-deadline-escalation");
    assertThat(escalation).extracting(m -> m.get("RECIPIENT")).contains("manager@ymere.example",
        "facilitymanager@ymere.example", "officer@ymere.example", "fg@ymere.example");
    assertThat(escalation).filteredOn(m -> "STAFF".equals(m.get("RECIPIENT_ROLE")))
        .extracting(m -> m.get("RECIPIENT"))
        .containsExactlyInAnyOrder("manager@ymere.example", "facilitymanager@ymere.example");
    assertThat(support.breach(reference).escalatedAt()).isEqualTo(instant("2026-04-06T16:00+02:00"));
    assertThat(engine.getRuntimeService().getVariable(support.instance(reference).getId(), "overdue"))
        .isEqualTo(true);
    // internal mails carry the reference and times, never the incident's facts
    assertThat(jdbc.queryForList("SELECT body_html FROM privacy.outbox_message WHERE reference = ?", String.class,
        reference)).allSatisfy(body -> assertThat(body).contains(reference).doesNotContain("Laptop van een"));
    // the process keeps waiting for the officers' work; the alerts are done
    assertThat(support.instance(reference)).isWaitingAt(Elements.ASSESS_RISK);
    assertThat(support.timers(reference)).isEmpty();
  }

  @Test
  void shouldRefuseANotificationAfterTheDeadlineWithoutDelayReasons() {
    String reference = support.decided(marker, GOOD_FRIDAY_1600, Map.of(), "RISK");
    assertThat(support.instance(reference)).isWaitingAt(Elements.NOTIFY_AP);
    assertThat(support.breach(reference).decidedRisk()).isEqualTo("RISK");

    OffsetDateTime late = OffsetDateTime.parse("2026-04-06T18:00+02:00");
    BreachTestSupport.setNow(late.plusMinutes(5));
    assertThatThrownBy(() -> support.notifyAp(reference, late, true, null))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("vertraging");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach_ap_notification n JOIN privacy.breach b ON "
        + "b.id = n.breach_id WHERE b.reference = ?", Long.class, reference)).isZero();

    support.notifyAp(reference, late, true, "Paasweekend: de back-up kon pas maandag worden gecontroleerd " + marker);
    Map<String, Object> notice = jdbc.queryForMap("SELECT late, delay_reasons, phase FROM "
        + "privacy.breach_ap_notification n JOIN privacy.breach b ON b.id = n.breach_id WHERE b.reference = ?",
        reference);
    assertThat(notice.get("LATE")).isEqualTo(true);
    assertThat((String) notice.get("DELAY_REASONS")).startsWith("Paasweekend");
    assertEnded(reference);
    assertThat(support.breach(reference).status()).isEqualTo("CLOSED");
  }

  @Test
  void shouldRecordAPhasedNotificationEachDated() {
    String reference = support.decided(marker, GOOD_FRIDAY_1600, Map.of(), "RISK");
    support.notifyAp(reference, GOOD_FRIDAY_1600.plusHours(2), false, null);
    assertThat(support.instance(reference)).isWaitingAt(Elements.NOTIFY_AP);
    BreachTestSupport.setNow(GOOD_FRIDAY_1600.plusHours(80));
    // an addition after the deadline needs no delay reasons: the first notice was in time (Art 33(4))
    support.notifyAp(reference, GOOD_FRIDAY_1600.plusHours(79), true, null);

    assertThat(jdbc.queryForList("SELECT phase FROM privacy.breach_ap_notification n JOIN privacy.breach b ON "
        + "b.id = n.breach_id WHERE b.reference = ? ORDER BY phase", Integer.class, reference)).containsExactly(1, 2);
    assertEnded(reference);
  }

  @Test
  void shouldSendALetterToEveryPersonOnAHighRisk() {
    String first = "HV-" + marker + "1";
    String second = "HV-" + marker + "2";
    jdbc.update("INSERT INTO privacy.tenancy_contract (tenancy_number, tenant_name, date_of_birth, email, phone, "
        + "address, start_date, monthly_rent) VALUES (?,?,?,?,?,?,?,?)", first, "Huurder " + marker + " Een",
        java.sql.Date.valueOf("1970-01-01"), "breach." + marker + "@example.org", "06-1", "Wijkstraat " + marker
        + " 1, 1000 AA Amsterdam", java.sql.Date.valueOf("2020-01-01"), new java.math.BigDecimal("700.00"));
    jdbc.update("INSERT INTO privacy.tenancy_contract (tenancy_number, tenant_name, date_of_birth, email, phone, "
        + "address, start_date, monthly_rent) VALUES (?,?,?,?,?,?,?,?)", second, "Huurder " + marker + " Twee",
        java.sql.Date.valueOf("1971-01-01"), null, "06-2", "Wijkstraat " + marker + " 2, 1000 AA Amsterdam",
        java.sql.Date.valueOf("2020-01-01"), new java.math.BigDecimal("700.00"));

    String reference = support.decided(marker, GOOD_FRIDAY_1600, Map.of("specialCategory", true), "HIGH_RISK");
    assertThat(support.breach(reference).proposedRisk()).isEqualTo("HIGH_RISK");
    support.notifyAp(reference, GOOD_FRIDAY_1600.plusHours(3), true, null);
    assertThat(support.instance(reference)).isWaitingAt(Elements.INFORM_PERSONS);

    support.complete("officer", reference, Elements.INFORM_PERSONS, Map.of("exemption", "NONE", "tenancyNumberItems",
        first + "\n" + second));

    List<Map<String, Object>> letters = support.outbox(reference, "breach-person-notice");
    assertThat(letters).extracting(m -> m.get("CHANNEL") + "/" + m.get("RECIPIENT_ROLE"))
        .containsExactly("EMAIL/DATA_SUBJECT", "LETTER/DATA_SUBJECT");
    assertThat(letters.get(0).get("RECIPIENT")).isEqualTo("breach." + marker + "@example.org");
    String body = jdbc.queryForObject("SELECT body_html FROM privacy.outbox_message WHERE reference = ? AND "
        + "template = 'breach-person-notice' AND channel = 'EMAIL'", String.class, reference);
    assertThat(body).contains("datalek").contains("Laptop op afstand gewist").contains("functionaris");
    assertThat(jdbc.queryForList("SELECT tenancy_number FROM privacy.breach_person_notice p JOIN privacy.breach b ON "
        + "b.id = p.breach_id WHERE b.reference = ?", String.class, reference)).containsExactly(first, second);
    assertEnded(reference);
  }

  private String tenancy(String number, String name, String email, String preferredLanguage) {
    jdbc.update("INSERT INTO privacy.tenancy_contract (tenancy_number, tenant_name, date_of_birth, email, phone, "
        + "address, start_date, monthly_rent, preferred_language) VALUES (?,?,?,?,?,?,?,?,?)", number, name,
        java.sql.Date.valueOf("1970-01-01"), email, "06-1", "Wijkstraat " + marker + " 3, 1000 AA Amsterdam",
        java.sql.Date.valueOf("2020-01-01"), new java.math.BigDecimal("700.00"), preferredLanguage);
    return number;
  }

  @Test
  void shouldWriteEveryListedPersonFromTheCsvAndTheTaskInTheirOwnLanguage() {
    // on file: English; the CSV sets nothing, so English first
    String onFile = tenancy("HV-" + marker + "1", "Huurder " + marker + " Een", "breach." + marker + "1@example.org",
        "en");
    // on file English, but the handler chose Dutch in the CSV: the handler's choice wins
    String chosenDutch = tenancy("HV-" + marker + "2", "Huurder " + marker + " Twee", "breach." + marker
        + "2@example.org", "en");
    // nothing on file, typed in the task with 'en': English first, by letter (no e-mail address)
    String typedEnglish = tenancy("HV-" + marker + "3", "Huurder " + marker + " Drie", null, null);
    // nothing on file, typed without a language: Dutch first
    String typedDutch = tenancy("HV-" + marker + "4", "Huurder " + marker + " Vier", "breach." + marker
        + "4@example.org", null);

    String reference = support.decided(marker, GOOD_FRIDAY_1600, Map.of("specialCategory", true), "HIGH_RISK");
    support.notifyAp(reference, GOOD_FRIDAY_1600.plusHours(3), true, null);
    assertThat(breachPersons.addCsv(reference, ("huurcontractnummer;taal\n" + onFile + "\n" + chosenDutch + ";nl\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "officer")).isEqualTo(2);

    // an unknown number typed in the task refuses the whole step: nothing sent, nothing added
    assertThatThrownBy(() -> support.complete("officer", reference, Elements.INFORM_PERSONS, Map.of("exemption",
        "NONE", "tenancyNumberItems", typedEnglish + " en\nHV-" + marker + "9")))
        .hasMessageContaining("onbekend");
    assertThat(support.outbox(reference, "breach-person-notice")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.breach_person p JOIN privacy.breach b ON "
        + "b.id = p.breach_id WHERE b.reference = ?", Long.class, reference)).isEqualTo(2);
    engine.getTaskService().setAssignee(support.task(reference, Elements.INFORM_PERSONS).getId(), null);

    support.complete("officer", reference, Elements.INFORM_PERSONS, Map.of("exemption", "NONE",
        "tenancyNumberItems", typedEnglish + " en, " + typedDutch));

    List<Map<String, Object>> notices = jdbc.queryForList("SELECT p.tenancy_number, p.language, p.channel, "
        + "m.template, m.language AS mail_language, m.subject FROM privacy.breach_person_notice p JOIN "
        + "privacy.breach b ON b.id = p.breach_id JOIN privacy.outbox_message m ON m.id = p.outbox_message_id "
        + "WHERE b.reference = ? ORDER BY p.id", reference);
    assertThat(notices).extracting(n -> n.get("TENANCY_NUMBER") + "/" + n.get("LANGUAGE") + "/" + n.get("CHANNEL")
        + "/" + n.get("TEMPLATE") + "/" + n.get("MAIL_LANGUAGE")).containsExactly(
        onFile + "/en/EMAIL/breach-person-notice-en/en,nl",
        chosenDutch + "/nl/EMAIL/breach-person-notice/nl,en",
        typedEnglish + "/en/LETTER/breach-person-notice-en/en,nl",
        typedDutch + "/nl/EMAIL/breach-person-notice/nl,en");
    assertThat((String) notices.get(0).get("SUBJECT")).startsWith("Your data were involved in a data breach");
    assertThat((String) notices.get(1).get("SUBJECT")).startsWith("Uw gegevens zijn betrokken bij een datalek");
    String english = jdbc.queryForObject("SELECT body_html FROM privacy.outbox_message WHERE reference = ? AND "
        + "recipient = ?", String.class, reference, "breach." + marker + "1@example.org");
    // English first, with the FG contact, consequences, measures, remedies and the privacy statement version (LET-1)
    assertThat(english.indexOf("lang=\"en\"")).isLessThan(english.indexOf("section lang=\"nl\""));
    assertThat(english).contains("data protection officer").contains("Laptop op afstand gewist")
        .contains("ongewenst benaderd").contains("Autoriteit Persoonsgegevens").contains("Privacy statement version");
    assertThat(jdbc.queryForList("SELECT list_source FROM privacy.breach_person p JOIN privacy.breach b ON "
        + "b.id = p.breach_id WHERE b.reference = ? ORDER BY p.id", String.class, reference))
        .containsExactly("CSV", "CSV", "TASK", "TASK");
    assertEnded(reference);
  }

  @Test
  void shouldDeliverTheAlertsAndTheEscalationByMailAtTheirInstantsToTheirRecipients() {
    String reference = support.report("facility", BreachTestSupport.report(marker, GOOD_FRIDAY_1600.minusHours(1)));
    support.recordAwareness(reference, GOOD_FRIDAY_1600, "Pas na controle van de back-up " + marker);
    java.util.Set<String> seen = new java.util.HashSet<>();

    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-04T15:59+02:00"));
    assertThat(deliveredAfterJobs(reference, seen)).isEmpty();

    assertAlertDelivered(reference, seen, "2026-04-04T16:00+02:00", 24, 48);
    assertAlertDelivered(reference, seen, "2026-04-05T16:00+02:00", 48, 24);
    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-06T09:59+02:00"));
    assertThat(deliveredAfterJobs(reference, seen)).isEmpty();
    assertAlertDelivered(reference, seen, "2026-04-06T10:00+02:00", 66, 6);

    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-06T15:59+02:00"));
    assertThat(deliveredAfterJobs(reference, seen)).isEmpty();
    BreachTestSupport.setNow(OffsetDateTime.parse("2026-04-06T16:00+02:00"));
    List<MimeMessage> escalation = deliveredAfterJobs(reference, seen);
    assertThat(escalation).extracting(BreachProcessContract::to).containsExactlyInAnyOrder("manager@ymere.example",
        "facilitymanager@ymere.example", "demo@ymere.example", "officer@ymere.example", "deskofficer@ymere.example",
        "fg@ymere.example");
    assertThat(escalation).allSatisfy(mail -> {
      assertThat(subject(mail)).isEqualTo("Datalek " + reference + ": meldtermijn verstreken / Data breach "
          + reference + ": deadline passed");
      assertThat(sent(mail)).isEqualTo(instant("2026-04-06T16:00+02:00"));
      assertThat(body(mail)).contains("2026-04-06 16:00 (+02:00, Europe/Amsterdam)").contains("vertraging")
          .doesNotContain("Laptop van een");
    });
  }

  /** Moves to the instant, runs the due jobs and the outbox, and checks the alert that arrived. */
  private void assertAlertDelivered(String reference, java.util.Set<String> seen, String at, int since,
      int left) {
    BreachTestSupport.setNow(OffsetDateTime.parse(at));
    List<MimeMessage> alerts = deliveredAfterJobs(reference, seen);
    assertThat(alerts).extracting(BreachProcessContract::to).as("alert at %s", at).containsExactlyInAnyOrder(
        "demo@ymere.example", "officer@ymere.example", "deskofficer@ymere.example", "fg@ymere.example");
    assertThat(alerts).allSatisfy(mail -> {
      assertThat(subject(mail)).isEqualTo("Datalek " + reference + ": nog " + left + " uur tot de meldtermijn / "
          + "Data breach " + reference + ": " + left + " hours left");
      assertThat(sent(mail)).isEqualTo(instant(at));
      assertThat(body(mail)).contains("Sinds het moment van bewustwording: <strong>" + since + "</strong> uur")
          .contains("2026-04-06 16:00 (+02:00, Europe/Amsterdam)").doesNotContain("Laptop van een");
    });
  }

  /** The breach's mails GreenMail received after the due jobs and the outbox dispatcher ran, not seen before. */
  private List<MimeMessage> deliveredAfterJobs(String reference, java.util.Set<String> seen) {
    support.executeDueJobs(reference);
    for (int run = 0; run < 50 && dispatcher.dispatchDue() > 0; run++) {
      // the outbox is shared with other tests: drain it batch by batch
    }
    List<MimeMessage> fresh = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).contains(reference)).filter(m -> !seen.contains(messageId(m))).toList();
    fresh.forEach(m -> seen.add(messageId(m)));
    return fresh;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant sent(MimeMessage message) {
    try {
      return message.getSentDate().toInstant();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      assertThat(to).hasSize(1);
      return to[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage message) {
    try {
      return partText(message.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String partText(Object content) throws Exception {
    if (content instanceof String text) {
      return text;
    }
    StringBuilder all = new StringBuilder();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        all.append(partText(part.getContent()));
      }
    }
    return all.toString();
  }

  @Test
  void shouldRefuseANegativeNumberOfPersonsInTheAssessmentAndStoreNothing() {
    String reference = support.report("facility", BreachTestSupport.report(marker, GOOD_FRIDAY_1600.minusHours(1)));
    support.recordAwareness(reference, GOOD_FRIDAY_1600, "Pas na controle van de back-up " + marker);

    assertThatThrownBy(() -> support.assess(reference, Map.of("personsAffected", -5L), marker))
        .hasMessageContaining("negatief");
    assertThat(support.breach(reference).consequenceLevel()).isNull();
    assertThat(support.instance(reference)).isWaitingAt(Elements.ASSESS_RISK);
  }

  @Test
  void shouldNotLetTheFgCompleteTheDecisionTask() {
    String reference = support.report("facility", BreachTestSupport.report(marker, GOOD_FRIDAY_1600.minusHours(1)));
    support.recordAwareness(reference, GOOD_FRIDAY_1600, "Pas na controle van de back-up " + marker);
    support.assess(reference, Map.of(), marker);
    support.adviseFg(reference, marker);
    String taskId = support.task(reference, Elements.DECIDE_RISK).getId();

    // the FG (only in group fg) does not see the officers' task, cannot claim or complete it ...
    assertThat(support.as("fg", () -> engine.getTaskService().createTaskQuery().taskId(taskId).count())).isZero();
    assertThatThrownBy(() -> support.complete("fg", reference, Elements.DECIDE_RISK, Map.of("riskDecision",
        "NO_RISK", "decisionReason", "Herleidbare huurgegevens bij onbekende dief " + marker)))
        .isInstanceOf(ProcessEngineException.class);
    // ... and even when the task is handed to the FG, the service refuses the decision (Art 38(6))
    engine.getTaskService().setAssignee(taskId, "fg");
    assertThatThrownBy(() -> support.as("fg", () -> {
      engine.getTaskService().complete(taskId, Map.of("riskDecision", "NO_RISK", "decisionReason",
          "Herleidbare huurgegevens bij onbekende dief " + marker));
      return null;
    })).hasMessageContaining("art. 38 lid 6");
    assertThat(support.breach(reference).decidedBy()).isNull();
    assertThat(support.instance(reference)).isWaitingAt(Elements.DECIDE_RISK);
  }

  @Test
  void shouldSendNoLettersButRecordTheExemptionWhenTheDataWereEncryptedWithTheKeySafe() {
    String reference = support.decided(marker, GOOD_FRIDAY_1600, Map.of("encryptedKeySafe", true), "HIGH_RISK");
    assertThat(support.breach(reference).proposedRisk()).isEqualTo("NO_RISK");
    support.notifyAp(reference, GOOD_FRIDAY_1600.plusHours(3), true, null);

    assertEnded(reference);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(
        support.breach(reference).processInstanceId()).activityId(Elements.INFORM_PERSONS).count()).isZero();
    assertThat(support.outbox(reference, "breach-person-notice")).isEmpty();
    Breach breach = support.breach(reference);
    assertThat(breach.personsExemption()).isEqualTo("UNINTELLIGIBLE");
    assertThat(breach.exemptionReason()).contains("versleuteld");
  }

  @Test
  void shouldEndWithoutNotificationOnAConfirmedNoRisk() {
    String reference = support.decided(marker, GOOD_FRIDAY_1600, Map.of("identifiable", false), "NO_RISK");
    assertEnded(reference);
    Breach breach = support.breach(reference);
    assertThat(breach.status()).isEqualTo("CLOSED");
    assertThat(breach.decidedRisk()).isEqualTo("NO_RISK");
    assertThat(breach.confirmedBy()).isEqualTo("deskofficer");
  }

  @Test
  void shouldRefuseTheDeciderAsSecondOfficer() {
    String reference = support.report("facility", BreachTestSupport.report(marker, GOOD_FRIDAY_1600.minusHours(1)));
    support.recordAwareness(reference, GOOD_FRIDAY_1600, "Pas na controle van de back-up " + marker);
    support.assess(reference, Map.of(), marker);
    support.adviseFg(reference, marker);
    support.decide("officer", reference, "RISK", marker);

    // the task is hidden from the decider (four-eyes listener) and the service refuses the decider itself
    assertThatThrownBy(() -> support.confirm("officer", reference)).hasMessageContaining("officer");
    assertThat(support.as("officer", () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey(Elements.CONFIRM_RISK).count())).isZero();
    String instanceId = support.breach(reference).processInstanceId();
    assertThatThrownBy(() -> breachService.confirm(reference, instanceId, true, null, "officer"))
        .hasMessageContaining("Vier ogen");
    assertThat(support.instance(reference)).isWaitingAt(Elements.CONFIRM_RISK);
    assertThat(support.breach(reference).confirmedBy()).isNull();
    support.confirm("demo", reference);
    assertThat(support.breach(reference).confirmedBy()).isEqualTo("demo");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.CONFIRM_RISK).singleResult().getAssignee()).isEqualTo("demo");
  }

  @Test
  void shouldNeverLetTheFgDecideEvenWhenAlsoAPrivacyOfficer() {
    String user = "fgofficer" + marker.toLowerCase();
    User fgOfficer = identityService.newUser(user);
    identityService.saveUser(fgOfficer);
    identityService.createMembership(user, "fg");
    identityService.createMembership(user, "privacy-officers");
    try {
      String reference = support.report("facility", BreachTestSupport.report(marker, GOOD_FRIDAY_1600.minusHours(1)));
      support.recordAwareness(reference, GOOD_FRIDAY_1600, "Pas na controle van de back-up " + marker);
      support.assess(reference, Map.of(), marker);
      support.adviseFg(reference, marker);

      assertThatThrownBy(() -> support.decide(user, reference, "NO_RISK", marker))
          .hasMessageContaining("art. 38 lid 6");
      engine.getTaskService().setAssignee(support.task(reference, Elements.DECIDE_RISK).getId(), null);
      assertThat(support.breach(reference).decidedBy()).isNull();
      assertThat(support.instance(reference)).isWaitingAt(Elements.DECIDE_RISK);

      support.decide("officer", reference, "RISK", marker);
      assertThatThrownBy(() -> support.confirm(user, reference)).hasMessageContaining("art. 38 lid 6");
      assertThat(support.breach(reference).confirmedBy()).isNull();
    } finally {
      identityService.deleteMembership(user, "fg");
      identityService.deleteMembership(user, "privacy-officers");
      identityService.deleteUser(user);
    }
  }

  @Test
  void shouldRefuseAwarenessBeforeDetectionAndADifferentMomentWithoutReason() {
    String reference = support.report("facility", BreachTestSupport.report(marker, GOOD_FRIDAY_1600));

    assertThatThrownBy(() -> support.recordAwareness(reference, GOOD_FRIDAY_1600.minusHours(2), "te vroeg"))
        .hasMessageContaining("vóór de ontdekking");
    assertThatThrownBy(() -> support.recordAwareness(reference, GOOD_FRIDAY_1600.plusMinutes(20), null))
        .hasMessageContaining("reden");
    assertThat(support.breach(reference).awarenessAt()).isNull();
    assertThat(support.instance(reference)).isWaitingAt(Elements.RECORD_AWARENESS);
    // awareness at the moment of detection needs no reason
    support.recordAwareness(reference, GOOD_FRIDAY_1600, null);
    assertThat(support.breach(reference).deadlineAt()).isEqualTo(instant("2026-04-06T16:00+02:00"));
  }

  @Test
  void shouldRefuseAStartWithAForgedReference() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY)
        .count();
    Map<String, Object> forged = new HashMap<>(Map.of("reference", "DL-2026-999999"));
    assertThatThrownBy(() -> support.as("facility", () -> engine.getRuntimeService()
        .startProcessInstanceByKey(BreachProcess.KEY, forged))).isInstanceOf(ProcessEngineException.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(BreachProcess.KEY)
        .count()).isEqualTo(before);
  }
}
