package nl.ymere.privacy.camera;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ymere.privacy.camera.CameraProtocolRepository.Event;
import nl.ymere.privacy.camera.CameraProtocolRepository.Note;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A camera protocol as the staff who decide on it see it beside their task (issue 16 item 1, DESIGN principle 10):
 * the request with location and purpose in the requester's words, the balancing, the FG's advice, the DPIA screening
 * and DPIA, and every earlier decision with who made it, read from {@code privacy.camera_*} at view time. The caller
 * has already found the task with the viewer's own engine authorizations.
 */
@Service
public class CameraCases {

  /** The protocol's facts and texts. */
  public record CameraCase(String reference, String status, String locationType, String locationName,
      String locationAddress, String areaType, String purpose, boolean covert, int retentionHours,
      String requestedBy, Instant requestedAt, String problem, String incidents, String milderMeasures,
      String fieldOfView, String covertSuspicion, String retentionJustification, String dpiaScreeningOutcome,
      String screenedBy, List<String> dpiaReasons, Dpia dpia, List<Step> steps, String approvedBy) {
  }

  /** The DPIA's Art 35(7) contents (CAM-3). */
  public record Dpia(String description, String necessity, String risks, String measures, String residualRisk,
      String writtenBy) {
  }

  /**
   * One earlier step: a note with its text (balancing, FG advice, decisions' reasons) or an event (what happened),
   * with who did it and when.
   */
  public record Step(Instant at, String type, String code, String text, String by) {
  }

  private final CameraProtocolRepository protocols;

  CameraCases(CameraProtocolRepository protocols) {
    this.protocols = protocols;
  }

  @Transactional(readOnly = true)
  public Optional<CameraCase> find(String reference) {
    return protocols.findByReference(reference).map(this::caseOf);
  }

  private CameraCase caseOf(CameraProtocol p) {
    Map<String, Object> texts = protocols.requestTexts(p.id());
    List<Step> steps = new ArrayList<>();
    for (Note note : protocols.notes(p.id())) {
      steps.add(new Step(note.at(), note.type(), note.code(), note.text(), note.byUser()));
    }
    for (Event event : protocols.events(p.id())) {
      if (!repeatsANote(event, steps)) {
        steps.add(new Step(event.at(), event.type(), null, null, event.byUser()));
      }
    }
    steps.sort((a, b) -> a.at().compareTo(b.at()));
    Dpia dpia = protocols.dpia(p.id()).map(row -> new Dpia(text(row, "systematic_description"),
        text(row, "necessity_proportionality"), text(row, "risks"), text(row, "measures"), text(row, "residual_risk"),
        text(row, "written_by"))).orElse(null);
    return new CameraCase(p.reference(), p.status().name(), p.locationType(), p.locationName(), p.locationAddress(),
        p.areaType(), p.purpose(), p.covert(), p.retentionHours(), p.requestedBy(), p.createdAt(),
        text(texts, "problem"), text(texts, "incidents"), text(texts, "milder_measures"), text(texts, "field_of_view"),
        text(texts, "covert_suspicion"), text(texts, "retention_justification"), protocols.screeningOutcome(p.id()),
        protocols.screenedBy(p.id()), protocols.matchedReasons(p.id()), dpia, steps, p.approvedBy());
  }

  /**
   * An event that only repeats a note of the same moment (within a second) and person (FG_ADVICE_POSITIVE beside the FG_ADVICE note with
   * code POSITIVE and its text): the case shows the note once.
   */
  private static boolean repeatsANote(Event event, List<Step> notes) {
    return notes.stream().anyMatch(note -> note.code() != null
        && Math.abs(java.time.Duration.between(note.at(), event.at()).toMillis()) < 1000
        && java.util.Objects.equals(note.by(), event.byUser())
        && event.type().equals(note.type() + "_" + note.code()));
  }

  private static String text(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? null : value.toString();
  }
}
