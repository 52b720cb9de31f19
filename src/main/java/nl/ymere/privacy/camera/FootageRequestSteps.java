package nl.ymere.privacy.camera;

import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.LAWFUL;
import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.LAWFULNESS_CHECKER;
import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.REFERENCE;
import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.RELEASE_APPROVED;
import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.REQUEST_TYPE;

import nl.ymere.privacy.camera.FootageRequestProcess.LawfulBasis;
import nl.ymere.privacy.camera.FootageRequestProcess.RequestType;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listeners and delegates of {@code camera-footage-request.bpmn}; bean names are the diagram's expressions. Comments
 * are not kept in the process (DESIGN principle 2); the completing users come from the engine authentication.
 */
@Configuration
class FootageRequestSteps {

  /** Lawfulness check by a privacy officer (CAM-8; police per PRC-7); the checker is the first of four eyes. */
  @Bean
  TaskListener footageLawfulnessListener(FootageRequestService requests, FourEyesSteps fourEyes) {
    return task -> {
      Boolean lawful = LAWFUL.from(task);
      String basis = CurrentUser.text(task, "lawfulBasis");
      task.getExecution().removeVariable("lawfulBasis");
      task.getExecution().removeVariable("lawfulnessNote");
      if (lawful == null) {
        throw new RefusedStepException("Geef aan of de uitgifte rechtmatig is.");
      }
      if (lawful) {
        try {
          LawfulBasis.valueOf(basis);
        } catch (RuntimeException e) {
          throw new RefusedStepException("Kies de grondslag van de uitgifte.");
        }
      }
      String user = CurrentUser.of(task);
      requests.recordLawfulness(REFERENCE.required(task), lawful, lawful ? basis : null, user);
      fourEyes.recordFirstStep(task, LAWFULNESS_CHECKER, user);
    };
  }

  /** The second officer releases; a data subject's access copy only with the others blurred (CAM-8). */
  @Bean
  TaskListener footageReleaseListener(FootageRequestService requests) {
    return task -> {
      Boolean approved = RELEASE_APPROVED.from(task);
      Object blurred = task.getVariable("othersBlurred");
      task.getExecution().removeVariable("othersBlurred");
      task.getExecution().removeVariable("releaseComment");
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de beelden worden vrijgegeven.");
      }
      if (approved && RequestType.DATA_SUBJECT_ACCESS.name().equals(REQUEST_TYPE.from(task))
          && !Boolean.TRUE.equals(blurred)) {
        throw new RefusedStepException("Bij inzage door een betrokkene moeten anderen onherkenbaar zijn gemaakt "
            + "(CAM-8).");
      }
      if (approved) {
        requests.recordRelease(REFERENCE.required(task), task.getProcessInstanceId(), CurrentUser.of(task));
      }
    };
  }

  @Bean
  JavaDelegate exportFootageDelegate(FootageRequestService requests) {
    return execution -> requests.export(REFERENCE.required(execution), execution.getProcessInstanceId(),
        CurrentUser.of(execution));
  }

  @Bean
  JavaDelegate placeIncidentHoldDelegate(FootageRequestService requests) {
    return execution -> requests.placeHold(REFERENCE.required(execution), CurrentUser.of(execution));
  }

  @Bean
  JavaDelegate releaseIncidentHoldDelegate(FootageRequestService requests) {
    return execution -> requests.releaseHold(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate recordFootageRefusalDelegate(FootageRequestService requests) {
    return execution -> requests.refuse(REFERENCE.required(execution));
  }
}
