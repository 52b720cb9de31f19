package nl.ymere.privacy.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.ymere.privacy.mail.OneTimeLink;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity step of {@code /toestemming} (CON-2 "as easily as given", with the same protection as a rights
 * request: ID-2, a code sent to contact details on file): a 6-digit code is mailed through the outbox to the e-mail
 * address as the consent register holds it (staff see only a marker, {@link OneTimeLink}); the visitor gets a token
 * for the next steps. Valid 30 minutes, at most 5 tries, used once. An unknown address gets a token and no mail, so the
 * page never tells whether an address is known.
 */
@Service
public class ConsentPageCodes {

  static final Duration VALIDITY = Duration.ofMinutes(30);
  static final int MAX_ATTEMPTS = 5;

  /** What a code check found. */
  public enum Check { VERIFIED, WRONG, EXPIRED_OR_USED }

  private final JdbcTemplate jdbc;
  private final ConsentService consents;
  private final OutboxService outbox;
  private final PersonalDataSources sources;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ConsentPageCodes(JdbcTemplate jdbc, ConsentService consents, OutboxService outbox, PersonalDataSources sources,
      Clock clock) {
    this.jdbc = jdbc;
    this.consents = consents;
    this.outbox = outbox;
    this.sources = sources;
    this.clock = clock;
  }

  /**
   * A purpose the page offers: consent-based, published and cleared (ROP-4). {@code text} is empty when the purpose
   * has no current text: then no consent can be given for it.
   */
  public record Offer(Purpose purpose, Optional<ConsentText> text) {
  }

  /** Starts the code step for the address; returns the token of the next step. */
  @Transactional
  public String start(String email, boolean english) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    String token = HexFormat.of().formatHex(bytes(24));
    boolean known = onFile(address);
    String code = known ? "%06d".formatted(random.nextInt(1_000_000)) : null;
    Instant now = clock.instant();
    jdbc.update("INSERT INTO privacy.consent_code (token, email, code_hash, created_at, expires_at) VALUES (?,?,?,?,?)",
        token, address, code == null ? null : hash(token, code), Timestamp.from(now),
        Timestamp.from(now.plus(VALIDITY)));
    if (known) {
      Long id = jdbc.queryForObject("SELECT id FROM privacy.consent_code WHERE token = ?", Long.class, token);
      outbox.queue("TST-CODE-" + id, RecipientRole.DATA_SUBJECT, address, "consent-page-code",
          Map.of("code", new OneTimeLink(code), "validMinutes", VALIDITY.toMinutes(), "english", english));
    }
    return token;
  }

  /** Checks the code; each wrong try counts, the sixth is refused whatever the code. */
  @Transactional(noRollbackFor = RuntimeException.class)
  public Check verify(String token, String code) {
    Optional<Row> row = row(token);
    if (row.isEmpty() || expiredOrUsed(row.get())) {
      return Check.EXPIRED_OR_USED;
    }
    int attempts = row.get().attempts();
    if (attempts >= MAX_ATTEMPTS) {
      return Check.EXPIRED_OR_USED;
    }
    String hash = row.get().codeHash();
    boolean right = hash != null && code != null && code.strip().matches("\\d{6}")
        && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
            hash(token, code.strip()).getBytes(StandardCharsets.US_ASCII));
    if (!right) {
      jdbc.update("UPDATE privacy.consent_code SET attempts = attempts + 1 WHERE token = ?", token);
      return attempts + 1 >= MAX_ATTEMPTS ? Check.EXPIRED_OR_USED : Check.WRONG;
    }
    jdbc.update("UPDATE privacy.consent_code SET verified_at = ? WHERE token = ?", Timestamp.from(clock.instant()),
        token);
    return Check.VERIFIED;
  }

  /** True once the code was right, until the token expires or is used. */
  @Transactional(readOnly = true)
  public boolean verified(String token) {
    return verifiedEmail(token).isPresent();
  }

  /** The consents in force of the token's address, once the code was right (empty otherwise). */
  @Transactional(readOnly = true)
  public List<ConsentRecord> consentsOf(String token) {
    return verifiedEmail(token).map(this::inForce).orElse(List.of());
  }

  /**
   * Withdraws the chosen consents of the verified address through {@link ConsentService#withdraw} (channel WEB_FORM,
   * by the person) and uses the token up. Only consents in force of that address are taken; anything else is refused.
   *
   * @return the withdrawn consents; empty when the token is not verified, expired or used, or a reference is not one
   *     of the address's consents in force (then nothing is withdrawn)
   */
  @Transactional
  public List<ConsentRecord> withdraw(String token, List<String> references) {
    Optional<String> email = verifiedEmail(token);
    if (email.isEmpty() || references.isEmpty()) {
      return List.of();
    }
    List<String> own = inForce(email.get()).stream().map(ConsentRecord::reference).toList();
    if (!own.containsAll(references)) {
      return List.of();
    }
    jdbc.update("UPDATE privacy.consent_code SET used_at = ? WHERE token = ?", Timestamp.from(clock.instant()), token);
    return references.stream().distinct().map(reference -> consents.withdraw(reference,
        new WithdrawConsent(ConsentChannel.WEB_FORM, GivenBy.SELF, null, null), PublicConsentPage.WITHDRAWN_BY))
        .toList();
  }

  /**
   * The purposes the verified address may consent to on the page: consent-based, published, cleared by a
   * compatibility test where one is needed (ROP-4), and not in force for this address already. Empty when the token is
   * not verified.
   */
  @Transactional(readOnly = true)
  public List<Offer> offers(String token) {
    Optional<String> email = verifiedEmail(token);
    if (email.isEmpty()) {
      return List.of();
    }
    List<String> given = inForce(email.get()).stream().map(ConsentRecord::purposeCode).toList();
    return consents.purposes().stream()
        .filter(p -> p.legalBasis() == LegalBasis.CONSENT && p.published() && !p.awaitsCompatibilityTest()
            && p.compatibilityTestRef() != null && !given.contains(p.code()))
        .map(p -> new Offer(p, consents.currentText(p.code()))).toList();
  }

  /**
   * Gives consent for the chosen purposes of the verified address through {@link ConsentService#give} (channel
   * WEB_FORM, by the person, against the text version the page showed) and uses the token up. Each choice is
   * {@code PURPOSE:version}; nothing is given when one is not on offer, has no current text or its text changed since.
   *
   * @return the consents given; empty when nothing was given
   */
  @Transactional
  public List<ConsentRecord> give(String token, List<String> choices) {
    Optional<String> email = verifiedEmail(token);
    if (email.isEmpty() || choices.isEmpty()) {
      return List.of();
    }
    List<Offer> offers = offers(token);
    List<GiveConsent> gifts = new java.util.ArrayList<>();
    for (String choice : choices.stream().distinct().toList()) {
      int colon = choice.lastIndexOf(':');
      if (colon < 1 || !choice.substring(colon + 1).matches("\\d{1,6}")) {
        return List.of();
      }
      String purpose = choice.substring(0, colon);
      int version = Integer.parseInt(choice.substring(colon + 1));
      Optional<Offer> offer = offers.stream().filter(o -> o.purpose().code().equals(purpose)).findFirst();
      if (offer.isEmpty() || offer.get().text().isEmpty() || offer.get().text().get().version() != version) {
        return List.of();
      }
      gifts.add(new GiveConsent(purpose, SubjectKey.ofEmail(email.get()), ConsentChannel.WEB_FORM, GivenBy.SELF,
          null, version));
    }
    jdbc.update("UPDATE privacy.consent_code SET used_at = ? WHERE token = ?", Timestamp.from(clock.instant()), token);
    return gifts.stream().map(gift -> consents.give(gift, PublicConsentPage.REGISTERED_BY)).toList();
  }

  /** ID-2: the address is on file: in the consent register (any consent, also withdrawn) or in a source. */
  private boolean onFile(String email) {
    SubjectKey subject = SubjectKey.ofEmail(email);
    return consents.ofSubject(subject).stream().anyMatch(c -> email.equals(c.subjectEmail()))
        || !sources.findUsable(subject).isEmpty();
  }

  private List<ConsentRecord> inForce(String email) {
    return consents.ofSubject(SubjectKey.ofEmail(email)).stream()
        .filter(c -> !c.withdrawn() && email.equals(c.subjectEmail())).toList();
  }

  private record Row(String email, String codeHash, int attempts, Instant verifiedAt, Instant usedAt,
      Instant expiresAt) {
  }

  private Optional<String> verifiedEmail(String token) {
    return row(token).filter(row -> row.verifiedAt() != null && !expiredOrUsed(row)).map(Row::email);
  }

  private Optional<Row> row(String token) {
    if (token == null || !token.matches("[0-9a-f]{48}")) {
      return Optional.empty();
    }
    return jdbc.query("SELECT email, code_hash, attempts, verified_at, used_at, expires_at FROM "
        + "privacy.consent_code WHERE token = ?", (rs, n) -> new Row(rs.getString("email"), rs.getString("code_hash"),
        rs.getInt("attempts"), instant(rs.getTimestamp("verified_at")), instant(rs.getTimestamp("used_at")),
        instant(rs.getTimestamp("expires_at"))), token).stream().findFirst();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private boolean expiredOrUsed(Row row) {
    return row.usedAt() != null || !clock.instant().isBefore(row.expiresAt());
  }

  private byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String hash(String token, String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((token + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
