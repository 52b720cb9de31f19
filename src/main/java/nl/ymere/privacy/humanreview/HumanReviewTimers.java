package nl.ymere.privacy.humanreview;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the process's timers from the stored case ({@code ${humanReviewTimers.viewDueAt(reference)}}): the
 * view period comes from {@code privacy.human-review.view-period}, so a diagram edit needs no Java change.
 */
@Component("humanReviewTimers")
public class HumanReviewTimers {

  private final HumanReviewService service;

  HumanReviewTimers(HumanReviewService service) {
    this.service = service;
  }

  /** The end of the period in which the person can state a view (default 14 days after the invitation). */
  public Date viewDueAt(String reference) {
    return service.viewDueAt(reference);
  }
}
