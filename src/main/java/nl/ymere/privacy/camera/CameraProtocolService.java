package nl.ymere.privacy.camera;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ymere.privacy.camera.CameraCodes.LocationType;
import nl.ymere.privacy.camera.CameraCodes.Status;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a camera protocol on the product's tables (CAM-1..CAM-8): registration with its checks, the
 * balancing, notes and events, approval, go-live (signage, residents' letter, register entry), re-approval, expiry
 * and removal. Called by the process's listeners and delegates and by {@code /api/cameras}.
 */
@Service
@Transactional
public class CameraProtocolService {

  static final int MIN_TEXT = 20;

  private final CameraProtocolRepository protocols;
  private final CameraPreconditions preconditions;
  private final RetentionPolicy retention;
  private final CameraProperties properties;
  private final OutboxService outbox;
  private final Clock clock;

  CameraProtocolService(CameraProtocolRepository protocols, CameraPreconditions preconditions, RetentionPolicy retention,
      CameraProperties properties, OutboxService outbox, Clock clock) {
    this.protocols = protocols;
    this.preconditions = preconditions;
    this.retention = retention;
    this.properties = properties;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Checks and stores a placement request (CAM-1, CAM-5, CAM-7). A request that fails a check is refused with every
   * reason ({@link ApiValidationException}) and leaves no row.
   */
  public CameraProtocol register(CameraRequest request, String user, String processInstanceId) {
    List<ApiFieldError> errors = check(request);
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
    Instant now = clock.instant();
    String reference = String.format("CAM-%d-%06d", today().getYear(), protocols.nextReferenceNumber());
    boolean covert = Boolean.TRUE.equals(request.covert());
    long id = protocols.insert(reference, request, covert, retention.effectiveHours(request.retentionHours()), user,
        processInstanceId, now);
    protocols.addEvent(id, "REQUESTED", user, now);
    return protocols.getByReference(reference);
  }

  List<ApiFieldError> check(CameraRequest r) {
    List<ApiFieldError> errors = new ArrayList<>();
    if (r.locationType() == null) {
      errors.add(new ApiFieldError("locationType", "is required (OFFICE or COMPLEX)"));
    }
    required(errors, "locationName", r.locationName(), 1);
    if (r.locationType() == LocationType.COMPLEX) {
      required(errors, "locationAddress", r.locationAddress(), 1);
    }
    if (r.areaType() == null) {
      errors.add(new ApiFieldError("areaType", "is required (ENTRANCE, HALL, STORAGE, PARKING or OUTDOOR)"));
    }
    if (r.purpose() == null) {
      errors.add(new ApiFieldError("purpose", "is required"));
    }
    required(errors, "problem", r.problem(), MIN_TEXT);
    // CAM-1: the legitimate interest rests on concrete incidents (dates, report references)
    required(errors, "incidents", r.incidents(), MIN_TEXT);
    required(errors, "milderMeasures", r.milderMeasures(), MIN_TEXT);
    required(errors, "fieldOfView", r.fieldOfView(), MIN_TEXT);
    if (!Boolean.TRUE.equals(r.fieldOfViewConfirmed())) {
      errors.add(new ApiFieldError("fieldOfViewConfirmed",
          "the view must not reach into homes, front doors, windows or the public road (CAM-1)"));
    }
    if (Boolean.TRUE.equals(r.covert())) {
      // CAM-7: only on a concrete documented suspicion, time-limited
      required(errors, "covertSuspicion", r.covertSuspicion(), MIN_TEXT);
      LocalDate today = today();
      if (r.covertEndDate() == null) {
        errors.add(new ApiFieldError("covertEndDate", "a covert camera needs a hard end date (CAM-7)"));
      } else if (!r.covertEndDate().isAfter(today)) {
        errors.add(new ApiFieldError("covertEndDate", "must be after today"));
      } else if (r.covertEndDate().isAfter(today.plus(properties.reviewInterval()))) {
        errors.add(new ApiFieldError("covertEndDate", "must not be later than " + properties.reviewInterval()
            + " from today"));
      }
    }
    errors.addAll(retention.check(r.retentionHours(), r.retentionJustification()));
    return errors;
  }

  private static void required(List<ApiFieldError> errors, String field, String value, int minLength) {
    if (value == null || value.isBlank()) {
      errors.add(new ApiFieldError(field, "is required"));
    } else if (value.strip().length() < minLength) {
      errors.add(new ApiFieldError(field, "needs at least " + minLength + " characters"));
    }
  }

  @Transactional(readOnly = true)
  public Optional<CameraProtocol> find(String reference) {
    return protocols.findByReference(reference);
  }

  @Transactional(readOnly = true)
  public List<CameraProtocol> register(Status status) {
    return protocols.register(status);
  }

  @Transactional(readOnly = true)
  public List<String> eventTypes(String reference) {
    return protocols.eventTypes(protocols.getByReference(reference).id());
  }

  /** CAM-1: necessity, subsidiarity and a documented balancing; PASSED only when all three hold. */
  String recordBalancing(String reference, String processInstanceId, boolean necessity, boolean subsidiarity,
      boolean interestOutweighs, String balancing, String user) {
    if (balancing == null || balancing.strip().length() < MIN_TEXT) {
      throw new IllegalArgumentException("De belangenafweging moet worden uitgeschreven (minstens " + MIN_TEXT
          + " tekens, CAM-1).");
    }
    long id = preconditions.protocolOf(reference, processInstanceId).id();
    Instant now = clock.instant();
    String result = necessity && subsidiarity && interestOutweighs ? "PASSED" : "FAILED";
    protocols.addNote(id, "BALANCING", (necessity ? "N" : "-") + (subsidiarity ? "S" : "-")
        + (interestOutweighs ? "O" : "-"), balancing, user, now);
    protocols.addEvent(id, "BALANCING_" + result, user, now);
    return result;
  }

  void setProcessInstanceId(String reference, String processInstanceId) {
    protocols.setProcessInstanceId(id(reference), processInstanceId);
  }

  /**
   * The FG's advice (Art 35(2)): on the balancing only once it was recorded (CAM-1), on the DPIA only once it was
   * written (CAM-3), checked in the tables.
   */
  void recordFgAdvice(String reference, String processInstanceId, boolean onDpia, String advice, String text,
      String user) {
    CameraProtocol protocol = preconditions.protocolOf(reference, processInstanceId);
    if (onDpia) {
      preconditions.checkDpiaWritten(protocol);
    } else {
      preconditions.checkBalancingRecorded(protocol);
    }
    String type = onDpia ? CameraPreconditions.FG_DPIA_ADVICE : CameraPreconditions.FG_ADVICE;
    protocols.addNote(protocol.id(), type, advice, text, user, clock.instant());
    protocols.addEvent(protocol.id(), type + "_" + advice, user, clock.instant());
  }

  void recordNote(String reference, String type, String code, String text, String user) {
    protocols.addNote(id(reference), type, code, text, user, clock.instant());
  }

  void recordEvent(String reference, String type, String user) {
    protocols.addEvent(id(reference), type, user, clock.instant());
  }

  void saveDpia(String reference, String description, String necessity, String risks, String measures,
      String residualRisk, String user) {
    long id = id(reference);
    protocols.saveDpia(id, description, necessity, risks, measures, residualRisk, user, clock.instant());
    protocols.addEvent(id, "DPIA_WRITTEN", user, clock.instant());
  }

  void refuse(String reference, String reason) {
    long id = id(reference);
    protocols.refuse(id, reason, clock.instant());
    protocols.addEvent(id, "REFUSED_" + reason, null, clock.instant());
  }

  /**
   * CAM-4: management approval; the approval reference is the approving task, so it can be traced in history. Every
   * earlier step must be recorded in the camera tables and the approver is neither the requester nor the assessor
   * ({@link CameraPreconditions#checkApproval}).
   */
  void approve(String reference, String processInstanceId, String approver, String approvalReference) {
    CameraProtocol protocol = preconditions.protocolOf(reference, processInstanceId);
    preconditions.checkApproval(protocol, approver);
    protocols.approve(protocol.id(), approver, approvalReference);
    protocols.addEvent(protocol.id(), "APPROVED", approver, clock.instant());
  }

  /** CAM-4: management does not approve; also this decision is not the requester's or the assessor's. */
  void recordNotApproved(String reference, String processInstanceId, String user) {
    CameraProtocol protocol = preconditions.protocolOf(reference, processInstanceId);
    preconditions.checkApprover(protocol, user);
    protocols.addEvent(protocol.id(), "NOT_APPROVED", user, clock.instant());
  }

  void confirmSignage(String reference, String photoReference, String user) {
    long id = id(reference);
    protocols.setSignage(id, photoReference);
    protocols.addEvent(id, "SIGNAGE_CONFIRMED", user, clock.instant());
  }

  /** CAM-8: residents of the complex are told before the camera starts, by a letter through the outbox. */
  void informResidents(String reference) {
    CameraProtocol protocol = protocols.getByReference(reference);
    String addressee = "Aan de bewoners van " + protocol.locationName() + ", " + protocol.locationAddress();
    outbox.queueLetter(reference, RecipientRole.DATA_SUBJECT, addressee, "camera-residents-notice",
        Map.of("protocol", protocol, "startOn", today()));
    protocols.addEvent(protocol.id(), "RESIDENTS_INFORMED", null, clock.instant());
  }

  /**
   * The register entry (CAM-1, ROP-1): active from today until the next review (CAM-6), a covert camera only until
   * its hard end date (CAM-7). Only a protocol approved by another user than the requester and the assessor, and for
   * an overt camera with its signs confirmed, as the camera tables record them (issue 14).
   */
  void activate(String reference, String processInstanceId) {
    CameraProtocol protocol = preconditions.protocolOf(reference, processInstanceId);
    preconditions.checkApproved(protocol);
    if (!protocol.covert() && protocol.signagePhotoReference() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Cameraprotocol " + reference + " gaat niet in het register: "
          + "de borden bij de ingangen zijn niet bevestigd (CAM-8).");
    }
    LocalDate today = today();
    LocalDate expiresOn = protocol.covert() ? protocol.covertEndDate() : today.plus(properties.reviewInterval());
    protocols.activate(protocol.id(), today, expiresOn);
    protocols.addEvent(protocol.id(), "ACTIVATED", null, clock.instant());
  }

  /** CAM-6: the facility owner confirms (or adjusts) the need; the protocol runs for another review interval. */
  void reapprove(String reference, String outcome, String note, String user) {
    CameraProtocol protocol = protocols.getByReference(reference);
    LocalDate from = protocol.expiresOn() == null || protocol.expiresOn().isBefore(today()) ? today()
        : protocol.expiresOn();
    protocols.setExpiresOn(protocol.id(), from.plus(properties.reviewInterval()));
    if (note != null) {
      protocols.addNote(protocol.id(), "REEVALUATION", outcome, note, user, clock.instant());
    }
    protocols.addEvent(protocol.id(), "REEVALUATED_" + outcome, user, clock.instant());
  }

  void escalateReevaluation(String reference) {
    CameraProtocol protocol = protocols.getByReference(reference);
    outbox.queueToGroup(reference, RecipientRole.PRIVACY_OFFICERS, Groups.PRIVACY_OFFICERS,
        "camera-reevaluation-escalation", Map.of("protocol", protocol, "today", today()));
    protocols.addEvent(protocol.id(), "REEVALUATION_ESCALATED", null, clock.instant());
  }

  void expire(String reference) {
    long id = id(reference);
    protocols.updateStatus(id, Status.EXPIRED);
    protocols.addEvent(id, "EXPIRED", null, clock.instant());
  }

  void remove(String reference, String user) {
    long id = id(reference);
    protocols.close(id, Status.REMOVED, clock.instant());
    protocols.addEvent(id, "REMOVED", user, clock.instant());
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private long id(String reference) {
    return protocols.getByReference(reference).id();
  }
}
