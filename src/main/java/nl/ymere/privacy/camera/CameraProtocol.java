package nl.ymere.privacy.camera;

import java.time.Instant;
import java.time.LocalDate;
import nl.ymere.privacy.camera.CameraCodes.Status;

/** One row of {@code privacy.camera_protocol} (the fields the process and the register need). */
public record CameraProtocol(long id, String reference, Status status, String locationType, String locationName,
    String locationAddress, String areaType, String purpose, boolean covert, LocalDate covertEndDate,
    int retentionHours, String requestedBy, String processInstanceId, String refusalReason, String dpiaOutcome,
    String approvedBy, String approvalReference, String signagePhotoReference, LocalDate activatedOn,
    LocalDate expiresOn, Instant createdAt) {
}
