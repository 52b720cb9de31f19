package nl.ymere.privacy.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ymere.privacy.mail.OneTimeLink;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.IdentityStatus;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.ObjectionScope;
import nl.ymere.privacy.request.RequestDeadlineService;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestNotes;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestStatus;
import nl.ymere.privacy.security.RecordCipher;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Establishes identity proportionately (rules ID): records method and result only; sends and checks a challenge
 * code; asks for a masked copy through a one-time expiring upload link, stores it encrypted, shows it only to the
 * checker and deletes it the moment identity is decided (ID-4, SEC-4). Asking for a copy within the DL-7 limit
 * suspends the clock until the copy arrives (DL-8).
 */
@Service
public class IdentityCheckService {

  private static final Logger log = LoggerFactory.getLogger(IdentityCheckService.class);
  /** WID art 1: accepted document types (ID-3). */
  static final Set<String> ACCEPTED_DOCUMENTS = Set.of("PASSPORT", "ID_CARD", "DRIVING_LICENCE",
      "RESIDENCE_DOCUMENT");
  static final String PAUSE_REASON = "IDENTITY_QUESTION";

  /** ID-3: the ID document types accepted when an ID is seen, e.g. again at the hand-over of an access dossier. */
  public static Set<String> acceptedDocumentTypes() {
    return ACCEPTED_DOCUMENTS;
  }

  private final RequestRecords requests;
  private final RequestLetters letters;
  private final RequestDeadlineService deadlines;
  private final IdCopyRepository copies;
  private final RecordCipher cipher;
  private final IdentityProperties properties;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final SystemActions system;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  IdentityCheckService(RequestRecords requests, RequestLetters letters, RequestDeadlineService deadlines,
      IdCopyRepository copies, RecordCipher cipher, IdentityProperties properties, RuntimeService runtimeService,
      TaskService taskService, SystemActions system, Clock clock) {
    this.requests = requests;
    this.letters = letters;
    this.deadlines = deadlines;
    this.copies = copies;
    this.cipher = cipher;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.system = system;
    this.clock = clock;
  }

  /**
   * Opens the check; returns false when none is needed. ID-1 asks for identity "proportionate to risk": an objection
   * to direct marketing (OBJ-2, Art 21(3)) discloses nothing, deletes nothing and changes no contract; stopping
   * marketing to the address it came from cannot harm the person even if someone else sent it, so it needs no check
   * and no human task. Every other request (including an objection whose scope is not yet known) is checked.
   */
  @Transactional
  public boolean open(String reference) {
    RequestRecord request = requests.getByReference(reference);
    if (request.right() == RequestRight.OBJECTION
        && request.objectionScope() == ObjectionScope.DIRECT_MARKETING) {
      requests.updateIdentityStatus(request.id(), IdentityStatus.NOT_REQUIRED, RequestStatus.IN_PROGRESS);
      requests.addEvent(request.id(), clock.instant(), "IDENTITY_NOT_REQUIRED", null);
      return false;
    }
    requests.updateIdentityStatus(request.id(), IdentityStatus.PENDING, RequestStatus.AWAITING_IDENTITY);
    requests.addEvent(request.id(), clock.instant(), "IDENTITY_CHECK_OPENED", null);
    return true;
  }

  /** The desk's choice (ID-1..ID-3); validation failures refuse the task completion with a Dutch message. */
  @Transactional
  public void recordMethod(String reference, IdentityMethod method, String basis, String documentType,
      String doubtReason, String directResult, String user) {
    RequestRecord request = requests.getByReference(reference);
    if (method == null) {
      throw new RefusedStepException("Kies hoe de identiteit wordt vastgesteld.");
    }
    if (method == IdentityMethod.MASKED_COPY && (doubtReason == null || doubtReason.length() < 10)) {
      throw new RefusedStepException("Een ID-kopie mag alleen bij vastgelegde gegronde twijfel (ID-2): "
          + "beschrijf de twijfel.");
    }
    if (method == IdentityMethod.DOCUMENT_SEEN && !ACCEPTED_DOCUMENTS.contains(documentType)) {
      throw new RefusedStepException("Kies het getoonde document: paspoort, identiteitskaart, rijbewijs of "
          + "verblijfsdocument (ID-3).");
    }
    boolean direct = method != IdentityMethod.MASKED_COPY && method != IdentityMethod.CHALLENGE;
    if (direct && !"VERIFIED".equals(directResult) && !"FAILED".equals(directResult)) {
      throw new RefusedStepException("Geef de uitkomst: vastgesteld of niet vastgesteld.");
    }
    copies.insertCheck(request.id(), method.name(), basis, method == IdentityMethod.DOCUMENT_SEEN ? documentType
        : null, clock.instant());
    if (doubtReason != null) {
      requests.addNote(request.id(), RequestNotes.IDENTITY_DOUBT, doubtReason, user, clock.instant());
    }
    requests.addEvent(request.id(), clock.instant(), "IDENTITY_METHOD_" + method.name(), user);
    if (direct) {
      copies.recordResult(request.id(), directResult, null, user, clock.instant());
    }
  }

  /** ID-2: a six-digit code to contact details on file; only its hash is kept. */
  @Transactional
  public void sendChallengeCode(String reference) {
    RequestRecord request = requests.getByReference(reference);
    String code = String.format("%06d", random.nextInt(1_000_000));
    copies.setChallengeHash(request.id(), sha256(reference + ":" + code));
    letters.send(request, LetterType.CHALLENGE_CODE, Map.of("code", code));
    requests.addEvent(request.id(), clock.instant(), "CHALLENGE_CODE_SENT", null);
  }

  /** @return VERIFIED when the code matches, else FAILED */
  @Transactional
  public String checkChallengeCode(String reference, String code, String user) {
    RequestRecord request = requests.getByReference(reference);
    String expected = copies.challengeHash(request.id()).orElse(null);
    boolean ok = code != null && expected != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            sha256(reference + ":" + code.strip()).getBytes(StandardCharsets.US_ASCII));
    String result = ok ? "VERIFIED" : "FAILED";
    copies.recordResult(request.id(), result, null, user, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "CHALLENGE_CODE_" + result, user);
    return result;
  }

  /** The suspension question (LET-4) with a one-time upload link; suspends the clock within the DL-7 limit. */
  @Transactional
  public void requestMaskedCopy(String reference) {
    RequestRecord request = requests.getByReference(reference);
    String token = newUploadToken();
    LocalDate today = deadlines.today();
    LocalDate replyBy = today.plus(properties.noReplyPeriod());
    Instant validFor = clock.instant().plus(java.time.Duration.between(today.atStartOfDay(),
        today.plus(properties.uploadLinkValidity()).atStartOfDay()));
    // the letters say the link works up to and including the reply-by date (DL-9): never let it expire earlier
    Instant endOfReplyBy = deadlines.expiryOf(replyBy).toInstant().plusSeconds(1);
    Instant expires = validFor.isAfter(endOfReplyBy) ? validFor : endOfReplyBy;
    copies.insertUploadSlot(request.id(), sha256(token), expires, today);
    boolean suspended = deadlines.startPause(reference, today, PAUSE_REASON);
    letters.send(request, LetterType.ID_COPY_QUESTION, Map.of("uploadUrl", uploadUrl(token), "replyBy", replyBy,
        "suspended", suspended));
    requests.addEvent(request.id(), clock.instant(), "ID_COPY_REQUESTED", null);
  }

  /**
   * The reminder carries a working one-time link: only the token's hash is stored, so the open upload slot gets a
   * fresh token (the question's link stops working; the reminder's link replaces it).
   */
  @Transactional
  public void sendCopyReminder(String reference) {
    RequestRecord request = requests.getByReference(reference);
    String token = newUploadToken();
    if (!copies.replaceOpenUploadToken(request.id(), sha256(token))) {
      log.info("Request {}: no open upload slot, no reminder sent", reference);
      return;
    }
    letters.send(request, LetterType.ID_COPY_REMINDER, Map.of("uploadUrl", uploadUrl(token),
        "replyBy", questionDate(request).plus(properties.noReplyPeriod())));
    requests.addEvent(request.id(), clock.instant(), "ID_COPY_REMINDER_SENT", null);
  }

  private String newUploadToken() {
    byte[] tokenBytes = new byte[32];
    random.nextBytes(tokenBytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
  }

  public enum UploadResult { STORED, UNKNOWN_OR_USED_LINK, EXPIRED, TOO_LARGE, UNSUPPORTED_TYPE, EMPTY }

  /**
   * Takes an upload through a one-time link: checks size and type by its bytes, stores it encrypted, ends the pause
   * (the answer arrived today) and tells the waiting process.
   */
  @Transactional
  public UploadResult receiveUpload(String token, byte[] bytes) {
    if (token == null || token.isBlank()) {
      return UploadResult.UNKNOWN_OR_USED_LINK;
    }
    Optional<IdCopyRepository.CopyRow> slot = copies.findByTokenHash(sha256(token));
    if (slot.isEmpty() || slot.get().uploadedAt() != null || slot.get().deletedAt() != null) {
      return UploadResult.UNKNOWN_OR_USED_LINK;
    }
    Instant now = clock.instant();
    if (!slot.get().tokenExpiresAt().isAfter(now)) {
      return UploadResult.EXPIRED;
    }
    if (bytes == null || bytes.length == 0) {
      return UploadResult.EMPTY;
    }
    if (bytes.length > properties.maxUploadBytes()) {
      return UploadResult.TOO_LARGE;
    }
    Optional<UploadedFileType> type = UploadedFileType.detect(bytes);
    if (type.isEmpty()) {
      return UploadResult.UNSUPPORTED_TYPE;
    }
    long requestId = slot.get().requestId();
    RecordCipher.Sealed sealed = cipher.seal(bytes, "id-copy:" + slot.get().id());
    if (!copies.storeUpload(slot.get().id(), type.get().contentType(), sealed.nonce(), sealed.ciphertext(), now,
        now.plus(properties.copyRetention()))) {
      return UploadResult.UNKNOWN_OR_USED_LINK;
    }
    String reference = requests.referenceOf(requestId);
    requests.addEvent(requestId, now, "ID_COPY_RECEIVED", null);
    system.run(() -> {
      deadlines.endPause(reference, deadlines.today(), RequestStatus.AWAITING_IDENTITY);
      runtimeService.createMessageCorrelation(IdentityVerificationProcess.MESSAGE_ID_COPY_RECEIVED)
          .processInstanceBusinessKey(reference).correlateAll();
    });
    log.info("Request {}: masked ID copy received ({} bytes, {})", reference, bytes.length, type.get());
    return UploadResult.STORED;
  }

  public record CopyContent(String contentType, byte[] bytes) {
  }

  /**
   * The copy, only for the user the check task is assigned to (SEC-1; claim the task first). Every view is logged.
   */
  @Transactional
  public Optional<CopyContent> viewCopy(String reference, String user) {
    RequestRecord request = requests.findByReference(reference).orElse(null);
    if (request == null || user == null) {
      return Optional.empty();
    }
    Task task = system.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(IdentityVerificationProcess.Elements.CHECK_MASKED_COPY).active().singleResult());
    if (task == null || !user.equals(task.getAssignee())) {
      return Optional.empty();
    }
    Optional<IdCopyRepository.CopyRow> copy = copies.latestForRequest(request.id())
        .filter(c -> c.ciphertext() != null && c.deletedAt() == null);
    copy.ifPresent(c -> requests.addEvent(request.id(), clock.instant(), "ID_COPY_VIEWED", user));
    return copy.map(c -> new CopyContent(c.contentType(),
        cipher.open(new RecordCipher.Sealed(c.nonce(), c.ciphertext()), "id-copy:" + c.id())));
  }

  /** ID-4: deleted the moment identity is decided; "ID checked by X at T, copy deleted at T2" remains. */
  @Transactional
  public void recordCopyCheck(String reference, String result, String documentType, String user) {
    RequestRecord request = requests.getByReference(reference);
    if (!"VERIFIED".equals(result) && !"FAILED".equals(result)) {
      throw new RefusedStepException("Geef de uitkomst: vastgesteld of niet vastgesteld.");
    }
    copies.recordResult(request.id(), result, documentType, user, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "ID_COPY_CHECKED_" + result, user);
  }

  @Transactional
  public void deleteCopy(String reference) {
    RequestRecord request = requests.getByReference(reference);
    copies.deleteCopies(request.id(), clock.instant());
    copies.recordCopyDeleted(request.id(), clock.instant());
    requests.addEvent(request.id(), clock.instant(), "ID_COPY_DELETED", null);
  }

  /** ID-4: an unchecked copy is purged after the configured time. */
  @Transactional
  public void purgeUncheckedCopy(String reference) {
    RequestRecord request = requests.getByReference(reference);
    if (copies.deleteCopies(request.id(), clock.instant()) > 0) {
      copies.recordCopyDeleted(request.id(), clock.instant());
      requests.addEvent(request.id(), clock.instant(), "ID_COPY_PURGED_UNCHECKED", null);
    }
  }

  /** DL-9: no reply within the period; any unchecked upload slot is closed. */
  @Transactional
  public void recordNoReply(String reference) {
    RequestRecord request = requests.getByReference(reference);
    copies.deleteCopies(request.id(), clock.instant());
    copies.recordResult(request.id(), "NO_REPLY", null, null, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "IDENTITY_NO_REPLY", null);
  }

  @Transactional
  public void recordResult(String reference, String result) {
    RequestRecord request = requests.getByReference(reference);
    boolean verified = "VERIFIED".equals(result);
    if (verified) {
      requests.updateIdentityStatus(request.id(), IdentityStatus.VERIFIED, RequestStatus.IN_PROGRESS);
    } else {
      requests.updateIdentityStatus(request.id(), IdentityStatus.FAILED);
    }
    requests.addEvent(request.id(), clock.instant(), "IDENTITY_" + (verified ? "VERIFIED" : "NOT_ESTABLISHED"),
        null);
  }

  // ---- timer dates ---------------------------------------------------------------------------------------------

  java.util.Date reminderAt(String reference) {
    RequestRecord request = requests.getByReference(reference);
    return java.util.Date.from(deadlines.at0800(questionDate(request).plus(properties.copyReminderAfter())));
  }

  java.util.Date noReplyAt(String reference) {
    RequestRecord request = requests.getByReference(reference);
    return java.util.Date.from(deadlines.at0800(questionDate(request).plus(properties.noReplyPeriod())
        .plusDays(1)));
  }

  java.util.Date purgeAt(String reference) {
    RequestRecord request = requests.getByReference(reference);
    return copies.latestForRequest(request.id()).map(IdCopyRepository.CopyRow::purgeAfter)
        .map(java.util.Date::from).orElseGet(() -> java.util.Date.from(clock.instant()
            .plus(properties.copyRetention())));
  }

  private LocalDate questionDate(RequestRecord request) {
    return copies.latestForRequest(request.id()).map(IdCopyRepository.CopyRow::requestedOn)
        .orElse(deadlines.today());
  }

  /** A one-time link: staff read a marker in the stored letter, only the recipient's copy has it (issue 14 f. 6). */
  private OneTimeLink uploadUrl(String token) {
    return new OneTimeLink(properties.publicBaseUrl() + "/upload/" + token);
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
