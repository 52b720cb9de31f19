package nl.ymere.privacy.camera;

import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.CAMERA_REFERENCE;
import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.REFERENCE;
import static nl.ymere.privacy.camera.FootageRequestProcess.Variables.REQUEST_TYPE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import nl.ymere.privacy.camera.FootageRequestProcess.RequestType;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiProblemException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code camera-footage-request} ({@code forms/request-footage.form}): who asks and why go to
 * {@code privacy.camera_footage_request} and leave the process before the transaction commits (DESIGN principle 2);
 * only references and codes stay. A request that fails a check starts nothing.
 */
@Component("footageRequestIntakeListener")
class FootageRequestIntakeListener implements ExecutionListener {

  static final List<String> FORM_FIELDS = List.of("requestingParty", "demandReference", "incidentReference", "reason",
      "footageFrom", "footageUntil", "holdUntil");

  private final FootageRequestService requests;
  private final Clock clock;

  FootageRequestIntakeListener(FootageRequestService requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FootageRequestService.FootageRequestRecord request;
    try {
      RequestType type;
      try {
        type = CurrentUser.text(execution, "requestType") == null ? null
            : RequestType.valueOf(CurrentUser.text(execution, "requestType"));
      } catch (IllegalArgumentException e) {
        throw new ApiValidationException("requestType", "unknown value");
      }
      request = requests.register(new FootageRequest(CurrentUser.text(execution, "cameraReference"), type,
          CurrentUser.text(execution, "requestingParty"), CurrentUser.text(execution, "demandReference"),
          CurrentUser.text(execution, "incidentReference"), CurrentUser.text(execution, "reason"),
          instant(execution, "footageFrom"), instant(execution, "footageUntil"), date(execution, "holdUntil")),
          CurrentUser.of(execution), execution.getProcessInstanceId());
    } catch (ApiProblemException e) {
      throw new RefusedStepException("Beeldverzoek geweigerd: " + CameraIntakeListener.describe(e));
    } finally {
      FORM_FIELDS.forEach(execution::removeVariable);
    }
    execution.setProcessBusinessKey(request.reference());
    REFERENCE.set(execution, request.reference());
    CAMERA_REFERENCE.set(execution, request.cameraReference());
    REQUEST_TYPE.set(execution, request.requestType());
  }

  /** A date-time with offset, or a local date-time in the organisation's zone (Camunda Forms' datetime field). */
  private Instant instant(DelegateExecution execution, String field) {
    String text = CurrentUser.text(execution, field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      try {
        return LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
      } catch (RuntimeException e2) {
        throw new ApiValidationException(field, "must be a date-time (YYYY-MM-DDTHH:MM)");
      }
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
      throw new ApiValidationException(field, "must be a date (YYYY-MM-DD)");
    }
  }
}
