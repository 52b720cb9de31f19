package nl.ymere.privacy.security.attacks;

import static nl.ymere.privacy.request.RequestTestSupport.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.ymere.privacy.identity.IdentityVerificationProcess;
import nl.ymere.privacy.mail.OneTimeLink;
import nl.ymere.privacy.mail.OutboxDispatcher;
import nl.ymere.privacy.mail.RecipientCopiesForTests;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.DatabaseFingerprint;
import nl.ymere.privacy.support.IntegrationTest;
import nl.ymere.privacy.support.UploadSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 14 finding 6, the one-time upload link for a masked ID copy (ID-2, SEC-4):
 * <ol>
 *   <li>The link was stored in plain text in the outbox body, readable by every desk user through
 *       {@code GET /api/requests/{ref}/documents/{id}} and by admins on the outbox page. Staff now read a marker; the
 *       recipient's copy with the link is encrypted and cleared once the mail is SENT.</li>
 *   <li>An oversized upload answered 403 (the CSRF check found no token in a body the container refused to parse):
 *       now 413 problem+json in Dutch, nothing stored.</li>
 *   <li>A PNG signature followed by HTML passed the type check: now refused (400), nothing stored.</li>
 * </ol>
 */
@IntegrationTest
class UploadLinkAttackTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
  static final Pattern LINK = Pattern.compile("/upload/([A-Za-z0-9_-]{20,})");

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired TestRestTemplate rest;
  @Autowired RequestTestSupport support;
  @Autowired RecipientCopiesForTests recipientCopies;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired com.icegreen.greenmail.util.GreenMail smtp;

  String reference;
  String token;

  @BeforeEach
  void askForAMaskedCopy() {
    support.setNow(TODAY, 10, 0);
    long n = System.nanoTime() % 1_000_000;
    reference = support.register(command(support.genericPathRight(), TODAY, "Kees Kopie" + n,
        "kees" + n + "@voorbeeld.nl")).reference();
    support.complete("desk", reference, IdentityVerificationProcess.Elements.CHOOSE_METHOD, Map.of("identityMethod",
        "MASKED_COPY", "doubtReason", "Twee huurders met dezelfde naam op dit adres."));
    Matcher link = LINK.matcher(recipientCopies.latest(reference, "identity-copy-question"));
    assertThat(link.find()).as("the recipient's copy has the upload link").isTrue();
    token = link.group(1);
  }

  @AfterEach
  void resetClock() {
    support.resetClock();
  }

  @Test
  void staffReadAMarkerAndTheLinkLeavesTheDatabaseOnceSent() throws Exception {
    // the desk's view of the letter through the request's documents
    JsonNode request = json.readTree(rest.withBasicAuth("desk", "desk").getForObject("/api/requests/" + reference,
        String.class));
    String href = null;
    for (JsonNode document : request.get("documents")) {
      if (document.get("type").asText().equals("ID_COPY_QUESTION")) {
        href = document.get("href").asText();
      }
    }
    assertThat(href).isNotNull();
    String deskCopy = rest.withBasicAuth("desk", "desk").getForObject(href, String.class);
    assertThat(deskCopy).contains(OneTimeLink.MARKER).doesNotContain(token).doesNotContain("/upload/");

    // the admins' outbox page and its body view
    long id = jdbc.queryForObject("SELECT id FROM privacy.outbox_message WHERE reference = ? AND template = "
        + "'identity-copy-question'", Long.class, reference);
    assertThat(rest.withBasicAuth("demo", "demo").getForObject("/admin/outbox/" + id, String.class))
        .doesNotContain(token);
    assertThat(rest.withBasicAuth("demo", "demo").getForObject("/admin/outbox/" + id + "/body", String.class))
        .contains(OneTimeLink.MARKER).doesNotContain(token);

    // in the database: no token in plain text anywhere in the row; the recipient's copy is sealed
    Map<String, Object> row = jdbc.queryForMap("SELECT body_html, recipient_copy FROM privacy.outbox_message "
        + "WHERE id = ?", id);
    assertThat((String) row.get("body_html")).doesNotContain(token);
    assertThat(new String((byte[]) row.get("recipient_copy"), StandardCharsets.ISO_8859_1)).doesNotContain(token);

    // the person gets the link; once SENT the recipient's copy is gone
    for (int run = 0; run < 50 && dispatcher.dispatchDue() > 0; run++) {
      // other tests' rows share the outbox; drain it batch by batch
    }
    assertThat(Arrays.stream(smtp.getReceivedMessages())
        .map(com.icegreen.greenmail.util.GreenMailUtil::getWholeMessage)
        .map(mail -> mail.replace("=\r\n", "").replace("=\n", "")) // quoted-printable soft line breaks
        .filter(mail -> mail.contains(reference))).anySatisfy(mail -> assertThat(mail).contains("/upload/" + token));
    assertThat(jdbc.queryForMap("SELECT status, recipient_copy, recipient_copy_nonce FROM privacy.outbox_message "
        + "WHERE id = ?", id)).containsEntry("STATUS", "SENT").containsEntry("RECIPIENT_COPY", null)
        .containsEntry("RECIPIENT_COPY_NONCE", null);
  }

  @Test
  void anOversizedUploadAnswers413InDutchAndStoresNothing() {
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    byte[] tooLarge = new byte[5 * 1024 * 1024 + 512 * 1024]; // over max-file-size (5 MB), under the request's 6 MB

    ResponseEntity<String> answer = upload(tooLarge, "kopie.png");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(413);
    assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(answer.getBody()).contains("te groot", "5 MB");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
  }

  @Test
  void aPngHeaderFollowedByHtmlIsRefusedAndStoresNothing() {
    DatabaseFingerprint before = DatabaseFingerprint.of(dataSource);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] disguised = Arrays.copyOf(png, png.length + html.length);
    System.arraycopy(html, 0, disguised, png.length, html.length);

    ResponseEntity<String> answer = upload(disguised, "kopie.png");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("Alleen PNG, JPEG of PDF");
    assertThat(DatabaseFingerprint.of(dataSource).changesSince(before)).isEmpty();
    // the link still works for a real file
    assertThat(upload(UploadSamples.png(), "kopie.png").getStatusCode().value()).isEqualTo(200);
  }

  /** The public upload form as a browser posts it: the page's CSRF token and session, then the multipart body. */
  private ResponseEntity<String> upload(byte[] bytes, String fileName) {
    ResponseEntity<String> page = rest.getForEntity("/upload/" + token, String.class);
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
    assertThat(csrf.find()).as("CSRF token on the upload page").isTrue();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)
        .forEach(cookie -> headers.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]));
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf.group(1));
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return rest.postForEntity("/upload/" + token, new HttpEntity<>(form, headers), String.class);
  }
}
