package nl.ymere.privacy.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other capabilities (identity verification) may read and record on a request: the record itself, its status,
 * identity status, event log and notes. The repository stays this package's own.
 */
@Service
public class RequestRecords {

  private final RequestRepository repository;

  RequestRecords(RequestRepository repository) {
    this.repository = repository;
  }

  public RequestRecord getByReference(String reference) {
    return repository.getByReference(reference);
  }

  public Optional<RequestRecord> findByReference(String reference) {
    return repository.findByReference(reference);
  }

  public String referenceOf(long requestId) {
    return repository.referenceOf(requestId);
  }

  /** REP-3..REP-5: whether the representative's authority was checked and accepted, as the request now stands. */
  public boolean representativeAuthorityAccepted(long requestId, Representation representation) {
    return "ACCEPTED".equals(repository.latestAuthorityCheck(requestId, representation));
  }

  public void updateStatus(long requestId, RequestStatus status) {
    repository.updateStatus(requestId, status);
  }

  public void updateIdentityStatus(long requestId, IdentityStatus identityStatus) {
    repository.updateIdentityStatus(requestId, identityStatus);
  }

  /** The identity status and, unless the request is closed, the request's status (as {@link #updateStatus}). */
  public void updateIdentityStatus(long requestId, IdentityStatus identityStatus, RequestStatus status) {
    repository.updateIdentityStatus(requestId, identityStatus, status);
  }

  /** Adds an entry to the request's event log (what, when, who; never content). */
  public void addEvent(long requestId, Instant at, String type, String byUser) {
    repository.addEvent(requestId, at, type, byUser);
  }

  /** Adds an entry with counts or references in {@code detail} (never content). */
  public void addEvent(long requestId, Instant at, String type, String byUser, String detail) {
    repository.addEvent(requestId, at, type, byUser, detail);
  }

  /**
   * The references of all requests about one person (ERA-5, RET-6: their engine history goes with an erasure): asked
   * for themselves with this e-mail address, or about this name with this date of birth.
   */
  public List<String> referencesAbout(String email, String name, LocalDate dateOfBirth) {
    return repository.referencesAbout(email, name, dateOfBirth);
  }

  /**
   * Lists a document that is not a queued letter (e.g. the access dossier PDF, kept by its capability) among the
   * request's documents ({@code GET /api/requests/{reference}}), with the path of the request's endpoint that
   * serves it, relative to {@code /api/requests/{reference}/}, e.g. {@code access-dossier}.
   */
  public void addDocument(long requestId, String type, String templateVersion, Instant at, String path) {
    repository.addDocument(requestId, type, templateVersion, null, path, at);
  }

  /**
   * DL-10: the substantive answer went out while the right's sub-process still runs (e.g. an access dossier awaiting
   * its delivery, ACC-2): from now on no deadline reminder, escalation or overdue mark (see RequestSteps).
   */
  public void recordAnswerSent(long requestId, Instant at, String byUser) {
    repository.addEvent(requestId, at, ANSWER_SENT, byUser);
  }

  /** Event type of {@link #recordAnswerSent}. */
  public static final String ANSWER_SENT = "ANSWER_SENT";

  /** Keeps free text about the person in the product's tables ({@link RequestNotes} kinds). */
  public void addNote(long requestId, String kind, String text, String writtenBy, Instant at) {
    repository.addNote(requestId, kind, text, writtenBy, at);
  }

  /** OBJ-1, OBJ-2: what the objection is against, when known. */
  public Optional<ObjectionScope> objectionScope(String reference) {
    return Optional.ofNullable(repository.getByReference(reference).objectionScope());
  }

  /** The desk records the scope the intake did not give (first step of dsr-objection). */
  public void recordObjectionScope(String reference, ObjectionScope scope) {
    repository.setObjectionScope(repository.getByReference(reference).id(), scope);
  }
}
