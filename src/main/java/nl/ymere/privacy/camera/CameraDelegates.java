package nl.ymere.privacy.camera;

import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.REEVALUATION_OUTCOME;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.REFERENCE;
import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.REFUSAL_REASON;

import nl.ymere.privacy.process.CurrentUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code camera-protocol.bpmn}: each reads typed variables and calls one service method. Bean
 * names are the diagram's {@code delegateExpression}s.
 */
@Configuration
class CameraDelegates {

  /** CAM-2: evaluates processes/dpia-screening.dmn; result and reasons are stored, not set as variables. */
  @Bean
  JavaDelegate evaluateDpiaScreeningDelegate(DpiaScreeningService screenings) {
    return execution -> screenings.screen(REFERENCE.required(execution));
  }

  /** CAM-3, Art 36: the prior consultation is filed; the process waits for the supervisor's answer. */
  @Bean
  JavaDelegate requestPriorConsultationDelegate(CameraProtocolService protocols) {
    return execution -> protocols.recordEvent(REFERENCE.required(execution), "PRIOR_CONSULTATION_REQUESTED",
        CurrentUser.of(execution));
  }

  @Bean
  JavaDelegate recordCameraRefusalDelegate(CameraProtocolService protocols) {
    return execution -> protocols.refuse(REFERENCE.required(execution), REFUSAL_REASON.required(execution));
  }

  @Bean
  JavaDelegate informResidentsDelegate(CameraProtocolService protocols) {
    return execution -> protocols.informResidents(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate registerCameraDelegate(CameraProtocolService protocols) {
    return execution -> protocols.activate(REFERENCE.required(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate sendReevaluationEscalationDelegate(CameraProtocolService protocols) {
    return execution -> protocols.escalateReevaluation(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate reapproveCameraDelegate(CameraProtocolService protocols) {
    return execution -> protocols.reapprove(REFERENCE.required(execution), REEVALUATION_OUTCOME.required(execution),
        null, CurrentUser.of(execution));
  }

  @Bean
  JavaDelegate markCameraExpiredDelegate(CameraProtocolService protocols) {
    return execution -> protocols.expire(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate removeCameraDelegate(CameraProtocolService protocols) {
    return execution -> protocols.remove(REFERENCE.required(execution), CurrentUser.of(execution));
  }
}
