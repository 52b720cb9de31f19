package nl.ymere.privacy.legalhold;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * RET-4 (issue 17 item 4): the owner of a legal hold is reminded at 08:00 before its review date, once per review
 * date, through the outbox; reviewing the hold sets a new date that is reminded again; a released hold is not. The
 * engine clock (which the product's Clock follows) is moved by hand; no sleeps.
 */
@IntegrationTest
class LegalHoldReminderTest {

  // ClockUtil is the engine's clock, moved by hand as in the other process tests (impl class: no public API for it)
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired LegalHolds holds;
  @Autowired LegalHoldReminders reminders;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired Environment environment;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void setNow(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(hour, 0), AMSTERDAM).toInstant()));
  }

  private long place(String owner, LocalDate reviewOn) {
    return holds.place(new LegalHolds.NewHold(LegalHoldKind.INVESTIGATION, "Intern onderzoek naar een melding",
        null, "HR-" + System.nanoTime() % 1_000_000_000L, null, null, null, owner, reviewOn), "officer");
  }

  private List<Map<String, Object>> outbox(long holdId) {
    return jdbc.queryForList("SELECT template, recipient, channel FROM privacy.outbox_message WHERE reference = ? "
        + "ORDER BY id", LegalHoldReminders.reference(holdId));
  }

  @Test
  void theOwnerIsRemindedOnceBeforeTheReviewDateAndAgainForANewDate() throws Exception {
    setNow(LocalDate.of(2031, 3, 1), 8);
    long id = place("officer", LocalDate.of(2031, 3, 20));
    reminders.remindDueReviews();
    assertThat(outbox(id)).as("three weeks ahead: too early").isEmpty();

    setNow(LocalDate.of(2031, 3, 5), 8);
    reminders.remindDueReviews();
    assertThat(outbox(id)).as("one day short of the 14-day lead time").isEmpty();

    setNow(LocalDate.of(2031, 3, 6), 8);
    reminders.remindDueReviews();
    assertThat(outbox(id)).singleElement().satisfies(message -> {
      assertThat(message.get("TEMPLATE")).isEqualTo(LegalHoldReminders.TEMPLATE);
      assertThat(message.get("RECIPIENT")).isEqualTo("officer@ymere.example");
      assertThat(message.get("CHANNEL")).isEqualTo("EMAIL");
    });
    setNow(LocalDate.of(2031, 3, 7), 8);
    reminders.remindDueReviews();
    assertThat(outbox(id)).as("once per review date").hasSize(1);

    // the owner reviews: still needed until at least September; that date is reminded in its turn
    ResponseEntity<String> reviewed = call("officer", "/api/legal-holds/" + id + "/review",
        "{\"reviewOn\":\"2031-09-20\"}");
    assertThat(reviewed.getStatusCode().value()).as(reviewed.getBody()).isEqualTo(200);
    assertThat(reviewed.getBody()).contains("\"reviewOn\":\"2031-09-20\"");
    setNow(LocalDate.of(2031, 9, 6), 8);
    reminders.remindDueReviews();
    assertThat(outbox(id)).hasSize(2);
  }

  @Test
  void aReleasedHoldIsNotRemindedAndAnOwnerWithoutAddressIsReplacedByTheOfficers() {
    setNow(LocalDate.of(2032, 5, 1), 8);
    long released = place("officer", LocalDate.of(2032, 5, 10));
    long ownerless = place("nobody-known", LocalDate.of(2032, 5, 10));
    assertThat(holds.release(released, "fg")).isTrue();
    reminders.remindDueReviews();
    assertThat(outbox(released)).isEmpty();
    assertThat(outbox(ownerless)).isNotEmpty().allSatisfy(message -> {
      assertThat(message.get("TEMPLATE")).isEqualTo(LegalHoldReminders.TEMPLATE);
      assertThat((String) message.get("RECIPIENT")).endsWith("@ymere.example");
    });
  }

  @Test
  void theReminderRunsAt0800AmsterdamTime() throws Exception {
    Method everyMorning = LegalHoldReminders.class.getDeclaredMethod("everyMorning");
    Scheduled scheduled = everyMorning.getAnnotation(Scheduled.class);
    assertThat(scheduled.cron()).isEqualTo("0 0 8 * * *");
    assertThat(environment.resolvePlaceholders(scheduled.zone())).isEqualTo("Europe/Amsterdam");
  }

  @Test
  void aReviewOfAnUnknownReleasedOrUndatedHoldIsRefusedAndChangesNothing() {
    setNow(LocalDate.of(2033, 1, 10), 9);
    assertThat(call("officer", "/api/legal-holds/987654321/review", "{\"reviewOn\":\"2033-06-01\"}")
        .getStatusCode().value()).isEqualTo(404);
    long id = place("officer", LocalDate.of(2033, 2, 1));
    ResponseEntity<String> past = call("officer", "/api/legal-holds/" + id + "/review",
        "{\"reviewOn\":\"2033-01-01\"}");
    assertThat(past.getStatusCode().value()).isEqualTo(400);
    assertThat(past.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(call("officer", "/api/legal-holds/" + id + "/review", "{}").getStatusCode().value()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT review_on FROM privacy.legal_hold WHERE id = ?", java.sql.Date.class, id)
        .toLocalDate()).isEqualTo(LocalDate.of(2033, 2, 1));
    assertThat(holds.release(id, "fg")).isTrue();
    assertThat(call("officer", "/api/legal-holds/" + id + "/review", "{\"reviewOn\":\"2033-06-01\"}")
        .getStatusCode().value()).isEqualTo(409);
  }

  private ResponseEntity<String> call(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }
}
