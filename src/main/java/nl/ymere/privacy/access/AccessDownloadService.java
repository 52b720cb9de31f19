package nl.ymere.privacy.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secure electronic delivery of the access dossier (ACC-2, ID-5): an expiring link by e-mail and a one-time code by
 * post (the second channel; the demo queues it as a printable LETTER in the outbox, it has no SMS gateway). Only hashes
 * of link and code are stored. The download page asks for the code; wrong codes are limited, every attempt is logged,
 * and the link stops working after its validity, after the allowed number of downloads, or when blocked. The first
 * download, or a block, is reported to the waiting process by message.
 */
@Service
class AccessDownloadService {

  static final String MESSAGE_DOWNLOADED = "AccessDossierDownloaded";
  static final String MESSAGE_BLOCKED = "AccessDownloadBlocked";
  static final String DOWNLOAD_PATH = "/inzage/";
  private static final int TOKEN_BYTES = 32;

  /** What the download page shows for a link, without changing anything. */
  record LinkView(DownloadResult state, int attemptsLeft) {
  }

  /** The result of one attempt; {@code pdf} only when DOWNLOADED. */
  record Attempt(DownloadResult result, int attemptsLeft, byte[] pdf) {
  }

  private final AccessDeliveryRepository repository;
  private final AccessRepository dossiers;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final RuntimeService runtimeService;
  private final SystemActions system;
  private final DeadlineCalculator calendar;
  private final AccessProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private final IdentityGate identity;

  AccessDownloadService(AccessDeliveryRepository repository, AccessRepository dossiers, RequestRecords requests,
      RequestLetters letters, RuntimeService runtimeService, SystemActions system, DeadlineCalculator calendar,
      AccessProperties properties, Clock clock, IdentityGate identity) {
    this.identity = identity;
    this.repository = repository;
    this.dossiers = dossiers;
    this.requests = requests;
    this.letters = letters;
    this.runtimeService = runtimeService;
    this.system = system;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  /** Creates the link (earlier links of the request are revoked) and sends link and code over separate channels. */
  @Transactional
  public void sendLink(String reference) {
    identity.requireEstablished(reference); // ID-1, ID-5: no dossier goes out before identity is established
    RequestRecord request = requests.getByReference(reference);
    AccessDeliveryRepository.Delivery delivery = repository.delivery(reference)
        .filter(d -> DeliveryMethod.ELECTRONIC.name().equals(d.method()) && d.codePostalAddress() != null)
        .orElseThrow(() -> new IllegalStateException("no electronic delivery chosen for " + reference));
    byte[] raw = new byte[TOKEN_BYTES];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String code = String.format("%06d", random.nextInt(1_000_000));
    String tokenHash = sha256(token);
    Instant now = clock.instant();
    Instant expiresAt = now.atZone(calendar.zone()).plus(properties.linkValidity()).toInstant();
    repository.revokeLinks(reference);
    repository.insertLink(reference, tokenHash, codeHash(tokenHash, code), expiresAt, properties.maxDownloads(),
        properties.maxCodeAttempts(), now);
    Map<String, Object> link = new HashMap<>();
    link.put("downloadUrl", properties.publicBaseUrl() + DOWNLOAD_PATH + token);
    link.put("expiresOn", expiresAt.atZone(calendar.zone()).toLocalDate());
    link.put("maxDownloads", properties.maxDownloads());
    letters.send(request, LetterType.ACCESS_DOWNLOAD_LINK, link);
    letters.sendByPost(request, LetterType.ACCESS_DOWNLOAD_CODE, delivery.codePostalAddress(), Map.of("code", code));
    requests.addEvent(request.id(), now, "ACCESS_DOWNLOAD_LINK_SENT", AccessSubjects.SYSTEM_READER.userId());
  }

  /** When the newest link of the request expires: the due date of the process's expiry timer. */
  public Date linkExpiresAt(String reference) {
    return Date.from(repository.latestLink(reference).orElseThrow(
        () -> new IllegalStateException("no download link for " + reference)).expiresAt());
  }

  /** The state of a link for the download page; changes and logs nothing. */
  @Transactional(readOnly = true)
  public LinkView view(String token) {
    if (!wellFormedToken(token)) {
      return new LinkView(DownloadResult.INVALID, 0);
    }
    return repository.link(sha256(token)).map(link -> new LinkView(state(link), attemptsLeft(link)))
        .orElse(new LinkView(DownloadResult.INVALID, 0));
  }

  /**
   * One attempt with a code. A code that is not six digits is bad input: refused as MALFORMED_CODE, nothing changed or
   * counted. Otherwise the attempt is counted and logged.
   */
  @Transactional
  public Attempt download(String token, String code) {
    if (!wellFormedToken(token)) {
      return new Attempt(DownloadResult.INVALID, 0, null);
    }
    AccessDeliveryRepository.Link link = repository.lockLink(sha256(token)).orElse(null);
    if (link == null) {
      return new Attempt(DownloadResult.INVALID, 0, null);
    }
    DownloadResult state = state(link);
    Instant now = clock.instant();
    if (state != DownloadResult.USABLE) {
      repository.log(link.id(), state, now);
      return new Attempt(state, 0, null);
    }
    String given = code == null ? "" : code.replaceAll("\\s", "");
    if (!given.matches("\\d{6}")) {
      return new Attempt(DownloadResult.MALFORMED_CODE, attemptsLeft(link), null);
    }
    long requestId = requests.getByReference(link.reference()).id();
    if (!MessageDigest.isEqual(link.codeHash().getBytes(StandardCharsets.US_ASCII),
        codeHash(sha256(token), given).getBytes(StandardCharsets.US_ASCII))) {
      int failed = link.failedAttempts() + 1;
      boolean blocked = failed >= link.maxAttempts();
      repository.updateLink(link.id(), blocked ? LinkStatus.BLOCKED.name() : link.status(), link.downloads(), failed);
      repository.log(link.id(), blocked ? DownloadResult.BLOCKED : DownloadResult.WRONG_CODE, now);
      if (blocked) {
        requests.addEvent(requestId, now, "ACCESS_DOWNLOAD_LINK_BLOCKED", null);
        correlate(MESSAGE_BLOCKED, link.reference());
      }
      return new Attempt(blocked ? DownloadResult.BLOCKED : DownloadResult.WRONG_CODE,
          Math.max(0, link.maxAttempts() - failed), null);
    }
    byte[] pdf = dossiers.dossier(link.reference()).orElseThrow(
        () -> new IllegalStateException("no dossier for " + link.reference()));
    repository.updateLink(link.id(), link.status(), link.downloads() + 1, link.failedAttempts());
    repository.log(link.id(), DownloadResult.DOWNLOADED, now);
    requests.addEvent(requestId, now, "ACCESS_DOSSIER_DOWNLOADED", null);
    correlate(MESSAGE_DOWNLOADED, link.reference());
    return new Attempt(DownloadResult.DOWNLOADED, attemptsLeft(link), pdf);
  }

  /** Reports to the waiting process, if any (later downloads of the same link find none waiting). */
  private void correlate(String message, String reference) {
    system.run(() -> runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(reference)
        .correlateAllWithResult());
  }

  private DownloadResult state(AccessDeliveryRepository.Link link) {
    if (!LinkStatus.ACTIVE.name().equals(link.status())) {
      return LinkStatus.BLOCKED.name().equals(link.status()) ? DownloadResult.BLOCKED : DownloadResult.INVALID;
    }
    if (!clock.instant().isBefore(link.expiresAt())) {
      return DownloadResult.EXPIRED;
    }
    if (link.downloads() >= link.maxDownloads()) {
      return DownloadResult.USED_UP;
    }
    return DownloadResult.USABLE;
  }

  private static int attemptsLeft(AccessDeliveryRepository.Link link) {
    return Math.max(0, link.maxAttempts() - link.failedAttempts());
  }

  private static boolean wellFormedToken(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }

  private static String codeHash(String tokenHash, String code) {
    return sha256(tokenHash + ":" + code);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
