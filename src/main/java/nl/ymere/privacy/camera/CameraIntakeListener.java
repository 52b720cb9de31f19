package nl.ymere.privacy.camera;

import static nl.ymere.privacy.camera.CameraProtocolProcess.Variables.REFERENCE;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import nl.ymere.privacy.camera.CameraCodes.AreaType;
import nl.ymere.privacy.camera.CameraCodes.LocationType;
import nl.ymere.privacy.camera.CameraCodes.Purpose;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code camera-protocol} for the Tasklist start form ({@code forms/request-camera.form}): the
 * request's free text (location, problem, incidents, milder means, view, suspicion, justification) goes to
 * {@code privacy.camera_protocol} and is removed from the process before the transaction commits (DESIGN principle
 * 2). A request that fails a check is refused with the reasons and starts nothing. The business key becomes the
 * protocol reference; the requester is the authenticated user (four eyes, CAM-4). A start through
 * {@code POST /api/cameras} already carries a reference and passes untouched.
 */
@Component("cameraIntakeListener")
class CameraIntakeListener implements ExecutionListener {

  static final List<String> FORM_FIELDS = List.of("locationName", "locationAddress", "areaType", "purpose",
      "problem", "incidents", "milderMeasures", "fieldOfView", "fieldOfViewConfirmed", "covertSuspicion",
      "covertEndDate", "retentionHours", "retentionJustification");

  private final CameraProtocolService protocols;
  private final FourEyesSteps fourEyes;

  CameraIntakeListener(CameraProtocolService protocols, FourEyesSteps fourEyes) {
    this.protocols = protocols;
    this.fourEyes = fourEyes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (REFERENCE.from(execution) != null) {
      bindApiStart(execution);
      return;
    }
    CameraProtocol protocol;
    try {
      CameraRequest request = new CameraRequest(enumValue(LocationType.class, execution, "locationType"),
          CurrentUser.text(execution, "locationName"), CurrentUser.text(execution, "locationAddress"),
          enumValue(AreaType.class, execution, "areaType"), enumValue(Purpose.class, execution, "purpose"),
          CurrentUser.text(execution, "problem"), CurrentUser.text(execution, "incidents"),
          CurrentUser.text(execution, "milderMeasures"), CurrentUser.text(execution, "fieldOfView"),
          bool(execution, "fieldOfViewConfirmed"), bool(execution, "covert"),
          CurrentUser.text(execution, "covertSuspicion"), date(execution, "covertEndDate"),
          hours(execution), CurrentUser.text(execution, "retentionJustification"));
      protocol = protocols.register(request, CurrentUser.of(execution), execution.getProcessInstanceId());
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Cameraverzoek geweigerd: " + describe(e));
    } finally {
      FORM_FIELDS.forEach(execution::removeVariable);
    }
    execution.setProcessBusinessKey(protocol.reference());
    CameraProtocolProcess.Variables.REFERENCE.set(execution, protocol.reference());
    fourEyes.recordFirstStep(execution, CameraProtocolProcess.Variables.REQUESTER, protocol.requestedBy());
    CameraProtocolProcess.Variables.COVERT.set(execution, protocol.covert());
    CameraProtocolProcess.Variables.LOCATION_TYPE.set(execution, protocol.locationType());
  }

  /**
   * A start through {@code POST /api/cameras}: the protocol was registered by the authenticated user in this
   * transaction and has no process instance yet. Anything else that brings its own reference (engine REST, a forged
   * start form) is refused, and the requester and routing codes come from the stored request, never from the caller
   * (four eyes, CAM-4, DESIGN principle 6).
   */
  private void bindApiStart(DelegateExecution execution) {
    String user = CurrentUser.of(execution);
    CameraProtocol protocol = protocols.find(REFERENCE.from(execution))
        .filter(p -> p.processInstanceId() == null && p.requestedBy() != null && p.requestedBy().equals(user))
        .orElseThrow(() -> new RefusedStepException("Cameraverzoek geweigerd: start een protocol met het "
            + "startformulier of POST /api/cameras, niet met een eigen kenmerk."));
    fourEyes.recordFirstStep(execution, CameraProtocolProcess.Variables.REQUESTER, protocol.requestedBy());
    CameraProtocolProcess.Variables.COVERT.set(execution, protocol.covert());
    CameraProtocolProcess.Variables.LOCATION_TYPE.set(execution, protocol.locationType());
  }

  static String describe(ApiProblemException e) {
    if (e.errors() == null || e.errors().isEmpty()) {
      return e.detail();
    }
    return e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
  }

  private static Boolean bool(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value instanceof Boolean b ? b : value == null ? null : Boolean.valueOf(value.toString());
  }

  private static Integer hours(DelegateExecution execution) {
    Object value = execution.getVariable("retentionHours");
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new ApiValidationException("retentionHours", "must be a whole number of hours");
    }
  }

  private static LocalDate date(DelegateExecution execution, String field) {
    String text = CurrentUser.text(execution, field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (RuntimeException e) {
      throw new ApiValidationException(List.of(new ApiFieldError(field, "must be a date (YYYY-MM-DD)")));
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, DelegateExecution execution, String field) {
    String code = CurrentUser.text(execution, field);
    if (code == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      throw new ApiValidationException(field, "unknown value " + code);
    }
  }
}
