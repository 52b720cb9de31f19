package nl.ymere.privacy.camera;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due date of the footage request's hold timer ({@code ${footageTimers.holdEndsAt(reference)}}): the hold covers
 * footage through its end date and is released automatically at the start of the next day (CAM-5).
 */
@Component("footageTimers")
public class FootageTimers {

  private final FootageRequestService requests;
  private final Clock clock;

  FootageTimers(FootageRequestService requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
  }

  public Date holdEndsAt(String reference) {
    return Date.from(requests.get(reference).holdUntil().plusDays(1).atTime(LocalTime.MIDNIGHT)
        .atZone(clock.getZone()).toInstant());
  }
}
