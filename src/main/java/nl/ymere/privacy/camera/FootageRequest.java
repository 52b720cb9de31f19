package nl.ymere.privacy.camera;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.camera.FootageRequestProcess.RequestType;

/** A request for footage as filed (start form of {@code camera-footage-request}). */
public record FootageRequest(String cameraReference, RequestType requestType, String requestingParty,
    String demandReference, String incidentReference, String reason, Instant footageFrom, Instant footageUntil,
    LocalDate holdUntil) {
}
