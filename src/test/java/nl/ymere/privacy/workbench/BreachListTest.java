package nl.ymere.privacy.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import javax.sql.DataSource;
import nl.ymere.privacy.breach.BreachTestSupport;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.PersonalDataScan;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The workbench's data breaches (issue 16 item 3): with the engine clock moved, the time left to the AP notification
 * (72 clock hours after the moment of awareness, BRE-1) is red once the second alert has gone out (fewer than 24 hours
 * left), overdue when passed without a notice (BRE-3); a notified breach shows the notice instead of a countdown. Only
 * the privacy officers and the FG, who read the breach register at {@code /api/breaches}, see the list.
 */
@IntegrationTest
class BreachListTest {

  /** A Monday, 12:00 in Amsterdam (summer time). */
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-04-13T12:00:00+02:00");
  final String marker = "Lekkenlijst" + Long.toString(System.nanoTime() % 100_000_000L, 36);

  @Autowired TestRestTemplate rest;
  @Autowired BreachTestSupport breaches;
  @Autowired RequestTestSupport requests;
  @Autowired DataSource dataSource;

  String red;
  String overdue;

  @BeforeEach
  void reportTwoBreaches() {
    red = aware(NOW.minusHours(62));     // deadline 13-04 22:00: 10 hours left
    overdue = aware(NOW.minusHours(80)); // deadline passed 8 hours ago, not notified
    BreachTestSupport.setNow(NOW);
  }

  private String aware(OffsetDateTime awarenessAt) {
    BreachTestSupport.setNow(awarenessAt.plusMinutes(30));
    String reference = breaches.report("facility", BreachTestSupport.report(marker, awarenessAt.minusHours(1)));
    breaches.recordAwareness(reference, awarenessAt, "Pas na controle bleek het om persoonsgegevens te gaan "
        + marker);
    return reference;
  }

  @AfterEach
  void noBreachFactsInTheEngine() {
    requests.resetClock();
    assertThat(PersonalDataScan.of(dataSource).text("Laptop van een wijkbeheerder gestolen uit de auto " + marker)
        .hits()).isEmpty();
  }

  private Document page(String user, String path) {
    ResponseEntity<String> answer = rest.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return Jsoup.parse(answer.getBody());
  }

  private int status(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode().value();
  }

  @Test
  void tenHoursBeforeTheDeadlineIsRedAndAPassedDeadlineIsOverdue() {
    Document list = page("officer", "/werkbank/datalekken?q=" + marker);

    Element soon = list.getElementById("row-" + red);
    assertThat(soon.selectFirst(".urgency").classNames()).contains("urgency-red");
    assertThat(soon.selectFirst(".urgency").text()).isEqualTo("nog 10 uur");
    assertThat(soon.text()).contains("13-04-2026 22:00", "nog niet besloten", "contactgegevens, huurgegevens",
        "Laptop van een wijkbeheerder");
    Element late = list.getElementById("row-" + overdue);
    assertThat(late.selectFirst(".urgency").classNames()).contains("urgency-overdue");
    assertThat(late.selectFirst(".urgency").text()).isEqualTo("8 uur te laat");
    // the most urgent deadline first
    assertThat(list.select("#breaches tbody tr[id]")).extracting(Element::id)
        .containsExactly("row-" + overdue, "row-" + red);

    // 40 hours before the deadline (32 hours after awareness, past the first alert at +24 h): amber
    BreachTestSupport.setNow(NOW.minusHours(30));
    assertThat(page("fg", "/werkbank/datalekken?q=" + red).getElementById("row-" + red).selectFirst(".urgency")
        .classNames()).contains("urgency-amber");

    BreachTestSupport.setNow(NOW);
    Document lateOnly = page("officer", "/werkbank/datalekken?q=" + marker + "&termijn=te-laat");
    assertThat(lateOnly.select("#breaches tbody tr[id]")).extracting(Element::id).containsExactly("row-" + overdue);
    Document byReference = page("officer", "/werkbank/datalekken?q=" + red);
    assertThat(byReference.select("#breaches tbody tr[id]")).extracting(Element::id).containsExactly("row-" + red);
  }

  @Test
  void aNotifiedBreachShowsTheNoticeInsteadOfACountdown() {
    String notified = breaches.decided(marker, NOW.minusHours(30), Map.of(), "RISK");
    breaches.notifyAp(notified, NOW.minusHours(2), true, null);
    BreachTestSupport.setNow(NOW);

    // a notified RISK breach is closed by its process: listed with "ook afgesloten"
    Element row = page("officer", "/werkbank/datalekken?q=" + notified + "&afgesloten=true")
        .getElementById("row-" + notified);
    assertThat(row.selectFirst(".urgency").classNames()).contains("urgency-none");
    assertThat(row.selectFirst(".urgency").text()).isEqualTo("gemeld op 13-04-2026 10:00");
    assertThat(row.text()).contains("risico");
  }

  @Test
  void theExportAndTheBreachPage() {
    ResponseEntity<String> csv = rest.withBasicAuth("fg", "fg")
        .getForEntity("/werkbank/datalekken/export.csv?q=" + red, String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).contains("kenmerk;ontdekt;gemeld;soort gegevens;samenvatting;risico;melding AP;")
        .contains(red + ";").contains(";nog niet besloten;13-04-2026 22:00;nog 10 uur;in beoordeling;");

    Document breach = page("officer", "/werkbank/datalekken/" + red);
    assertThat(breach.getElementById("breach-facts").text()).contains(red, "Laptop van een wijkbeheerder",
        "nog 10 uur", "huurgegevens");
    assertThat(breach.getElementById("timeline").text()).contains("Moment van bewustwording vastgelegd");
    assertThat(breach.getElementById("open-tasks").selectFirst("a").attr("href"))
        .startsWith("/camunda/app/tasklist/default/#/?task=");
    assertThat(page("officer", "/werkbank/datalekken/" + overdue).getElementById("breach-facts").text())
        .contains("De meldtermijn van 72 uur is verstreken");
  }

  @Test
  void groupsThatDoNotReadTheBreachRegisterGet403() {
    assertThat(status("desk", "/werkbank/datalekken")).isEqualTo(403);
    assertThat(status("facility", "/werkbank/datalekken/" + red)).isEqualTo(403);
    assertThat(status("manager", "/werkbank/datalekken/export.csv")).isEqualTo(403);
    assertThat(status("fg", "/werkbank/datalekken/" + red)).isEqualTo(200);
  }

  @Test
  void anUnknownStatusIsToldInDutch() {
    ResponseEntity<String> answer = rest.withBasicAuth("officer", "officer")
        .getForEntity("/werkbank/datalekken?status=LEKT", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(Jsoup.parse(answer.getBody()).getElementById("filter-problems").text())
        .contains("Onbekende status 'LEKT'");
  }
}
