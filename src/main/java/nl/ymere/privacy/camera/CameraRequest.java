package nl.ymere.privacy.camera;

import java.time.LocalDate;
import nl.ymere.privacy.camera.CameraCodes.AreaType;
import nl.ymere.privacy.camera.CameraCodes.LocationType;
import nl.ymere.privacy.camera.CameraCodes.Purpose;

/**
 * A camera placement request (CAM-1) as facility staff file it in Tasklist or through {@code POST /api/cameras}.
 *
 * @param fieldOfViewConfirmed the requester confirms the view reaches no home, front door, window or public road
 * @param retentionHours requested footage retention; null = the configured default (CAM-5)
 */
public record CameraRequest(LocationType locationType, String locationName, String locationAddress, AreaType areaType,
    Purpose purpose, String problem, String incidents, String milderMeasures, String fieldOfView,
    Boolean fieldOfViewConfirmed, Boolean covert, String covertSuspicion, LocalDate covertEndDate,
    Integer retentionHours, String retentionJustification) {
}
