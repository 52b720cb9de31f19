package nl.ymere.privacy.camera;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.ymere.privacy.camera.CameraCodes.DpiaOutcome;
import nl.ymere.privacy.camera.CameraCodes.ResidualRisk;
import nl.ymere.privacy.camera.CameraCodes.Status;
import nl.ymere.privacy.camera.CameraCodes.SupervisorAnswer;
import nl.ymere.privacy.camera.CameraProtocolRepository.Event;
import nl.ymere.privacy.camera.CameraProtocolRepository.Note;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import org.springframework.stereotype.Component;

/**
 * What a deciding step of the camera protocol needs before it may run, read in {@code privacy.camera_*} and never in
 * a process variable (DESIGN principle 9, issue 14): the requester is recorded (CAM-4), the legitimate-interest
 * balancing was recorded and passed (CAM-1), the FG advised on it (Art 35(2)), the DPIA screening was done and, when
 * it or the FG requires a DPIA, the DPIA was written, advised on, accepted and, with a high residual risk, not
 * objected to by the supervisor (CAM-2, CAM-3); a covert camera also has its privacy officer's approval (CAM-7). The
 * approver is neither the requester nor an assessor of the balancing (CAM-4: management approves, not the drafter).
 * An operator who starts a later step by a process instance modification, or a caller who names someone else in a
 * variable, therefore decides nothing. Each refusal is a {@link RefusedStepException} with a Dutch reason.
 */
@Component
class CameraPreconditions {

  static final String BALANCING = "BALANCING";
  static final String FG_ADVICE = "FG_ADVICE";
  static final String FG_DPIA_ADVICE = "FG_DPIA_ADVICE";
  static final String DPIA_NEED_DECISION = "DPIA_NEED_DECISION";
  static final String SUPERVISOR_ANSWER = "SUPERVISOR_ANSWER";

  private final CameraProtocolRepository protocols;

  CameraPreconditions(CameraProtocolRepository protocols) {
    this.protocols = protocols;
  }

  /**
   * The protocol, provided this process instance is the one the product started for it and it is still being
   * decided: an instance that carries the reference of another protocol decides nothing about it.
   */
  CameraProtocol protocolOf(String reference, String processInstanceId) {
    CameraProtocol protocol = protocols.getByReference(reference);
    if (processInstanceId != null && !processInstanceId.equals(protocol.processInstanceId())) {
      throw refused("Cameraprotocol " + reference + " wordt in een ander proces behandeld; deze taak hoort er niet "
          + "bij.");
    }
    if (protocol.requestedBy() == null || protocol.requestedBy().isBlank()) {
      throw refused("Van cameraprotocol " + reference + " is geen aanvrager vastgelegd (CAM-4).");
    }
    return protocol;
  }

  /** The FG advises on a balancing that was recorded (CAM-1, Art 35(2)). */
  void checkBalancingRecorded(CameraProtocol protocol) {
    if (latestBalancing(protocol) == null) {
      throw refused("Van cameraprotocol " + protocol.reference() + " is geen belangenafweging vastgelegd; eerst "
          + "wordt het gerechtvaardigd belang afgewogen (CAM-1).");
    }
  }

  /** The DPIA screening follows a balancing that passed and the FG's advice on it (CAM-1, CAM-2). */
  void checkReadyForScreening(CameraProtocol protocol) {
    checkBalancingPassed(protocol);
    checkFgAdvice(protocol);
  }

  /** The FG advises on a DPIA that was written (CAM-3). */
  void checkDpiaWritten(CameraProtocol protocol) {
    if (protocols.dpiaResidualRisk(protocol.id()) == null) {
      throw refused("Van cameraprotocol " + protocol.reference() + " is geen DPIA vastgelegd (CAM-3).");
    }
  }

  /**
   * Management's approval (CAM-4): every earlier step is recorded in the tables, and the approver did none of the
   * steps that would make it their own camera.
   */
  void checkApproval(CameraProtocol protocol, String approver) {
    checkApprover(protocol, approver);
    if (protocol.status() != Status.REQUESTED || protocol.approvedBy() != null) {
      throw refused("Over cameraprotocol " + protocol.reference() + " is al besloten.");
    }
    checkBalancingPassed(protocol);
    checkFgAdvice(protocol);
    checkDpia(protocol);
    if (protocol.covert() && !hasEvent(protocol, "COVERT_APPROVED")) {
      throw refused("De heimelijke camera van cameraprotocol " + protocol.reference() + " is niet door een privacy "
          + "officer goedgekeurd (CAM-7).");
    }
  }

  /** Who may approve: a logged-in user who neither requested the camera nor assessed its balancing (CAM-4). */
  void checkApprover(CameraProtocol protocol, String approver) {
    if (approver == null) {
      throw refused("Een camera kan alleen door een ingelogde gebruiker worden goedgekeurd.");
    }
    if (approver.equals(protocol.requestedBy())) {
      throw refused("Vier ogen: " + approver + " vroeg cameraprotocol " + protocol.reference() + " aan en mag het "
          + "niet goedkeuren (CAM-4).");
    }
    if (assessors(protocol).contains(approver)) {
      throw refused("Vier ogen: " + approver + " woog het belang van cameraprotocol " + protocol.reference()
          + " af en mag het niet goedkeuren (CAM-4).");
    }
  }

  /** The register entry needs the approval of another user than the requester and the assessor, in the table. */
  void checkApproved(CameraProtocol protocol) {
    if (protocol.status() != Status.REQUESTED || protocol.approvedBy() == null
        || protocol.approvedBy().equals(protocol.requestedBy()) || assessors(protocol).contains(protocol.approvedBy())) {
      throw refused("Cameraprotocol " + protocol.reference() + " is niet door het management goedgekeurd en gaat "
          + "niet in het register (CAM-1, CAM-4).");
    }
  }

  /** Every user who recorded a balancing of the protocol (each round counts). */
  Set<String> assessors(CameraProtocol protocol) {
    Set<String> users = new LinkedHashSet<>();
    for (Note note : protocols.notes(protocol.id())) {
      if (BALANCING.equals(note.type()) && note.byUser() != null) {
        users.add(note.byUser());
      }
    }
    return users;
  }

  private void checkBalancingPassed(CameraProtocol protocol) {
    checkBalancingRecorded(protocol);
    Event latest = latestEvent(protocol, List.of("BALANCING_PASSED", "BALANCING_FAILED"));
    if (latest == null || !"BALANCING_PASSED".equals(latest.type())) {
      throw refused("De belangenafweging van cameraprotocol " + protocol.reference() + " toont geen "
          + "gerechtvaardigd belang aan (CAM-1).");
    }
  }

  private void checkFgAdvice(CameraProtocol protocol) {
    List<Note> notes = protocols.notes(protocol.id());
    int balancing = lastIndexOf(notes, BALANCING);
    if (lastIndexOf(notes, FG_ADVICE) < balancing || balancing < 0) {
      throw refused("Over de belangenafweging van cameraprotocol " + protocol.reference() + " is geen advies van de "
          + "FG vastgelegd (CAM-1, art. 35 lid 2 AVG).");
    }
  }

  private void checkDpia(CameraProtocol protocol) {
    String outcome = protocols.screeningOutcome(protocol.id());
    if (outcome == null) {
      throw refused("Van cameraprotocol " + protocol.reference() + " is geen DPIA-screening vastgelegd (CAM-2).");
    }
    List<Note> notes = protocols.notes(protocol.id());
    boolean required = DpiaOutcome.REQUIRED.name().equals(outcome);
    if (DpiaOutcome.FG_DECIDES.name().equals(outcome)) {
      int decision = lastIndexOf(notes, DPIA_NEED_DECISION);
      if (decision < 0) {
        throw refused("Van cameraprotocol " + protocol.reference() + " is niet gemotiveerd vastgelegd of een DPIA "
            + "nodig is (CAM-2).");
      }
      required = "DPIA".equals(notes.get(decision).code());
    }
    if (!required) {
      return;
    }
    String residualRisk = protocols.dpiaResidualRisk(protocol.id());
    Event review = latestEvent(protocol, List.of("DPIA_WRITTEN", "DPIA_ACCEPTED", "DPIA_SENT_BACK"));
    if (residualRisk == null || lastIndexOf(notes, FG_DPIA_ADVICE) < 0 || review == null
        || !"DPIA_ACCEPTED".equals(review.type())) {
      throw refused("Cameraprotocol " + protocol.reference() + " vraagt een DPIA met advies van de FG en een "
          + "goedkeuring daarvan; die zijn niet vastgelegd (CAM-2, CAM-3).");
    }
    if (ResidualRisk.HIGH.name().equals(residualRisk)) {
      int answer = lastIndexOf(notes, SUPERVISOR_ANSWER);
      if (answer < 0 || SupervisorAnswer.DO_NOT_PROCEED.name().equals(notes.get(answer).code())) {
        throw refused("Cameraprotocol " + protocol.reference() + " heeft een hoog restrisico; zonder instemming "
            + "van de AP na voorafgaande raadpleging gaat het niet door (CAM-3, art. 36 AVG).");
      }
    }
  }

  private Note latestBalancing(CameraProtocol protocol) {
    List<Note> notes = protocols.notes(protocol.id());
    int index = lastIndexOf(notes, BALANCING);
    return index < 0 || notes.get(index).byUser() == null ? null : notes.get(index);
  }

  private boolean hasEvent(CameraProtocol protocol, String type) {
    return protocols.events(protocol.id()).stream().anyMatch(e -> e.type().equals(type));
  }

  private Event latestEvent(CameraProtocol protocol, List<String> types) {
    Event latest = null;
    for (Event event : protocols.events(protocol.id())) {
      if (types.contains(event.type())) {
        latest = event;
      }
    }
    return latest;
  }

  private static int lastIndexOf(List<Note> notes, String type) {
    for (int i = notes.size() - 1; i >= 0; i--) {
      if (notes.get(i).type().equals(type)) {
        return i;
      }
    }
    return -1;
  }

  private static RefusedStepException refused(String message) {
    return new RefusedStepException(Kind.NOT_ALLOWED, message);
  }
}
