package nl.ymere.privacy.fraud;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the process's timers, from the stored signal ({@code ${fraudTimers.deletionAt(signalReference)}}):
 * durations come from {@code privacy.fraud.*}, so a diagram edit needs no Java change (DESIGN principle 1).
 */
@Component("fraudTimers")
public class FraudTimers {

  private final FraudOutcomeService outcomes;

  FraudTimers(FraudOutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  /** Decision date + {@code privacy.fraud.dismissed-retention} (default 3 months). */
  public Date deletionAt(String signalReference) {
    return outcomes.deletionAt(signalReference);
  }

  /** Recording (or last re-check) of the postponement + {@code privacy.fraud.postponement-review} (default 1 month). */
  public Date postponementReviewAt(String signalReference) {
    return outcomes.postponementReviewAt(signalReference);
  }
}
