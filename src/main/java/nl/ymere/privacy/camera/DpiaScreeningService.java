package nl.ymere.privacy.camera;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.ymere.privacy.camera.CameraCodes.ApCategory;
import nl.ymere.privacy.camera.CameraCodes.DpiaOutcome;
import nl.ymere.privacy.camera.CameraCodes.Wp248Criterion;
import nl.ymere.privacy.process.SystemActions;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CAM-2 DPIA screening: the privacy officer's selection of AP categories (Art 35(4)), WP248 criteria and the Art 35(3)
 * case is stored with the protocol, then {@code processes/dpia-screening.dmn} is evaluated through the engine's
 * {@link DecisionService}. The outcome ({@code REQUIRED}, {@code FG_DECIDES}, {@code NOT_REQUIRED}) and every matched
 * reason go to {@code privacy.camera_dpia_screening} / {@code camera_dpia_reason}, not into process variables; the
 * diagram's gateway reads the outcome through {@code ${dpiaScreening.outcome(reference)}}.
 */
@Service("dpiaScreening")
@Transactional
public class DpiaScreeningService {

  static final String KIND_AP = "AP_CATEGORY";
  static final String KIND_WP248 = "WP248";
  static final String KIND_ART35 = "ART35_3";

  private final CameraProtocolRepository protocols;
  private final CameraPreconditions preconditions;
  private final DecisionService decisions;
  private final SystemActions system;
  private final java.time.Clock clock;

  DpiaScreeningService(CameraProtocolRepository protocols, CameraPreconditions preconditions, DecisionService decisions,
      SystemActions system, java.time.Clock clock) {
    this.protocols = protocols;
    this.preconditions = preconditions;
    this.decisions = decisions;
    this.system = system;
    this.clock = clock;
  }

  /** The result of one evaluation of the decision requirements diagram. */
  public record Screening(DpiaOutcome outcome, List<String> apCategories, List<String> wp248Criteria) {
  }

  /** Evaluates the DMN for a selection, without storing anything (also the DMN's unit tests use it). */
  public Screening evaluate(Set<ApCategory> apCategories, Set<Wp248Criterion> wp248Criteria, boolean art35Case) {
    VariableMap inputs = Variables.createVariables()
        .putValue("apCategories", apCategories.stream().map(Enum::name).toList())
        .putValue("wp248Criteria", wp248Criteria.stream().map(Enum::name).toList())
        .putValue("art35Case", art35Case);
    // the evaluation is the system's step after the officer's screening task (officers may read, not evaluate)
    return system.call(() -> {
      DmnDecisionResult top = decisions.evaluateDecisionByKey(CameraProtocolProcess.DPIA_DECISION)
          .variables(inputs).evaluate();
      List<String> ap = decisions.evaluateDecisionByKey(CameraProtocolProcess.DPIA_AP_DECISION).variables(inputs)
          .evaluate().collectEntries("apCategory");
      List<String> wp = decisions.evaluateDecisionByKey(CameraProtocolProcess.DPIA_WP248_DECISION).variables(inputs)
          .evaluate().collectEntries("wp248Criterion");
      return new Screening(DpiaOutcome.valueOf(top.getSingleEntry()), List.copyOf(ap), List.copyOf(wp));
    });
  }

  /**
   * Stores the officer's selection. A covert camera is always covert investigation (AP category 1, CAM-7), whatever
   * was ticked.
   */
  void recordSelection(String reference, String processInstanceId, Set<ApCategory> apCategories,
      Set<Wp248Criterion> wp248Criteria, boolean art35Case, String user) {
    // issue 14: the screening follows a passed balancing and the FG's advice on it, as the camera tables record them
    CameraProtocol protocol = preconditions.protocolOf(reference, processInstanceId);
    preconditions.checkReadyForScreening(protocol);
    Set<ApCategory> ap = new LinkedHashSet<>(apCategories);
    if (protocol.covert()) {
      ap.add(ApCategory.COVERT_INVESTIGATION);
    }
    protocols.saveScreening(protocol.id(), art35Case, user, clock.instant());
    ap.forEach(code -> protocols.addSelectedReason(protocol.id(), KIND_AP, code.name()));
    wp248Criteria.forEach(code -> protocols.addSelectedReason(protocol.id(), KIND_WP248, code.name()));
    if (art35Case) {
      protocols.addSelectedReason(protocol.id(), KIND_ART35, "ART35_3");
    }
    protocols.addEvent(protocol.id(), "DPIA_SCREENING_RECORDED", user, clock.instant());
  }

  /** Evaluates the stored selection and stores the outcome and the matched reasons with the protocol. */
  DpiaOutcome screen(String reference) {
    CameraProtocol protocol = protocols.getByReference(reference);
    Set<ApCategory> ap = new LinkedHashSet<>();
    protocols.selectedReasons(protocol.id(), KIND_AP).forEach(code -> ap.add(ApCategory.valueOf(code)));
    Set<Wp248Criterion> wp = new LinkedHashSet<>();
    protocols.selectedReasons(protocol.id(), KIND_WP248).forEach(code -> wp.add(Wp248Criterion.valueOf(code)));
    Boolean art35 = protocols.art35Case(protocol.id());
    if (art35 == null) {
      throw new IllegalStateException("No DPIA screening recorded for " + reference);
    }
    Screening screening = evaluate(ap, wp, art35);
    protocols.recordScreeningResult(protocol.id(), screening.outcome().name(), KIND_AP, screening.apCategories());
    protocols.recordScreeningResult(protocol.id(), screening.outcome().name(), KIND_WP248,
        screening.wp248Criteria());
    if (art35) {
      protocols.recordScreeningResult(protocol.id(), screening.outcome().name(), KIND_ART35, List.of("ART35_3"));
    }
    protocols.setDpiaOutcome(protocol.id(), screening.outcome().name());
    protocols.addEvent(protocol.id(), "DPIA_SCREENED_" + screening.outcome().name(), null, clock.instant());
    return screening.outcome();
  }

  /** For the diagram's gateway: the stored outcome of the screening. */
  @Transactional(readOnly = true)
  public String outcome(String reference) {
    return protocols.screeningOutcome(protocols.getByReference(reference).id());
  }

  /** The matched reasons as {@code KIND:CODE} (e.g. {@code AP_CATEGORY:BIOMETRICS}, {@code WP248:LARGE_SCALE}). */
  @Transactional(readOnly = true)
  public List<String> matchedReasons(String reference) {
    return new ArrayList<>(protocols.matchedReasons(protocols.getByReference(reference).id()));
  }
}
