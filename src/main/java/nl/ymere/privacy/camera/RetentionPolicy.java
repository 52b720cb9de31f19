package nl.ymere.privacy.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.ymere.privacy.web.ApiFieldError;
import org.springframework.stereotype.Component;

/**
 * CAM-5: footage is kept for the configured default (72 hours); a camera may keep it longer only with a recorded
 * justification, and never longer than the fixed ceiling of 28 days (EDPB Guidelines 3/2019), whatever the
 * configuration says.
 */
@Component
class RetentionPolicy {

  static final Duration CEILING = Duration.ofDays(28);

  private final Duration defaultRetention;

  RetentionPolicy(CameraProperties properties) {
    if (properties.defaultRetention().compareTo(CEILING) > 0) {
      throw new IllegalStateException("privacy.camera.default-retention exceeds the fixed ceiling of 28 days (CAM-5)");
    }
    this.defaultRetention = properties.defaultRetention();
  }

  int defaultHours() {
    return (int) defaultRetention.toHours();
  }

  /** The problems of a requested retention (hours, null = default); empty when acceptable. */
  List<ApiFieldError> check(Integer requestedHours, String justification) {
    List<ApiFieldError> errors = new ArrayList<>();
    if (requestedHours == null) {
      return errors;
    }
    if (requestedHours < 1) {
      errors.add(new ApiFieldError("retentionHours", "must be at least 1 hour"));
    } else if (requestedHours > CEILING.toHours()) {
      errors.add(new ApiFieldError("retentionHours", "refused: " + requestedHours + " hours exceeds the ceiling of 28 "
          + "days (672 hours) for camera footage (CAM-5); only incident footage under a hold is kept longer"));
    } else if (requestedHours > defaultHours() && (justification == null || justification.isBlank())) {
      errors.add(new ApiFieldError("retentionJustification", "a retention above " + defaultHours()
          + " hours needs a recorded justification (CAM-5)"));
    }
    return errors;
  }

  int effectiveHours(Integer requestedHours) {
    return requestedHours == null ? defaultHours() : requestedHours;
  }
}
