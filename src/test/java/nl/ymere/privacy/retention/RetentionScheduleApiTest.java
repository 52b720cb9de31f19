package nl.ymere.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/retention-schedule} and the RET-1 guard (issue 17 item 1): the demo schedule covers every source
 * category, a new version takes two people, bad input changes nothing.
 */
@IntegrationTest
class RetentionScheduleApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired RetentionSchedule schedule;

  /** RET-1 guard: no schedule entry, no storage. Fails as soon as a source stores a category without an entry. */
  @Test
  void everyCategoryOfEverySourceHasAnApprovedEntryToday() {
    List<RetentionSchedule.Category> categories = schedule.categories();
    assertThat(categories).contains(new RetentionSchedule.Category("tenancy", "contract"),
        new RetentionSchedule.Category("tenancy", "payment"), new RetentionSchedule.Category("camera", "camera"));
    assertThat(schedule.withoutEntry(categories, LocalDate.now(clock)))
        .as("RET-1: source categories without a retention schedule entry").isEmpty();
  }

  @Test
  void theGuardNamesACategoryWithoutEntry() {
    RetentionSchedule.Category unscheduled = new RetentionSchedule.Category("tenancy", "not-scheduled");
    assertThat(schedule.withoutEntry(List.of(unscheduled, new RetentionSchedule.Category("repairs", "repairs")),
        LocalDate.now(clock))).containsExactly(unscheduled);
  }

  @Test
  void aNewVersionIsProposedByOneOfficerAndApprovedByAnother() throws Exception {
    LocalDate from = LocalDate.now(clock).plusDays(30);
    ResponseEntity<String> proposed = call("officer", HttpMethod.POST, "/api/retention-schedule", """
        {"system":"worknotes","category":"worknotes","purpose":"Interne aantekeningen","periodAmount":18,
         "periodUnit":"MONTHS","trigger":"RECORDING","endAction":"DESTROY","ownerGroup":"privacy-desk",
         "validFrom":"%s"}""".formatted(from));
    assertThat(proposed.getStatusCode().value()).as(proposed.getBody()).isEqualTo(201);
    JsonNode entry = json.readTree(proposed.getBody());
    long id = entry.get("id").asLong();
    assertThat(entry.get("status").asText()).isEqualTo("PROPOSED");
    assertThat(entry.get("version").asInt()).isEqualTo(2);

    // a second proposal while one is open would make two versions overlap
    assertThat(status(call("demo", HttpMethod.POST, "/api/retention-schedule", """
        {"system":"worknotes","category":"worknotes","purpose":"x","periodAmount":1,"periodUnit":"YEARS",
         "trigger":"RECORDING","endAction":"DESTROY","ownerGroup":"privacy-desk","validFrom":"%s"}"""
        .formatted(from.plusDays(10))))).isEqualTo(409);

    ResponseEntity<String> self = call("officer", HttpMethod.POST, "/api/retention-schedule/" + id + "/approve", null);
    assertThat(self.getStatusCode().value()).isEqualTo(403);
    assertThat(self.getBody()).contains("Vier ogen");
    assertThat(jdbc.queryForObject("SELECT status FROM privacy.retention_schedule WHERE id = ?", String.class, id))
        .isEqualTo("PROPOSED");

    ResponseEntity<String> approved = call("demo", HttpMethod.POST, "/api/retention-schedule/" + id + "/approve",
        null);
    assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
    assertThat(json.readTree(approved.getBody()).get("approvedBy").asText()).isEqualTo("demo");
    assertThat(status(call("demo", HttpMethod.POST, "/api/retention-schedule/" + id + "/approve", null)))
        .isEqualTo(409);

    // version 1 applies until the day before; version 2 from its start
    assertThat(schedule.current("worknotes", "worknotes", from.minusDays(1)).orElseThrow().version()).isEqualTo(1);
    assertThat(schedule.current("worknotes", "worknotes", from).orElseThrow().version()).isEqualTo(2);
    assertThat(schedule.current("worknotes", "worknotes", from).orElseThrow().periodInWords())
        .isEqualTo("18 maanden na datum van opname of vastlegging");

    // a version starting on or before the current one overlaps it
    assertThat(status(call("officer", HttpMethod.POST, "/api/retention-schedule", """
        {"system":"worknotes","category":"worknotes","purpose":"x","periodAmount":1,"periodUnit":"YEARS",
         "trigger":"RECORDING","endAction":"DESTROY","ownerGroup":"privacy-desk","validFrom":"%s"}"""
        .formatted(from)))).isEqualTo(409);
    assertThat(call("fg", HttpMethod.GET, "/api/retention-schedule", null).getBody()).contains("worknotes");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // unknown category
      "{\"system\":\"tenancy\",\"category\":\"gossip\",\"purpose\":\"x\",\"periodAmount\":1,\"periodUnit\":\"YEARS\","
          + "\"trigger\":\"CLOSURE\",\"endAction\":\"DESTROY\",\"ownerGroup\":\"privacy-desk\"}",
      // negative period
      "{\"system\":\"repairs\",\"category\":\"repairs\",\"purpose\":\"x\",\"periodAmount\":-1,\"periodUnit\":\"YEARS\","
          + "\"trigger\":\"COMPLETION\",\"endAction\":\"DESTROY\",\"ownerGroup\":\"privacy-desk\"}",
      // unknown unit, trigger, action, group
      "{\"system\":\"repairs\",\"category\":\"repairs\",\"purpose\":\"x\",\"periodAmount\":1,\"periodUnit\":\"AGES\","
          + "\"trigger\":\"COMPLETION\",\"endAction\":\"DESTROY\",\"ownerGroup\":\"privacy-desk\"}",
      "{\"system\":\"repairs\",\"category\":\"repairs\",\"purpose\":\"x\",\"periodAmount\":1,\"periodUnit\":\"YEARS\","
          + "\"trigger\":\"FULL_MOON\",\"endAction\":\"DESTROY\",\"ownerGroup\":\"privacy-desk\"}",
      "{\"system\":\"repairs\",\"category\":\"repairs\",\"purpose\":\"x\",\"periodAmount\":1,\"periodUnit\":\"YEARS\","
          + "\"trigger\":\"COMPLETION\",\"endAction\":\"ARCHIVE\",\"ownerGroup\":\"privacy-desk\"}",
      "{\"system\":\"repairs\",\"category\":\"repairs\",\"purpose\":\"x\",\"periodAmount\":1,\"periodUnit\":\"YEARS\","
          + "\"trigger\":\"COMPLETION\",\"endAction\":\"DESTROY\",\"ownerGroup\":\"nobody\"}",
      // no purpose, start in the past
      "{\"system\":\"repairs\",\"category\":\"repairs\",\"periodAmount\":1,\"periodUnit\":\"YEARS\","
          + "\"trigger\":\"COMPLETION\",\"endAction\":\"DESTROY\",\"ownerGroup\":\"privacy-desk\"}",
      "{\"system\":\"repairs\",\"category\":\"repairs\",\"purpose\":\"x\",\"periodAmount\":1,\"periodUnit\":\"YEARS\","
          + "\"trigger\":\"COMPLETION\",\"endAction\":\"DESTROY\",\"ownerGroup\":\"privacy-desk\","
          + "\"validFrom\":\"2001-01-01\"}"})
  void badInputIsRefusedWith400AndStoresNothing(String body) {
    int before = rows();
    ResponseEntity<String> answer = call("officer", HttpMethod.POST, "/api/retention-schedule", body);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void anOverlappingVersionIs409AndAnUnknownVersion404AndNothingIsStored() throws Exception {
    LocalDate later = LocalDate.now(clock).plusDays(100);
    long id = json.readTree(call("officer", HttpMethod.POST, "/api/retention-schedule", proposal(later)).getBody())
        .get("id").asLong();
    assertThat(status(call("demo", HttpMethod.POST, "/api/retention-schedule/" + id + "/approve", null)))
        .isEqualTo(200);
    int before = rows();
    ResponseEntity<String> overlap = call("officer", HttpMethod.POST, "/api/retention-schedule",
        proposal(later.minusDays(50)));
    assertThat(overlap.getStatusCode().value()).as(overlap.getBody()).isEqualTo(409);
    assertThat(overlap.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(overlap.getBody()).contains("overlapt");
    ResponseEntity<String> unknown = call("demo", HttpMethod.POST, "/api/retention-schedule/987654321/approve", null);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(rows()).isEqualTo(before);
  }

  private static String proposal(LocalDate from) {
    return """
        {"system":"paymentrisk","category":"paymentrisk","purpose":"Voorkomen van huurachterstand","periodAmount":1,
         "periodUnit":"YEARS","trigger":"RECORDING","endAction":"DESTROY","ownerGroup":"privacy-desk",
         "validFrom":"%s"}""".formatted(from);
  }

  @Test
  void thePageShowsTheCurrentSchedule() {
    ResponseEntity<String> page = rest.withBasicAuth("officer", "officer").getForEntity("/werkbank/bewaartermijnen",
        String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Bewaartermijnen", "id=\"current-tenancy-contract\"",
        "7 jaar na einde van de huurovereenkomst", "Fiscale bewaarplicht, art 52 AWR").doesNotContain("id=\"missing\"");
  }

  private int rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy.retention_schedule", Integer.class);
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static int status(ResponseEntity<String> answer) {
    return answer.getStatusCode().value();
  }
}
