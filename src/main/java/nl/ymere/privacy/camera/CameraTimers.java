package nl.ymere.privacy.camera;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the protocol's timers (CAM-6, CAM-7), computed from the register entry and {@code privacy.camera.*};
 * the diagram calls them as {@code ${cameraTimers.reviewAt(reference)}}. A timer's date is fixed when it is created,
 * so every re-approval loops back and creates new timers.
 */
@Component("cameraTimers")
public class CameraTimers {

  private static final LocalTime OFFICE_MORNING = LocalTime.of(8, 0);

  private final CameraProtocolRepository protocols;
  private final CameraProperties properties;
  private final Clock clock;

  CameraTimers(CameraProtocolRepository protocols, CameraProperties properties, Clock clock) {
    this.protocols = protocols;
    this.properties = properties;
    this.clock = clock;
  }

  /** The facility owner is asked whether the need still exists: review-notice-before the expiry, 08:00. */
  public Date reviewAt(String reference) {
    return at(expiresOn(reference).minus(properties.reviewNoticeBefore()), OFFICE_MORNING);
  }

  /** The register's next review date (CAM-6): the day the facility owner is asked. */
  public LocalDate reviewOn(LocalDate expiresOn) {
    return expiresOn.minus(properties.reviewNoticeBefore());
  }

  /** No answer by then: e-mail to the privacy officers. */
  public Date escalationAt(String reference) {
    return at(expiresOn(reference).minus(properties.reviewNoticeBefore()).plus(properties.reviewEscalationAfter()),
        OFFICE_MORNING);
  }

  /** The protocol expires at the start of its expiry date (CAM-6); a covert camera's hard end date (CAM-7). */
  public Date expiryAt(String reference) {
    return at(expiresOn(reference), LocalTime.MIDNIGHT);
  }

  private LocalDate expiresOn(String reference) {
    LocalDate expiresOn = protocols.getByReference(reference).expiresOn();
    if (expiresOn == null) {
      throw new IllegalStateException("Camera protocol " + reference + " has no expiry date");
    }
    return expiresOn;
  }

  private Date at(LocalDate date, LocalTime time) {
    return Date.from(date.atTime(time).atZone(clock.getZone()).toInstant());
  }
}
