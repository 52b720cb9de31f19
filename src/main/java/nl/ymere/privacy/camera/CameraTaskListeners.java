package nl.ymere.privacy.camera;

import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.CAMERA_APPROVED;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.COVERT_APPROVED;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.DPIA_ACCEPTED;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.DPIA_NEEDED;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.HIGH_RESIDUAL_RISK;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.LEGITIMATE_INTEREST;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.REEVALUATION_OUTCOME;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.REFERENCE;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.REFUSAL_REASON;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.SUPERVISOR_ANSWER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.ymere.privacy.camera.CameraCodes.ApCategory;
import nl.ymere.privacy.camera.CameraCodes.ReevaluationOutcome;
import nl.ymere.privacy.camera.CameraCodes.RefusalReason;
import nl.ymere.privacy.camera.CameraCodes.ResidualRisk;
import nl.ymere.privacy.camera.CameraCodes.SupervisorAnswer;
import nl.ymere.privacy.camera.CameraCodes.Wp248Criterion;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the camera protocol's user tasks. Free text a form submits (balancing, advice, DPIA contents,
 * comments) is moved into {@code privacy.camera_*} and removed from the process before the transaction commits
 * (DESIGN principle 2); the completing user comes from the engine authentication (principle 6). Only codes and
 * booleans the gateways need stay as variables.
 */
@Configuration
class CameraTaskListeners {

  /** Checkbox keys of {@code forms/screen-dpia.form}: "ap" or "wp" + the code in camel case. */
  static String checkboxKey(String prefix, Enum<?> code) {
    StringBuilder key = new StringBuilder(prefix);
    for (String part : code.name().split("_")) {
      key.append(part.charAt(0)).append(part.substring(1).toLowerCase());
    }
    return key.toString();
  }

  @Bean
  TaskListener legitimateInterestListener(CameraProtocolService protocols) {
    return task -> {
      boolean necessity = flag(task, "necessityShown");
      boolean subsidiarity = flag(task, "subsidiarityShown");
      boolean outweighs = flag(task, "interestOutweighs");
      String balancing = moveText(task, "balancing");
      removeAll(task, "necessityShown", "subsidiarityShown", "interestOutweighs");
      String result;
      try {
        result = protocols.recordBalancing(REFERENCE.required(task), task.getProcessInstanceId(), necessity,
            subsidiarity, outweighs, balancing, CurrentUser.of(task));
      } catch (IllegalArgumentException e) {
        throw new RefusedStepException(e.getMessage());
      }
      LEGITIMATE_INTEREST.set(task.getExecution(), result);
      if (!"PASSED".equals(result)) {
        REFUSAL_REASON.set(task.getExecution(), RefusalReason.BALANCING_FAILED.name());
      }
    };
  }

  /** The FG's written advice (Art 35(2), Art 39): recorded, never routed on (the FG advises, CAM-4). */
  @Bean
  TaskListener fgAdviceListener(CameraProtocolService protocols) {
    return task -> {
      String advice = CurrentUser.text(task, "fgAdvice");
      String text = moveText(task, "fgAdviceText");
      task.getExecution().removeVariable("fgAdvice");
      if (advice == null || text == null) {
        throw new RefusedStepException("Kies een advies en schrijf het uit.");
      }
      boolean onDpia = CameraProtocolProcess.Elements.ADVISE_DPIA.equals(task.getTaskDefinitionKey());
      protocols.recordFgAdvice(REFERENCE.required(task), task.getProcessInstanceId(), onDpia, advice, text,
          CurrentUser.of(task));
    };
  }

  @Bean
  TaskListener dpiaScreeningListener(DpiaScreeningService screenings) {
    return task -> {
      Set<ApCategory> ap = EnumSet.noneOf(ApCategory.class);
      for (ApCategory code : ApCategory.values()) {
        if (flag(task, checkboxKey("ap", code))) {
          ap.add(code);
        }
        task.getExecution().removeVariable(checkboxKey("ap", code));
      }
      Set<Wp248Criterion> wp = EnumSet.noneOf(Wp248Criterion.class);
      for (Wp248Criterion code : Wp248Criterion.values()) {
        if (flag(task, checkboxKey("wp", code))) {
          wp.add(code);
        }
        task.getExecution().removeVariable(checkboxKey("wp", code));
      }
      boolean art35 = flag(task, "art35Case");
      task.getExecution().removeVariable("art35Case");
      screenings.recordSelection(REFERENCE.required(task), task.getProcessInstanceId(), ap, wp, art35,
          CurrentUser.of(task));
    };
  }

  /** CAM-2: with exactly one WP248 criterion the FG decides; "no DPIA" needs reasons. */
  @Bean
  TaskListener fgDpiaDecisionListener(CameraProtocolService protocols) {
    return task -> {
      Boolean needed = DPIA_NEEDED.from(task);
      String reasons = moveText(task, "dpiaNeedReasons");
      if (needed == null) {
        throw new RefusedStepException("Geef aan of een DPIA nodig is.");
      }
      if (reasons == null || reasons.length() < CameraProtocolService.MIN_TEXT) {
        throw new RefusedStepException("Motiveer het oordeel (minstens " + CameraProtocolService.MIN_TEXT
            + " tekens, CAM-2).");
      }
      protocols.recordNote(REFERENCE.required(task), "DPIA_NEED_DECISION", needed ? "DPIA" : "NO_DPIA", reasons,
          CurrentUser.of(task));
      protocols.recordEvent(REFERENCE.required(task), needed ? "DPIA_NEEDED_DECIDED" : "NO_DPIA_DECIDED", CurrentUser.of(task));
    };
  }

  /** CAM-3: the DPIA's Art 35(7) contents. */
  @Bean
  TaskListener dpiaWrittenListener(CameraProtocolService protocols) {
    return task -> {
      String description = moveText(task, "dpiaDescription");
      String necessity = moveText(task, "dpiaNecessity");
      String risks = moveText(task, "dpiaRisks");
      String measures = moveText(task, "dpiaMeasures");
      String residualRisk = CurrentUser.text(task, "residualRisk");
      task.getExecution().removeVariable("residualRisk");
      if (description == null || necessity == null || risks == null || measures == null) {
        throw new RefusedStepException("Een DPIA beschrijft de verwerking, de noodzaak en evenredigheid, de risico's "
            + "en de maatregelen (art. 35 lid 7 AVG).");
      }
      try {
        ResidualRisk.valueOf(residualRisk);
      } catch (RuntimeException e) {
        throw new RefusedStepException("Kies het restrisico: LOW, MEDIUM of HIGH.");
      }
      protocols.saveDpia(REFERENCE.required(task), description, necessity, risks, measures, residualRisk,
          CurrentUser.of(task));
    };
  }

  @Bean
  TaskListener dpiaReviewListener(CameraProtocolService protocols) {
    return task -> {
      Boolean accepted = DPIA_ACCEPTED.from(task);
      if (accepted == null) {
        throw new RefusedStepException("Geef aan of de DPIA is goedgekeurd.");
      }
      if (HIGH_RESIDUAL_RISK.from(task) == null) {
        HIGH_RESIDUAL_RISK.set(task.getExecution(), false);
      }
      String comment = moveText(task, "dpiaReviewComment");
      String user = CurrentUser.of(task);
      if (comment != null) {
        protocols.recordNote(REFERENCE.required(task), "DPIA_REVIEW", accepted ? "ACCEPTED" : "SENT_BACK", comment,
            user);
      }
      protocols.recordEvent(REFERENCE.required(task), accepted ? "DPIA_ACCEPTED" : "DPIA_SENT_BACK", user);
    };
  }

  /** CAM-3, Art 36: the supervisor's answer to the prior consultation. */
  @Bean
  TaskListener supervisorAnswerListener(CameraProtocolService protocols) {
    return task -> {
      String answer = SUPERVISOR_ANSWER.from(task);
      try {
        SupervisorAnswer.valueOf(answer);
      } catch (RuntimeException e) {
        throw new RefusedStepException("Kies het antwoord van de AP: PROCEED, PROCEED_WITH_MEASURES of "
            + "DO_NOT_PROCEED.");
      }
      String note = moveText(task, "supervisorAnswerNote");
      String letterReference = moveText(task, "supervisorReference");
      protocols.recordNote(REFERENCE.required(task), "SUPERVISOR_ANSWER", answer,
          (letterReference == null ? "" : letterReference + ": ") + (note == null ? "" : note), CurrentUser.of(task));
      protocols.recordEvent(REFERENCE.required(task), "SUPERVISOR_ANSWER_" + answer, CurrentUser.of(task));
      if (SupervisorAnswer.DO_NOT_PROCEED.name().equals(answer)) {
        REFUSAL_REASON.set(task.getExecution(), RefusalReason.SUPERVISOR_OBJECTED.name());
      }
    };
  }

  /** CAM-7: a covert camera also needs a privacy officer's approval. */
  @Bean
  TaskListener covertApprovalListener(CameraProtocolService protocols) {
    return task -> {
      Boolean approved = COVERT_APPROVED.from(task);
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de heimelijke camera is goedgekeurd.");
      }
      String comment = moveText(task, "approvalComment");
      if (comment != null) {
        protocols.recordNote(REFERENCE.required(task), "COVERT_APPROVAL", approved ? "APPROVED" : "REFUSED", comment,
            CurrentUser.of(task));
      }
      protocols.recordEvent(REFERENCE.required(task), approved ? "COVERT_APPROVED" : "COVERT_REFUSED",
          CurrentUser.of(task));
      if (!approved) {
        REFUSAL_REASON.set(task.getExecution(), RefusalReason.COVERT_NOT_APPROVED.name());
      }
    };
  }

  /**
   * CAM-4: management approves; the four-eyes listener has already refused the requester, and the service checks
   * again in the camera tables, with every earlier step (issue 14).
   */
  @Bean
  TaskListener cameraApprovalListener(CameraProtocolService protocols) {
    return task -> {
      Boolean approved = CAMERA_APPROVED.from(task);
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de camera is goedgekeurd.");
      }
      String user = CurrentUser.of(task);
      String comment = moveText(task, "approvalComment");
      if (approved) {
        protocols.approve(REFERENCE.required(task), task.getProcessInstanceId(), user, "TASK-" + task.getId());
      } else {
        protocols.recordNotApproved(REFERENCE.required(task), task.getProcessInstanceId(), user);
        REFUSAL_REASON.set(task.getExecution(), RefusalReason.NOT_APPROVED.name());
      }
      if (comment != null) {
        protocols.recordNote(REFERENCE.required(task), "APPROVAL", approved ? "APPROVED" : "REFUSED", comment, user);
      }
    };
  }

  /** CAM-8: signs at every entrance, with a photo as evidence (its reference in the document system). */
  @Bean
  TaskListener signageListener(CameraProtocolService protocols) {
    return task -> {
      boolean placed = flag(task, "signagePlaced");
      String photo = CurrentUser.text(task, "signagePhotoReference");
      removeAll(task, "signagePlaced", "signagePhotoReference");
      if (!placed || photo == null) {
        throw new RefusedStepException("Bevestig dat de borden hangen en geef het kenmerk van de foto op (CAM-8).");
      }
      protocols.confirmSignage(REFERENCE.required(task), photo, CurrentUser.of(task));
    };
  }

  /** CAM-6: the facility owner says whether the need still exists. */
  @Bean
  TaskListener reevaluationListener(CameraProtocolService protocols) {
    return task -> {
      String outcome = REEVALUATION_OUTCOME.from(task);
      try {
        ReevaluationOutcome.valueOf(outcome);
      } catch (RuntimeException e) {
        throw new RefusedStepException("Kies: CONTINUE, ADJUST of REMOVE.");
      }
      String note = moveText(task, "reevaluationNote");
      if (ReevaluationOutcome.ADJUST.name().equals(outcome) && note == null) {
        throw new RefusedStepException("Beschrijf de aanpassing.");
      }
      if (note != null) {
        protocols.recordNote(REFERENCE.required(task), "REEVALUATION", outcome, note, CurrentUser.of(task));
      }
    };
  }

  /** CAM-6: the expired protocol's camera is switched off. */
  @Bean
  TaskListener switchOffListener(CameraProtocolService protocols) {
    return task -> {
      boolean switchedOff = flag(task, "cameraSwitchedOff");
      String note = moveText(task, "switchOffNote");
      task.getExecution().removeVariable("cameraSwitchedOff");
      if (!switchedOff) {
        throw new RefusedStepException("Bevestig dat de camera is uitgeschakeld en verwijderd (of vraag een nieuw "
            + "protocol aan).");
      }
      if (note != null) {
        protocols.recordNote(REFERENCE.required(task), "SWITCH_OFF", null, note, CurrentUser.of(task));
      }
      protocols.recordEvent(REFERENCE.required(task), "SWITCHED_OFF", CurrentUser.of(task));
    };
  }

  private static boolean flag(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** Reads a free-text field and removes it from the process (principle 2). */
  private static String moveText(DelegateTask task, String name) {
    String text = CurrentUser.text(task, name);
    task.getExecution().removeVariable(name);
    task.removeVariable(name);
    return text;
  }

  private static void removeAll(DelegateTask task, String... names) {
    List.of(names).forEach(task.getExecution()::removeVariable);
  }
}
