package nl.ymere.privacy.unfounded;

import java.util.Date;
import org.springframework.stereotype.Component;

/** Timer date of {@code Timer_FeePeriodLapsed}: {@code ${feeTimers.respondByAt(reference)}}. */
@Component("feeTimers")
public class FeeTimers {

  private final UnfoundedRequestService service;

  FeeTimers(UnfoundedRequestService service) {
    this.service = service;
  }

  public Date respondByAt(String reference) {
    return service.feeRespondByAt(reference);
  }
}
